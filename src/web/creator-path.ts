import { tagFromUrlSegment, tagToUrlSegment } from '../search/filter-tag-url.js'

// A creator's name goes into a path the way a tag's does (AO3's stand-ins: "/" is "*s*", "." is
// "*d*", the rest percent-encoded), so "A.J." or "Jen/Kit" stays one segment that no proxy,
// browser or router splits or normalises, and search/ both writes and reads it.

/** The creator's page: "Jen/Kit" is /creators/Jen*s*Kit. */
export function creatorPath(name: string): string {
  return `/creators/${tagToUrlSegment(name)}`
}

/** The name a `:name` segment spells, after the router has percent-decoded it. */
export function creatorNameFromSegment(decoded: string): string {
  return tagFromUrlSegment(decoded)
}
