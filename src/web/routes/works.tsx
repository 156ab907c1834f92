import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { listingCursor } from '../../store/list-works.js'
import type { Store } from '../../store/store.js'
import { readerPreferences } from '../reader-preferences.js'
import { WorksPage } from '../views/works-page.js'

const PAGE_SIZE = 100

/** The home page: the works in the archive, newest first. */
export const workRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/',
    { schema: { querystring: Type.Object({ after: Type.Optional(Type.String({ maxLength: 200 })) }) } },
    async (request, reply) => {
      const [page, total] = await Promise.all([
        store.works.list({ limit: PAGE_SIZE, after: request.query.after }),
        store.works.count(),
      ])
      const last = page.length === PAGE_SIZE ? page[page.length - 1] : undefined
      const nextPage = last === undefined ? null : `/?after=${encodeURIComponent(listingCursor(last))}`
      const preferences = readerPreferences(request.cookies)
      const html = await (
        <WorksPage
          works={page}
          total={total}
          nextPage={nextPage}
          preferences={preferences}
          path={request.url}
        />
      )
      return reply.type('text/html; charset=utf-8').send(html)
    },
  )
}
