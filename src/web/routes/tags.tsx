import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import type { LiveTagIndex } from '../../search/tag-index-load.js'
import type { Store } from '../../store/store.js'
import { installHtmlErrorHandler } from '../html-error-handler.js'
import { readerPreferences, type ReaderPreferences } from '../reader-preferences.js'
import { sendHtml } from '../send-html.js'
import { tagFromParam, tagPagePath, TagParams } from '../tag-param.js'
import { tagWorksPath } from '../tag-path.js'
import { findTagSummary } from '../tag-summary.js'
import { findTagWorksListing } from '../tag-works-listing.js'
import { ErrorPage } from '../views/error-page.js'
import { TagPageView } from '../views/tag-page.js'
import { WorksListingPage } from '../views/works-listing-page.js'
import { ListingQuerystring } from '../works-listing.js'

/** `/tags/:tag`, a tag's page, and `/tags/:tag/works`, the works listing filtered to it. */
export const tagRoutes: FastifyPluginAsyncTypebox<{ store: Store; tagIndex: LiveTagIndex }> = async (
  app,
  { store, tagIndex },
) => {
  installHtmlErrorHandler(app)

  app.get('/tags/:tag', { schema: { params: TagParams } }, async (request, reply) => {
    const name = tagFromParam(request.params.tag)
    const preferences = readerPreferences(request.cookies)
    const summary = await findTagSummary(store, tagIndex, name)
    if (summary === undefined) return sendTagNotFound(reply, name, preferences)
    const page = await (<TagPageView summary={summary} preferences={preferences} path={request.url} />)
    return sendHtml(reply, page)
  })

  app.get(
    '/tags/:tag/works',
    { schema: { params: TagParams, querystring: ListingQuerystring } },
    async (request, reply) => {
      const name = tagFromParam(request.params.tag)
      const preferences = readerPreferences(request.cookies)
      const tag = await store.tags.findByName(name)
      if (tag === undefined) return sendTagNotFound(reply, name, preferences)
      // AO3 sends a synonym's works page to its canonical tag's, keeping the filter.
      if (tag.canonical !== null) {
        const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
        return reply.redirect(`${tagWorksPath(tag.canonical.name)}${search}`, 301)
      }
      const listing = await findTagWorksListing(store, tagIndex, tag.name, request.query)
      const heading = (
        <>
          {'Works in '}
          <a href={tagPagePath(tag.name)} safe>
            {tag.name}
          </a>
        </>
      )
      const page = await (
        <WorksListingPage
          listing={listing}
          preferences={preferences}
          path={request.url}
          title={`Works in ${tag.name}`}
          heading={heading}
          basePath={tagWorksPath(tag.name)}
        />
      )
      return sendHtml(reply, page)
    },
  )
}

// A page of its own rather than the general 404, so the reader learns which name was not found.
async function sendTagNotFound(reply: FastifyReply, name: string, preferences: ReaderPreferences) {
  const page = await (
    <ErrorPage
      heading="Tag not found"
      message={`No tag is named “${name}”. Check the spelling, or browse the works and fandoms.`}
      preferences={preferences}
    />
  )
  return sendHtml(reply, page, 404)
}
