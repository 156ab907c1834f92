import type { FilterSort } from '../domain/filter-query.js'
import type { WorkId } from '../domain/work.js'
import { popcount32, wordsFor, type WorkSet } from './tag-index-bits.js'
import type { SortRanks, TagIndex } from './tag-index.js'

/** One page of a result: which page it turned out to be, of how many, and its works in order. */
export type WorkPage = Readonly<{ page: number; pageCount: number; workIds: WorkId[] }>

// Up to this many works, a page is cut from the sorted ranks; past it, from a bitset of ranks.
const SMALL_RESULT = 4096

/**
 * The works on page `page` of `works` in `sort` order. A page past the end is the last page.
 * Every page costs the same: the result's works mark their ranks in a bitset, counting set bits
 * a word at a time finds where the page starts, and one more pass over the result picks the
 * works whose ranks fall on the page. No walk through the pages before it.
 */
export function pageOfWorks(
  index: TagIndex,
  works: WorkSet,
  sort: FilterSort,
  page: number,
  pageSize: number,
  textMatches?: readonly WorkId[],
): WorkPage {
  const pageCount = Math.max(1, Math.ceil(works.size / pageSize))
  const shown = Math.min(Math.max(1, Math.floor(page)), pageCount)
  const start = (shown - 1) * pageSize
  const end = Math.min(start + pageSize, works.size)
  if (start >= end) return { page: shown, pageCount, workIds: [] }
  if (sort === 'best' && textMatches !== undefined) {
    return { page: shown, pageCount, workIds: pageByRelevance(index, works, textMatches, start, end) }
  }
  const sortRanks = index.ranks(sort === 'best' ? 'updated' : sort)
  const { ranks, limit } = sortRanks
  const walked = pageByWalking(index, works, sortRanks, start, end)
  if (walked !== undefined) return { page: shown, pageCount, workIds: walked }
  const [low, high] =
    works.size <= SMALL_RESULT
      ? rankBoundsBySorting(works, ranks, start, end)
      : rankBoundsByCounting(works, ranks, limit, start, end)
  const onPage: number[] = []
  works.forEach((work) => {
    const rank = ranks[work] ?? 0
    if (rank >= low && rank <= high) onPage.push(work)
  })
  onPage.sort((a, b) => (ranks[a] ?? 0) - (ranks[b] ?? 0))
  return { page: shown, pageCount, workIds: onPage.map((work) => index.numbers.idOf(work)) }
}

// Works in sort order (order[rank] = work), made once per SortRanks: the index makes a new one
// whenever an order changes.
const ORDERS = new WeakMap<SortRanks, Uint32Array>()

// The longest walk worth taking instead of counting ranks over the whole result.
const WALK_MAX = 65_536

/**
 * A page near either end of a big result, found by walking the sort order from that end and
 * testing each work: about (works before the page) / (the result's share of the archive) steps,
 * a few hundred for the first or last page of a result a third of the archive, against a pass
 * over all of it. Undefined when the page lies too deep for that to pay.
 */
function pageByWalking(
  index: TagIndex,
  works: WorkSet,
  sortRanks: SortRanks,
  start: number,
  end: number,
): WorkId[] | undefined {
  const { ranks, limit } = sortRanks
  if (works.size <= SMALL_RESULT) return undefined
  const fromFront = end
  const fromBack = works.size - start
  if ((Math.min(fromFront, fromBack) * limit) / works.size > WALK_MAX) return undefined
  let order = ORDERS.get(sortRanks)
  if (order === undefined) {
    order = new Uint32Array(limit)
    for (let work = 0; work < Math.min(ranks.length, index.numbers.count); work += 1) {
      const rank = ranks[work] ?? 0
      if (rank < limit) order[rank] = work
    }
    ORDERS.set(sortRanks, order)
  }
  const page: number[] = []
  if (fromFront <= fromBack) {
    let seen = 0
    for (let rank = 0; rank < limit && seen < end; rank += 1) {
      const work = order[rank] ?? 0
      if (!works.has(work)) continue
      if (seen >= start) page.push(work)
      seen += 1
    }
  } else {
    let seen = 0
    for (let rank = limit - 1; rank >= 0 && seen < fromBack; rank -= 1) {
      const work = order[rank] ?? 0
      if (!works.has(work)) continue
      if (seen < works.size - start && seen >= works.size - end) page.push(work)
      seen += 1
    }
    page.reverse()
  }
  return page.map((work) => index.numbers.idOf(work))
}

function rankBoundsBySorting(works: WorkSet, ranks: Uint32Array, start: number, end: number) {
  const sorted = new Uint32Array(works.size)
  let at = 0
  works.forEach((work) => {
    sorted[at++] = ranks[work] ?? 0
  })
  sorted.sort()
  return [sorted[start] ?? 0, sorted[end - 1] ?? 0] as const
}

function rankBoundsByCounting(
  works: WorkSet,
  ranks: Uint32Array,
  limit: number,
  start: number,
  end: number,
) {
  const bits = new Uint32Array(wordsFor(limit))
  works.forEach((work) => {
    const rank = ranks[work] ?? 0
    bits[rank >>> 5] = (bits[rank >>> 5] ?? 0) | (1 << (rank & 31))
  })
  let seen = 0
  let index = 0
  for (; index < bits.length; index += 1) {
    const count = popcount32(bits[index] ?? 0)
    if (seen + count > start) break
    seen += count
  }
  let low = -1
  for (; index < bits.length; index += 1) {
    let word = bits[index] ?? 0
    while (word !== 0) {
      const lowest = word & -word
      const rank = (index << 5) + 31 - Math.clz32(lowest)
      word ^= lowest
      if (seen === start) low = rank
      if (seen === end - 1) return [low, rank] as const
      seen += 1
    }
  }
  return [low, limit] as const
}

function pageByRelevance(
  index: TagIndex,
  works: WorkSet,
  textMatches: readonly WorkId[],
  start: number,
  end: number,
): WorkId[] {
  const page: WorkId[] = []
  const seen = new Set<number>()
  for (const id of textMatches) {
    const work = index.numbers.numberOf(id)
    if (work === undefined || seen.has(work) || !works.has(work)) continue
    seen.add(work)
    if (seen.size > start) page.push(id)
    if (seen.size >= end) break
  }
  return page
}
