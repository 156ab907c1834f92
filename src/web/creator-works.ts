import { Type } from 'typebox'
import type { CreatorProfile, CreatorWorksPage, Store } from '../store/store.js'
import { creatorNameFromSegment, creatorPath } from './creator-path.js'
import { LISTING_PAGE_SIZE } from './works-listing.js'

/** `:name` in a creator route; no creator name is longer. */
export const CreatorParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 1000 }) })

/** Which page of a creator's works: after (older than) or before (newer than) a cursor. */
export type CreatorPageQuery = Readonly<{ after?: string | undefined; before?: string | undefined }>

/** What a creator address leads to. */
export type CreatorLookup =
  | Readonly<{ kind: 'unknown'; name: string }>
  /** The creator's name is spelled otherwise (case): their one address is `location`. */
  | Readonly<{ kind: 'elsewhere'; location: string }>
  | Readonly<{ kind: 'found'; creator: CreatorProfile; page: CreatorWorksPage }>

/**
 * The creator a `:name` segment names and the page of their works the query asks for, for the
 * page and the JSON API alike; `pathFor` writes the address a differently spelled name goes to.
 */
export async function findCreatorAndWorks(
  store: Store,
  segment: string,
  query: CreatorPageQuery,
  pathFor: (name: string) => string = creatorPath,
): Promise<CreatorLookup> {
  const name = creatorNameFromSegment(segment)
  const creator = await store.creators.findByName(name)
  if (creator === undefined) return { kind: 'unknown', name }
  if (creator.name !== name) {
    const params = new URLSearchParams()
    if (query.after !== undefined) params.set('after', query.after)
    if (query.before !== undefined) params.set('before', query.before)
    const search = params.size === 0 ? '' : `?${params.toString()}`
    return { kind: 'elsewhere', location: `${pathFor(creator.name)}${search}` }
  }
  const limit = LISTING_PAGE_SIZE
  const page = await store.creators.listWorks(creator.id, { limit, ...query })
  return { kind: 'found', creator, page }
}

/**
 * The address of the page `after` or `before` a cursor. Back to the first page, it is the
 * creator's plain address, so the newest works always have one URL.
 */
export function pageHref(
  name: string,
  side: 'after' | 'before',
  cursor: string,
  newerCount?: number,
): string {
  if (side === 'before' && newerCount !== undefined && newerCount <= LISTING_PAGE_SIZE) {
    return creatorPath(name)
  }
  return `${creatorPath(name)}?${new URLSearchParams({ [side]: cursor }).toString()}`
}
