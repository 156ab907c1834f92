import type { WorkListing } from '../domain/work-listing.js'
import { searchText, type SnippetSegment } from '../search/search-text.js'
import type { Store } from '../store/store.js'
import { LISTING_PAGE_SIZE } from './works-listing.js'

/** One work the text search found, the chapter it matched best, and the words around the match. */
export type TextSearchResult = Readonly<{
  work: WorkListing
  chapter: number
  snippet: readonly SnippetSegment[]
}>

/**
 * A page of text-search results with each work's listing, for the search page and the JSON API
 * alike: best match first, LISTING_PAGE_SIZE a page.
 */
export async function findTextSearchResults(
  store: Store,
  query: string,
  page: number,
): Promise<{ total: number; results: TextSearchResult[] }> {
  const offset = (page - 1) * LISTING_PAGE_SIZE
  const { hits, total } = await searchText(store, query, { limit: LISTING_PAGE_SIZE, offset })
  const listings = await store.works.findListings(hits.map((hit) => hit.workId))
  const works = new Map(listings.map((work) => [work.id, work]))
  const results = hits.flatMap((hit) => {
    const work = works.get(hit.workId)
    return work === undefined ? [] : [{ work, chapter: hit.chapterPosition, snippet: hit.snippet }]
  })
  return { total, results }
}
