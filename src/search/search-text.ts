import type { WorkId } from '../domain/work.js'
import {
  FULL_TEXT_MATCH_MAX,
  findMatchingWorkIds,
  findSnippets,
  type MatchingWorkIds,
  rankWorksByText,
  type RankedWork,
  type SnippetSegment,
} from '../store/full-text.js'
import type { Store } from '../store/store.js'
import { parseTextQuery, type TextQuery } from './text-query.js'
import { toFullTextMatch } from './text-query-match.js'

export type { MatchingWorkIds, SnippetSegment }

/** Most works one page of text search may ask for. */
export const TEXT_SEARCH_LIMIT_MAX = 100

export type TextSearchOptions = Readonly<{
  /** Works on the page, 1 to TEXT_SEARCH_LIMIT_MAX. */
  limit: number
  /** Works to skip, for later pages. */
  offset?: number
  /** Only these works count ("search within results"); every matching work when absent. */
  workIds?: ReadonlySet<WorkId>
}>

/** A work whose text matched, the chapter it matched best, and the words around the match. */
export type TextSearchHit = Readonly<{
  workId: WorkId
  /** Higher is better; compare only within one search. */
  relevance: number
  chapterPosition: number
  /** Plain text with the matches marked: the view escapes it and wraps matches in <mark>. */
  snippet: readonly SnippetSegment[]
}>

export type TextSearchResult = Readonly<{
  hits: readonly TextSearchHit[]
  /** How many works match (within `workIds` when given). */
  total: number
  /** True when more than FULL_TEXT_MATCH_MAX works matched and `workIds` was given, so some
   * candidates were not looked at. */
  truncated: boolean
}>

/**
 * Searches the story text, best match first: one engine's relevance (BM25 on SQLite,
 * ts_rank_cd on PostgreSQL), a work ranking by its best chapter. A string is parsed first,
 * so malformed syntax throws a QuireError with a message for the reader.
 */
export async function searchText(
  store: Pick<Store, 'db'>,
  query: string | TextQuery,
  { limit, offset = 0, workIds }: TextSearchOptions,
): Promise<TextSearchResult> {
  checkPage(limit, offset)
  const match = toFullTextMatch(typeof query === 'string' ? parseTextQuery(query) : query)
  let ranked: readonly RankedWork[]
  let total: number
  let truncated = false
  if (workIds === undefined) {
    const result = await rankWorksByText(store.db, match, offset + limit)
    ranked = result.works.slice(offset)
    total = result.total
  } else {
    // Rank every match and keep the candidates: one pass over the matches, whatever the number
    // of candidates, so a text search with a tag filter costs about the sum of the two.
    const result = await rankWorksByText(store.db, match, FULL_TEXT_MATCH_MAX)
    const candidates = result.works.filter((work) => workIds.has(work.workId))
    ranked = candidates.slice(offset, offset + limit)
    total = candidates.length
    truncated = result.total > FULL_TEXT_MATCH_MAX
  }
  const snippets = await findSnippets(
    store.db,
    match,
    ranked.map((work) => work.chapterId),
  )
  const hits = ranked.map((work) => ({
    workId: work.workId,
    relevance: work.relevance,
    chapterPosition: work.position,
    snippet: snippets.get(work.chapterId) ?? [],
  }))
  return { hits, total, truncated }
}

/**
 * Every work whose text matches, unranked and each once, for intersecting with the tag index:
 * the cheapest question the engine answers (no scores, no snippets). At most
 * FULL_TEXT_MATCH_MAX; `truncated` says when there were more.
 */
export async function matchingWorkIds(
  store: Pick<Store, 'db'>,
  query: string | TextQuery,
): Promise<MatchingWorkIds> {
  const match = toFullTextMatch(typeof query === 'string' ? parseTextQuery(query) : query)
  return findMatchingWorkIds(store.db, match)
}

// Limits and offsets come from code that has checked the reader's page number already; a bad
// one here is a bug, hence a plain RangeError.
function checkPage(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > TEXT_SEARCH_LIMIT_MAX) {
    throw new RangeError(`searchText: limit ${String(limit)}; expected 1 to 100`)
  }
  if (!Number.isInteger(offset) || offset < 0 || offset + limit > FULL_TEXT_MATCH_MAX) {
    throw new RangeError(
      `searchText: offset ${String(offset)}; expected 0 to ${String(FULL_TEXT_MATCH_MAX - limit)}`,
    )
  }
}
