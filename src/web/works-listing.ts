import { Type } from 'typebox'
import type { FilterQuery } from '../domain/filter-query.js'
import type { WorkListing } from '../domain/work-listing.js'
import { parseFilterParams, type RawFilterParams } from '../search/filter-params.js'
import { filterWorks, type FilterResult } from '../search/filter-works.js'
import { matchingWorkIds } from '../search/search-text.js'
import type { LiveTagIndex } from '../search/tag-index-load.js'
import type { Store } from '../store/store.js'

/** Any query string: parseFilterParams reads the keys it knows and names what is wrong. */
export const ListingQuerystring = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Array(Type.String())]),
)

/** Works on one page of a listing, as on AO3. */
export const LISTING_PAGE_SIZE = 20

export type WorksListing = Readonly<{
  query: FilterQuery
  result: FilterResult
  /** The page's works, in the listing's order. */
  works: readonly WorkListing[]
}>

/**
 * One page of a filtered listing, for the page and the JSON API alike: the filter read from the
 * URL, the text search met with the tag index (brought up to date with the store's change log
 * first), and the page's works read from the store.
 */
export async function findWorksListing(
  store: Store,
  tagIndex: LiveTagIndex,
  raw: RawFilterParams,
): Promise<WorksListing> {
  const query = parseFilterParams(raw)
  await tagIndex.refresh()
  const textMatches = query.text === null ? undefined : (await matchingWorkIds(store, query.text)).ids
  const result = filterWorks(tagIndex.current(), query, { pageSize: LISTING_PAGE_SIZE, textMatches })
  return { query, result, works: await store.works.findListings(result.workIds) }
}
