import { Type } from 'typebox'
import { makeTagName, TAG_MAX, type TagName } from '../domain/tag.js'
import { tagFromUrlSegment, tagToUrlSegment } from '../search/filter-tag-url.js'

/**
 * The longest `:tag` that can name a tag, percent-decoded but still holding search/'s stand-ins
 * ("Kirk*s*Spock"): TAG_MAX characters, each at most a three-character stand-in. The router's
 * limit on a path parameter (find-my-way's `maxParamLength`, 100 unless told) must allow it, or
 * a long freeform's page answers 414.
 */
export const TAG_PARAM_MAX = TAG_MAX * 3

/** `:tag` in `/tags/:tag`; a longer segment names no tag. */
export const TagParams = Type.Object({ tag: Type.String({ minLength: 1, maxLength: TAG_PARAM_MAX }) })

/** The tag name a `:tag` segment spells: "Kirk*s*Spock" is "Kirk/Spock". */
export function tagFromParam(segment: string): TagName {
  return makeTagName(tagFromUrlSegment(segment))
}

/** A tag's page: "Kirk/Spock" is /tags/Kirk*s*Spock. */
export function tagPagePath(name: string): string {
  return `/tags/${tagToUrlSegment(name)}`
}
