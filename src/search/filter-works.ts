import type { FilterQuery } from '../domain/filter-query.js'
import type { TagKind, TagName } from '../domain/tag.js'
import type { WorkId } from '../domain/work.js'
import { countFacets, type Facets } from './facet-counts.js'
import { matchWorks } from './filter-match.js'
import { pageOfWorks } from './filter-page.js'
import type { TagIndex } from './tag-index.js'

export type FilterOptions = Readonly<{
  pageSize: number
  /**
   * The works a text search found, best match first (from the full-text engine): the result is
   * limited to them, and `sort: 'best'` keeps their order.
   */
  textMatches?: readonly WorkId[] | undefined
  /** Options per kind in `facets`; 10 by default. */
  facetLimit?: number
  /** A kind whose facet options all come back, for its "more" list. */
  allFacetsFor?: TagKind
}>

export type FilterResult = Readonly<{
  /** Every work that matches, exactly; no cap. */
  total: number
  /** The page shown: the one asked for, or the last page when that was past the end. */
  page: number
  pageCount: number
  workIds: WorkId[]
  facets: Facets
  /** Tag names in `include` or `exclude` that no tag has; an unknown include matches nothing. */
  unknownTags: readonly TagName[]
}>

/** A listing: the works `query` matches, counted, faceted and paged, from the in-memory index. */
export function filterWorks(index: TagIndex, query: FilterQuery, options: FilterOptions): FilterResult {
  const { works, unknownTags } = matchWorks(index, query, options.textMatches)
  const facets = countFacets(index, works, {
    ...(options.facetLimit === undefined ? {} : { limit: options.facetLimit }),
    ...(options.allFacetsFor === undefined ? {} : { allFor: options.allFacetsFor }),
  })
  const page = pageOfWorks(index, works, query.sort, query.page, options.pageSize, options.textMatches)
  return { total: works.size, ...page, facets, unknownTags }
}
