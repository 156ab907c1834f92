import type { TagKind, TagName } from '../domain/tag.js'
import type { Facets } from '../search/facet-counts.js'
import type { LiveTagIndex } from '../search/tag-index-load.js'
import type { Store } from '../store/store.js'
import { findWorksListing, type WorksListing } from './works-listing.js'

/** A query string as Fastify parses it: a repeated key gives an array. */
export type RawQuery = Readonly<Record<string, string | readonly string[]>>

/**
 * `/tags/<tag>/works`: the works listing with the tag as one more `include`, so every other
 * filter in the URL still applies and the index resolves synonyms and metatags as for /works.
 * The tag is in the address, so the listing given back leaves it out of the query (the form and
 * page links would otherwise repeat it), out of the facets (it is no choice on its own page),
 * and out of the unknown tags (a tag no work carries yet is not in the index).
 */
export async function findTagWorksListing(
  store: Store,
  tagIndex: LiveTagIndex,
  name: TagName,
  raw: RawQuery,
): Promise<WorksListing> {
  const given = raw['include']
  const include = given === undefined ? [] : typeof given === 'string' ? [given] : given
  const listing = await findWorksListing(store, tagIndex, { ...raw, include: [...include, name] })
  const { query, result } = listing
  return {
    ...listing,
    query: { ...query, include: query.include.filter((included) => included !== name) },
    result: {
      ...result,
      facets: withoutTag(result.facets, name),
      unknownTags: result.unknownTags.filter((unknown) => unknown !== name),
    },
  }
}

function withoutTag(facets: Facets, name: TagName): Facets {
  const kept = (kind: TagKind) => ({
    ...facets[kind],
    top: facets[kind].top.filter((value) => value.name !== name),
  })
  return {
    rating: kept('rating'),
    'archive-warning': kept('archive-warning'),
    category: kept('category'),
    fandom: kept('fandom'),
    relationship: kept('relationship'),
    character: kept('character'),
    freeform: kept('freeform'),
  }
}
