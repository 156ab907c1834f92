import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { QuireError } from '../../domain/errors.js'
import type { FilterQuery } from '../../domain/filter-query.js'
import { filterQueryToParams, parseFilterParams } from '../../search/filter-params.js'
import type { LiveTagIndex } from '../../search/tag-index-load.js'
import type { Store } from '../../store/store.js'
import { ATOM_CONTENT_TYPE } from '../atom-feed.js'
import { creatorPath } from '../creator-path.js'
import { CreatorParams, findCreatorAndWorks } from '../creator-works.js'
import { creatorFeedPath, feedQuery, tagFeedPath, worksFeedPath } from '../feed-paths.js'
import { installHtmlErrorHandler } from '../html-error-handler.js'
import { parsePublicUrl, siteBase } from '../public-url.js'
import { tagFromParam, TagParams } from '../tag-param.js'
import { tagWorksPath } from '../tag-path.js'
import { findWorksListing, ListingQuerystring } from '../works-listing.js'
import { renderWorksFeed } from '../works-feed.js'

export type FeedOptions = Readonly<{
  store: Store
  tagIndex: LiveTagIndex
  /** QUIRE_PUBLIC_URL as given; absolute links follow each request's host when unset. */
  publicUrl: string | undefined
}>

const SortQuery = Type.Object({ sort: Type.Optional(Type.String({ maxLength: 20 })) })

/**
 * Atom feeds (RFC 4287) of any filtered listing, of a tag's works (its synonyms' and subtags'
 * too, as /works filters) and of a creator's works: the newest 20, as on AO3.
 */
export const feedRoutes: FastifyPluginAsyncTypebox<FeedOptions> = async (app, options) => {
  const { store, tagIndex } = options
  // Read at start, so a mistyped QUIRE_PUBLIC_URL stops `quire serve` rather than a feed.
  const publicUrl = parsePublicUrl(options.publicUrl)
  installHtmlErrorHandler(app)

  app.get('/works/feed.atom', { schema: { querystring: ListingQuerystring } }, async (request, reply) => {
    const query = feedQuery(parseFilterParams(request.query))
    const listing = await findWorksListing(store, tagIndex, filterQueryToParams(query))
    const path = worksFeedPath(query)
    const head = { title: worksFeedTitle(query), idPath: path, selfPath: path, alternatePath: listingPath(query) }
    const xml = await renderWorksFeed(store, listing.result.workIds, head, siteBase(request, publicUrl))
    return sendFeed(reply, xml)
  })

  app.get(
    '/tags/:tag/feed.atom',
    { schema: { params: TagParams, querystring: SortQuery } },
    async (request, reply) => {
      // Read as the tag pages read it, so a page and its feed agree on every name.
      const name = tagFromParam(request.params.tag)
      // The store says which tags exist: one no work carries yet has an empty feed, not a 404.
      const tag = await store.tags.findByName(name)
      if (tag === undefined) throw new QuireError('QUIRE_TAG_NOT_FOUND', `no tag is named "${name}"`)
      // A synonym's feed is its canonical tag's: one id, one title, one listing to link to.
      const canonical = tag.canonical?.name ?? tag.name
      const raw = { include: name, ...(request.query.sort === undefined ? {} : { sort: request.query.sort }) }
      const query = feedQuery(parseFilterParams(raw))
      const listing = await findWorksListing(store, tagIndex, filterQueryToParams(query))
      const sort = query.sort === 'posted' ? '?sort=posted' : ''
      const head = {
        title: `Works tagged “${canonical}” · Quire`,
        idPath: `${tagFeedPath(canonical)}${sort}`,
        selfPath: `${tagFeedPath(name)}${sort}`,
        alternatePath: `${tagWorksPath(canonical)}${sort}`,
      }
      const xml = await renderWorksFeed(store, listing.result.workIds, head, siteBase(request, publicUrl))
      return sendFeed(reply, xml)
    },
  )

  app.get('/creators/:name/feed.atom', { schema: { params: CreatorParams } }, async (request, reply) => {
    const found = await findCreatorAndWorks(store, request.params.name, {}, creatorFeedPath)
    if (found.kind === 'unknown') {
      throw new QuireError('QUIRE_CREATOR_NOT_FOUND', `no creator is named "${found.name}"`)
    }
    if (found.kind === 'elsewhere') return reply.redirect(found.location, 301)
    const { creator, page } = found
    const path = creatorFeedPath(creator.name)
    const head = {
      title: `Works by ${creator.name} · Quire`,
      idPath: path,
      selfPath: path,
      alternatePath: creatorPath(creator.name),
    }
    const ids = page.works.map((work) => work.id)
    return sendFeed(reply, await renderWorksFeed(store, ids, head, siteBase(request, publicUrl)))
  })
}

// Feeds are the same for every reader (no cookies read), so shared caches may keep them a while.
function sendFeed(reply: FastifyReply, xml: string): FastifyReply {
  return reply.type(ATOM_CONTENT_TYPE).header('cache-control', 'public, max-age=300').send(xml)
}

function listingPath(query: FilterQuery): string {
  const params = filterQueryToParams(query).toString()
  return params === '' ? '/works' : `/works?${params}`
}

/** "Works tagged “Smallville”, without “Angst”, matching “lighthouse” · Quire". */
function worksFeedTitle(query: FilterQuery): string {
  const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ')
  const parts = [
    query.include.length > 0 ? `tagged ${quoted(query.include)}` : '',
    query.exclude.length > 0 ? `without ${quoted(query.exclude)}` : '',
    query.text !== null ? `matching ${quoted([query.text])}` : '',
  ].filter((part) => part !== '')
  return `Works${parts.length > 0 ? ` ${parts.join(', ')}` : ''} · Quire`
}
