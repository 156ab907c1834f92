import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from 'typebox'
import { QuireError } from '../../domain/errors.js'
import { RATING_NAMES } from '../../domain/rating.js'
import type { TagKind } from '../../domain/tag.js'
import type { Work } from '../../domain/work.js'
import type { Facets } from '../../search/facet-counts.js'
import type { LiveTagIndex } from '../../search/tag-index-load.js'
import type { Store } from '../../store/store.js'
import { findTextSearchResults } from '../text-search-results.js'
import { findWorksListing } from '../works-listing.js'
import {
  ApiErrorJson,
  ApiListingQuerystring,
  ListingJson,
  listingToJson,
  SearchJson,
  WorkJson,
} from '../api-schemas.js'

/** The read-only JSON API, which AO3 never had: listings with facets, works, text search. */
export const apiRoutes: FastifyPluginAsyncTypebox<{ store: Store; tagIndex: LiveTagIndex }> = async (
  app,
  { store, tagIndex },
) => {
  const listingSchema = {
    summary: 'Works, filtered, counted and paged, with facet counts',
    tags: ['works'],
    querystring: ApiListingQuerystring,
    response: { 200: ListingJson, 400: ApiErrorJson },
  }
  app.get('/api/v1/works', { schema: listingSchema }, async (request) => {
    const { result, works } = await findWorksListing(store, tagIndex, request.query)
    return {
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      works: works.map(listingToJson),
      facets: facetsToJson(result.facets),
      unknownTags: [...result.unknownTags],
    }
  })

  app.get(
    '/api/v1/works/:workId',
    {
      schema: {
        summary: 'One work whole: tags by kind, notes, chapters and the topics of its notices',
        tags: ['works'],
        params: Type.Object({ workId: Type.String({ maxLength: 64, description: 'The work id (a ULID)' }) }),
        response: { 200: WorkJson, 400: ApiErrorJson, 404: ApiErrorJson },
      },
    },
    async (request) => {
      const work = await store.works.find(request.params.workId)
      if (work === undefined) {
        throw new QuireError('QUIRE_WORK_NOT_FOUND', `no work ${request.params.workId}`)
      }
      return workToJson(work)
    },
  )

  app.get(
    '/api/v1/search',
    {
      schema: {
        summary: 'Works whose story text matches, best match first, with a snippet',
        tags: ['search'],
        querystring: Type.Object({
          q: Type.String({
            minLength: 1,
            maxLength: 1000,
            description: 'words, "exact phrases", -excluded, prefix*, OR',
          }),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        }),
        response: { 200: SearchJson, 400: ApiErrorJson },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1
      const { total, results } = await findTextSearchResults(store, request.query.q, page)
      return {
        total,
        page,
        results: results.map((result) => ({
          ...result,
          work: listingToJson(result.work),
          snippet: [...result.snippet],
        })),
      }
    },
  )
}

/** A work as the API gives it: AO3's names for ratings, tags by kind, chapters with sections. */
function workToJson(work: Work) {
  const tags: Partial<Record<TagKind, string[]>> = {}
  for (const tag of work.tags) (tags[tag.kind] ??= []).push(tag.name)
  return {
    id: work.id,
    title: work.title,
    creators: work.creators.map((creator) => creator.name),
    rating: RATING_NAMES[work.rating],
    ratingOriginal: work.ratingOriginal,
    tags,
    summary: work.summary,
    notes: work.notes,
    language: work.language,
    wordCount: work.wordCount,
    complete: work.complete,
    chapterCount: work.chapterCount,
    posted: work.posted,
    updated: work.updated,
    contentNotices: work.contentNotices.map((notice) => notice.topic),
    chapters: work.chapters.map(({ position, title, sections }) => ({
      position,
      title,
      sections: [...sections],
    })),
  }
}

function facetsToJson(facets: Facets): Static<typeof ListingJson>['facets'] {
  const values = (kind: TagKind) => facets[kind].top.map(({ name, count }) => ({ tag: name, count }))
  return {
    rating: values('rating'),
    'archive-warning': values('archive-warning'),
    category: values('category'),
    fandom: values('fandom'),
    relationship: values('relationship'),
    character: values('character'),
    freeform: values('freeform'),
  }
}
