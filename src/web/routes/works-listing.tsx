import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { LiveTagIndex } from '../../search/tag-index-load.js'
import type { Store } from '../../store/store.js'
import { installHtmlErrorHandler } from '../html-error-handler.js'
import { readerPreferences } from '../reader-preferences.js'
import { sendHtml } from '../send-html.js'
import { WorksListingPage } from '../views/works-listing-page.js'
import { findWorksListing, ListingQuerystring } from '../works-listing.js'

/** `/works`: every work, filtered, counted and paged as the URL says. */
export const worksListingRoutes: FastifyPluginAsyncTypebox<{
  store: Store
  tagIndex: LiveTagIndex
}> = async (app, { store, tagIndex }) => {
  installHtmlErrorHandler(app)
  app.get('/works', { schema: { querystring: ListingQuerystring } }, async (request, reply) => {
    const listing = await findWorksListing(store, tagIndex, request.query)
    const preferences = readerPreferences(request.cookies)
    const page = await (<WorksListingPage listing={listing} preferences={preferences} path={request.url} />)
    return sendHtml(reply, page)
  })
}
