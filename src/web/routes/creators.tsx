import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Store } from '../../store/store.js'
import { CreatorParams, findCreatorAndWorks, pageHref } from '../creator-works.js'
import { installHtmlErrorHandler } from '../html-error-handler.js'
import { readerPreferences } from '../reader-preferences.js'
import { sendHtml } from '../send-html.js'
import { CreatorPage } from '../views/creator-page.js'
import { ErrorPage } from '../views/error-page.js'

/** Cursors are "YYYY-MM-DD_WORKID"; anything longer is not one. */
const CreatorQuery = Type.Object({
  after: Type.Optional(Type.String({ maxLength: 100 })),
  before: Type.Optional(Type.String({ maxLength: 100 })),
})

/** `/creators/:name`: a creator's works, newest update first, a keyset page at a time. */
export const creatorRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  installHtmlErrorHandler(app)
  app.get(
    '/creators/:name',
    { schema: { params: CreatorParams, querystring: CreatorQuery } },
    async (request, reply) => {
      const preferences = readerPreferences(request.cookies)
      const found = await findCreatorAndWorks(store, request.params.name, request.query)
      if (found.kind === 'unknown') {
        const message = `No creator is named “${found.name}” in this archive. The name may be mistyped, or their works removed.`
        return sendHtml(reply, await (<ErrorPage heading="Creator not found" message={message} preferences={preferences} />), 404)
      }
      // One address per creator: "/creators/JEN" goes to "/creators/Jen", keeping the page.
      if (found.kind === 'elsewhere') return reply.redirect(found.location, 301)
      const { creator, page } = found
      const hrefs = {
        newer: page.newer === null ? null : pageHref(creator.name, 'before', page.newer, page.newerCount),
        older: page.older === null ? null : pageHref(creator.name, 'after', page.older),
      }
      const html = await (
        <CreatorPage creator={creator} page={page} hrefs={hrefs} preferences={preferences} path={request.url} />
      )
      return sendHtml(reply, html)
    },
  )
}
