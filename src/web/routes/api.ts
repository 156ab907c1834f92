import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { RATING_NAMES } from '../../domain/rating.js'
import { TAG_KINDS, type TagKind } from '../../domain/tag.js'
import type { WorkListing } from '../../domain/work-listing.js'
import type { Facets } from '../../search/facet-counts.js'
import { searchText } from '../../search/search-text.js'
import type { LiveTagIndex } from '../../search/tag-index-load.js'
import type { Store } from '../../store/store.js'
import { findWorksListing, LISTING_PAGE_SIZE, ListingQuerystring } from '../works-listing.js'


/** The read-only JSON API, which AO3 never had: listings with facets, works, text search. */
export const apiRoutes: FastifyPluginAsyncTypebox<{ store: Store; tagIndex: LiveTagIndex }> = async (
  app,
  { store, tagIndex },
) => {
  app.get('/api/v1/works', { schema: { querystring: ListingQuerystring } }, async (request) => {
    const { result, works } = await findWorksListing(store, tagIndex, request.query)
    return {
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      works: works.map(listingToJson),
      facets: facetsToJson(result.facets),
      unknownTags: result.unknownTags,
    }
  })

  app.get(
    '/api/v1/search',
    {
      schema: {
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 1000 }),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        }),
      },
    },
    async (request) => {
      const limit = LISTING_PAGE_SIZE
      const offset = ((request.query.page ?? 1) - 1) * limit
      const result = await searchText(store, request.query.q, { limit, offset })
      const works = new Map((await store.works.findListings(result.hits.map((hit) => hit.workId))).map((w) => [w.id, w]))
      return {
        total: result.total,
        page: request.query.page ?? 1,
        results: result.hits.flatMap((hit) => {
          const work = works.get(hit.workId)
          return work === undefined
            ? []
            : [{ work: listingToJson(work), chapter: hit.chapterPosition, snippet: hit.snippet }]
        }),
      }
    },
  )
}

function listingToJson(work: WorkListing) {
  return { ...work, rating: RATING_NAMES[work.rating] }
}

function facetsToJson(facets: Facets) {
  const json: Partial<Record<TagKind, Array<{ tag: string; count: number }>>> = {}
  for (const kind of TAG_KINDS) {
    json[kind] = facets[kind].top.map(({ name, count }) => ({ tag: name, count }))
  }
  return json
}
