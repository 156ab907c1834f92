import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Store } from '../../store/store.js'
import { installHtmlErrorHandler } from '../html-error-handler.js'
import { readerPreferences } from '../reader-preferences.js'
import { sendHtml } from '../send-html.js'
import { findTextSearchResults } from '../text-search-results.js'
import { SearchPage } from '../views/search-page.js'
import { LISTING_PAGE_SIZE } from '../works-listing.js'

/** `/search?q=`: full-text search in the story text, best match first. */
export const searchRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  installHtmlErrorHandler(app)
  app.get(
    '/search',
    {
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 1000 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        }),
      },
    },
    async (request, reply) => {
      const query = (request.query.q ?? '').trim()
      const page = request.query.page ?? 1
      const found = query === '' ? { total: 0, results: [] } : await findTextSearchResults(store, query, page)
      const pageCount = Math.max(1, Math.ceil(found.total / LISTING_PAGE_SIZE))
      const html = await (
        <SearchPage query={query} page={page} pageCount={pageCount} total={found.total} results={found.results} preferences={readerPreferences(request.cookies)} path={request.url} />
      )
      return sendHtml(reply, html)
    },
  )
}
