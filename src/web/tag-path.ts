import { tagToUrlSegment } from '../search/filter-tag-url.js'

/**
 * The page listing a tag's works: "Kirk/Spock" is /tags/Kirk*s*Spock/works. The segment is
 * written by search/, which also reads it back, so a link and its route cannot disagree.
 */
export function tagWorksPath(name: string): string {
  return `/tags/${tagToUrlSegment(name)}/works`
}
