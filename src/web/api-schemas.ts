import { Type, type TSchema } from 'typebox'
import { ARCHIVE_WARNINGS } from '../domain/archive-warning.js'
import { CATEGORIES } from '../domain/category.js'
import { CROSSOVER_FILTERS, FILTER_SORTS } from '../domain/filter-query.js'
import { RATING_NAMES, RATINGS } from '../domain/rating.js'
import { TAG_KINDS } from '../domain/tag.js'
import { CONTENT_TOPICS, SECTION_KINDS } from '../domain/work-draft.js'
import type { WorkListing } from '../domain/work-listing.js'

// The JSON API's answers as TypeBox schemas: Fastify serialises each answer by its schema
// (fast-json-stringify, which also drops any field not written here, so nothing leaks by
// accident), the type provider checks each handler's return value against it, and
// @fastify/swagger publishes it in /api/v1/openapi.json.

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Day = (description: string) => Type.String({ description: `${description}, YYYY-MM-DD` })

/** `{ error, message }`: what every 4xx and 5xx from the API says. */
export const ApiErrorJson = Type.Object(
  {
    error: Type.String({ description: 'A QUIRE_… code, such as QUIRE_WORK_NOT_FOUND' }),
    message: Type.String({ description: 'What was wrong and where, for a person to read' }),
  },
  { description: 'An error' },
)

/** A work as a listing shows it. */
export const WorkListingJson = Type.Object({
  id: Type.String({ description: 'The work id (a ULID)' }),
  title: Type.String(),
  creators: Type.Array(Type.String(), { description: 'Creator names, in credit order; empty when anonymous' }),
  rating: Type.String({ description: "AO3's name for the rating, such as Teen And Up Audiences" }),
  fandoms: Type.Array(Type.String()),
  wordCount: Type.Integer({ minimum: 0 }),
  updated: Day('The day the work was last updated'),
})

/** A listing as the API gives it: AO3's name for the rating. */
export function listingToJson(work: WorkListing) {
  // Fresh arrays: the response schema's types are mutable, the domain's read-only.
  return { ...work, creators: [...work.creators], fandoms: [...work.fandoms], rating: RATING_NAMES[work.rating] }
}

const FacetValues = Type.Array(
  Type.Object({ tag: Type.String(), count: Type.Integer({ minimum: 0 }) }),
  { description: 'The tags of this kind most works in the result carry, with how many' },
)

/** `GET /api/v1/works`. */
export const ListingJson = Type.Object({
  total: Type.Integer({ minimum: 0, description: 'Every work that matches, exactly; never capped' }),
  page: Type.Integer({ minimum: 1 }),
  pageCount: Type.Integer({ minimum: 1 }),
  works: Type.Array(WorkListingJson),
  facets: Type.Object({
    rating: FacetValues,
    'archive-warning': FacetValues,
    category: FacetValues,
    fandom: FacetValues,
    relationship: FacetValues,
    character: FacetValues,
    freeform: FacetValues,
  }),
  unknownTags: Type.Array(Type.String(), { description: 'Tags in include or exclude that no tag has' }),
}, { description: 'One page of the works the filter matches, with how many there are and facet counts' })

const TagNames = Type.Optional(Type.Array(Type.String()))

/** `GET /api/v1/works/:workId`. */
export const WorkJson = Type.Object({
  id: Type.String(),
  title: Type.String(),
  creators: Type.Array(Type.String()),
  rating: Type.String({ description: "AO3's name for the rating" }),
  ratingOriginal: Nullable(Type.String({ description: 'The rating as the rescued file wrote it' })),
  tags: Type.Object(
    {
      rating: TagNames,
      'archive-warning': TagNames,
      category: TagNames,
      fandom: TagNames,
      relationship: TagNames,
      character: TagNames,
      freeform: TagNames,
    },
    { description: `Tag names by kind (${TAG_KINDS.join(', ')}); a kind with none is left out` },
  ),
  summary: Nullable(Type.String()),
  notes: Type.Object({ beginning: Nullable(Type.String()), end: Nullable(Type.String()) }),
  language: Nullable(Type.String({ description: 'ISO 639-1' })),
  wordCount: Type.Integer({ minimum: 0 }),
  complete: Type.Boolean(),
  chapterCount: Type.Integer({ minimum: 1 }),
  posted: Day('The day the work was posted'),
  updated: Day('The day the work was last updated'),
  contentNotices: Type.Array(Type.Enum(CONTENT_TOPICS), {
    description: 'What the work deals with that a reader should be told before its text',
  }),
  chapters: Type.Array(
    Type.Object({
      position: Type.Integer({ minimum: 1 }),
      title: Nullable(Type.String()),
      sections: Type.Array(
        Type.Object({
          kind: Type.Enum(SECTION_KINDS),
          text: Type.String(),
          html: Type.Optional(
            Type.String({ description: 'The same words with their inline markup, sanitised by allowlist' }),
          ),
        }),
      ),
    }),
  ),
}, { description: 'The work, whole' })

/** `GET /api/v1/search`. */
export const SearchJson = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  results: Type.Array(
    Type.Object({
      work: WorkListingJson,
      chapter: Type.Integer({ minimum: 1, description: 'The chapter that matched best' }),
      snippet: Type.Array(Type.Object({ text: Type.String(), match: Type.Boolean() }), {
        description: 'The words around the match, the matched words marked',
      }),
    }),
  ),
}, { description: 'One page of the works whose text matches, best first' })

const Repeatable = (description: string) => Type.Optional(Type.Array(Type.String(), { description }))
const Single = (description: string) => Type.Optional(Type.String({ description }))

/**
 * `/api/v1/works`'s query, spelled out for the OpenAPI document. Values stay strings:
 * parseFilterParams reads them, as for /works, and names what is wrong with a 400. Unknown keys
 * pass, as links from elsewhere carry their own.
 */
export const ApiListingQuerystring = Type.Object({
  include: Repeatable('Tag names every work must carry (synonyms and subtags count); repeatable'),
  exclude: Repeatable('Tag names no work may carry; repeatable'),
  rating: Repeatable(`Ratings (${RATINGS.join(', ')}) or AO3's names; works with any of them`),
  warning: Repeatable(`Archive warnings (${ARCHIVE_WARNINGS.join(', ')}) or AO3's names; any of them`),
  category: Repeatable(`Categories (${CATEGORIES.join(', ')}) or AO3's names; any of them`),
  crossover: Single(`Works in two or more fandoms: ${CROSSOVER_FILTERS.join(', ')} (the first is the default)`),
  complete: Single('true for complete works, false for works in progress'),
  language: Single('ISO 639-1 code, such as en'),
  words_min: Single('At least this many words'),
  words_max: Single('At most this many words'),
  updated_after: Single('Updated on or after this day, YYYY-MM-DD'),
  updated_before: Single('Updated on or before this day, YYYY-MM-DD'),
  q: Single('Words to find in the story text: words, "exact phrases", -excluded, prefix*, OR'),
  sort: Single(`${FILTER_SORTS.join(', ')} (the first is the default; best needs q)`),
  page: Single('The page, from 1; past the end gives the last page'),
})
