import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { topTags } from '../../search/tag-counts.js'
import type { LiveTagIndex } from '../../search/tag-index-load.js'
import { listingCursor } from '../../store/list-works.js'
import type { Store } from '../../store/store.js'
import { readerPreferences } from '../reader-preferences.js'
import { WorksPage } from '../views/works-page.js'

const PAGE_SIZE = 100
/** How many fandoms the home page ranks by their works. */
const TOP_FANDOMS = 20

/** The home page: the fandoms with the most works, then the works in the archive, newest first. */
export const workRoutes: FastifyPluginAsyncTypebox<{ store: Store; tagIndex: LiveTagIndex }> = async (
  app,
  { store, tagIndex },
) => {
  app.get(
    '/',
    { schema: { querystring: Type.Object({ after: Type.Optional(Type.String({ maxLength: 200 })) }) } },
    async (request, reply) => {
      const [page, total] = await Promise.all([
        store.works.list({ limit: PAGE_SIZE, after: request.query.after }),
        store.works.count(),
        tagIndex.refresh(),
      ])
      // Counted from the tag index, as /works and each fandom's works page count them; on the
      // first page only, as the later ones are the rest of the recent works.
      const topFandoms =
        request.query.after === undefined ? topTags(tagIndex.current(), 'fandom', TOP_FANDOMS) : []
      const last = page.length === PAGE_SIZE ? page[page.length - 1] : undefined
      const nextPage = last === undefined ? null : `/?after=${encodeURIComponent(listingCursor(last))}`
      const preferences = readerPreferences(request.cookies)
      const html = await (
        <WorksPage
          works={page}
          total={total}
          topFandoms={topFandoms}
          nextPage={nextPage}
          preferences={preferences}
          path={request.url}
        />
      )
      return reply.type('text/html; charset=utf-8').send(html)
    },
  )
}
