import type { FilterQuery } from '../domain/filter-query.js'
import { EMPTY_FILTER_QUERY } from '../domain/filter-query.js'
import { makeTagName } from '../domain/tag.js'
import { filterQueryToParams } from '../search/filter-params.js'
import { tagToUrlSegment } from '../search/filter-tag-url.js'
import { creatorPath } from './creator-path.js'

/** The Atom feed of a tag's works: "Kirk/Spock" is /tags/Kirk*s*Spock/feed.atom. */
export function tagFeedPath(name: string): string {
  return `/tags/${tagToUrlSegment(name)}/feed.atom`
}

/** The Atom feed of a creator's works. */
export function creatorFeedPath(name: string): string {
  return `${creatorPath(name)}/feed.atom`
}

/** The Atom feed of a filtered listing, its parameters in the listing's shareable order. */
export function worksFeedPath(query: FilterQuery): string {
  const params = filterQueryToParams(feedQuery(query)).toString()
  return params === '' ? '/works/feed.atom' : `/works/feed.atom?${params}`
}

/**
 * The feed of a tag's works page, whose `query` leaves the tag out: the tag's own feed, or with
 * other filters too, the filtered listing's feed with the tag included.
 */
export function tagWorksFeedPath(name: string, query: FilterQuery): string {
  const withTag = feedQuery({ ...query, include: [makeTagName(name), ...query.include] })
  const onlyTag = filterQueryToParams({ ...withTag, include: [] }).toString() === ''
  return onlyTag && query.include.length === 0 ? tagFeedPath(name) : worksFeedPath(withTag)
}

/**
 * The query a feed answers: a listing's filter, newest first, first page. A feed reader orders
 * by date whatever the listing did, so only `posted` is kept apart from the default `updated`,
 * and it always wants the newest works, so the page goes.
 */
export function feedQuery(query: FilterQuery): FilterQuery {
  const sort = query.sort === 'posted' ? 'posted' : EMPTY_FILTER_QUERY.sort
  return { ...query, sort, page: EMPTY_FILTER_QUERY.page }
}
