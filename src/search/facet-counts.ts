import type { TagId } from '../domain/stored-tag.js'
import { TAG_KINDS, type TagKind, type TagName } from '../domain/tag.js'
import { BitSet, toBitSet, type WorkSet } from './tag-index-bits.js'
import { FILTER_TAG_STRIDE, type TagIndex } from './tag-index.js'

/** One option beside a filter: a tag, and how many works in the result carry it. */
export type FacetValue = Readonly<{ tagId: TagId; name: TagName; count: number }>

/** The options of one kind with the most works, and how many more there are. */
export type Facet = Readonly<{ top: readonly FacetValue[]; more: number }>

export type Facets = Readonly<Record<TagKind, Facet>>

export type FacetOptions = Readonly<{
  /** How many options per kind; 10, as AO3 shows. */
  limit?: number
  /** A kind whose options come whole, for the "more" list. */
  allFor?: TagKind
}>

/**
 * For every tag, how many of `works` carry it, counted from each work's list of filter tags: a
 * pass over the result, never over the tags. When the result holds more than half the archive
 * the pass goes over the rest instead, and a count is the tag's total less the rest's count, so
 * no query costs more than half the archive's tag lists.
 */
export function countFacets(index: TagIndex, works: WorkSet, options: FacetOptions = {}): Facets {
  const counts = new Uint32Array(index.tagCount)
  const live = index.live
  const isMost = works.size * 2 > live.size
  // A small result lists the tags it met, so picking the top ones need not look at every tag.
  let touched: number[] | undefined
  if (isMost) {
    const rest = new Uint32Array(live.words())
    ;(works instanceof BitSet ? works : toBitSet(works, index.numbers.count)).andNotInto(rest)
    tallyBits(index, counts, rest)
  } else if (works instanceof BitSet) {
    tallyBits(index, counts, works.words())
  } else {
    const met: number[] = []
    works.forEach((work) => tallyWork(index, counts, work, met))
    touched = met
  }
  const countOf = (tag: number) => (isMost ? index.works(tag).size - (counts[tag] ?? 0) : (counts[tag] ?? 0))
  // Over most of the archive, a tag the rest never met has all its works in the result.
  return pickFacets(index, touched, countOf, options)
}

// The hot loops of a facet count, written out over the typed arrays with no callback per work or
// per tag: over 300,000 works (3.5 million tag slots) the closures cost 80 ms, these a few.
function tallyBits(index: TagIndex, counts: Uint32Array, words: Uint32Array): void {
  const { blocks, overflow } = index.filterTagBlocks()
  for (let at = 0; at < words.length; at += 1) {
    let word = words[at] ?? 0
    while (word !== 0) {
      const lowest = word & -word
      const work = (at << 5) + 31 - Math.clz32(lowest)
      word ^= lowest
      const block = work * FILTER_TAG_STRIDE
      const length = blocks[block] ?? 0
      if (length < FILTER_TAG_STRIDE) {
        for (let slot = block + 1; slot <= block + length; slot += 1) {
          const tag = blocks[slot] ?? 0
          counts[tag] = (counts[tag] ?? 0) + 1
        }
        continue
      }
      const from = blocks[block + 1] ?? 0
      for (let slot = from; slot < from + length; slot += 1) {
        const tag = overflow[slot] ?? 0
        counts[tag] = (counts[tag] ?? 0) + 1
      }
    }
  }
}

function tallyWork(index: TagIndex, counts: Uint32Array, work: number, met: number[]): void {
  const { blocks, overflow } = index.filterTagBlocks()
  const block = work * FILTER_TAG_STRIDE
  const length = blocks[block] ?? 0
  const [tags, from] = length < FILTER_TAG_STRIDE ? [blocks, block + 1] : [overflow, blocks[block + 1] ?? 0]
  for (let slot = from; slot < from + length; slot += 1) {
    const tag = tags[slot] ?? 0
    const count = counts[tag] ?? 0
    if (count === 0) met.push(tag)
    counts[tag] = count + 1
  }
}

function pickFacets(
  index: TagIndex,
  candidates: readonly number[] | undefined,
  countOf: (tag: number) => number,
  options: FacetOptions,
): Facets {
  const limit = options.limit ?? 10
  const allFor = options.allFor === undefined ? -1 : TAG_KINDS.indexOf(options.allFor)
  const ordinals = index.tagKindOrdinals
  const tops: FacetValue[][] = TAG_KINDS.map(() => [])
  const seen = TAG_KINDS.map(() => 0)
  // The count a tag must reach to enter its kind's full top list; 0 while the list has room.
  const floors = TAG_KINDS.map(() => 0)
  const end = candidates === undefined ? index.tagCount : candidates.length
  for (let at = 0; at < end; at += 1) {
    const tag = candidates === undefined ? at : (candidates[at] ?? 0)
    const count = countOf(tag)
    if (count === 0) continue
    const kind = ordinals[tag] ?? 0
    seen[kind] = (seen[kind] ?? 0) + 1
    // Most candidates lose on count alone, before any object is made for them.
    if (count < (floors[kind] ?? 0)) continue
    const top = tops[kind] ?? []
    const value = { tagId: index.tagId(tag), name: index.tagName(tag), count }
    if (kind === allFor) {
      top.push(value)
      continue
    }
    const last = top.at(-1)
    if (top.length >= limit && last !== undefined && !isBefore(value, last)) continue
    insertSorted(top, value)
    if (top.length > limit) top.pop()
    if (top.length >= limit) floors[kind] = top.at(-1)?.count ?? 0
  }
  const facet = (kind: TagKind): Facet => {
    const ordinal = TAG_KINDS.indexOf(kind)
    const top = tops[ordinal] ?? []
    if (ordinal === allFor) top.sort((a, b) => (isBefore(a, b) ? -1 : 1))
    return { top, more: (seen[ordinal] ?? 0) - top.length }
  }
  return {
    rating: facet('rating'),
    'archive-warning': facet('archive-warning'),
    category: facet('category'),
    fandom: facet('fandom'),
    relationship: facet('relationship'),
    character: facet('character'),
    freeform: facet('freeform'),
  }
}

/** Most works first; ties in name order, code unit by code unit, the same in every process. */
export function isBefore(a: FacetValue, b: FacetValue): boolean {
  return a.count !== b.count ? a.count > b.count : a.name < b.name
}

function insertSorted(values: FacetValue[], value: FacetValue): void {
  let at = values.length
  while (at > 0 && isBefore(value, values[at - 1] ?? value)) at -= 1
  values.splice(at, 0, value)
}
