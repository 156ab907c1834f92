import type { FilterSort } from '../domain/filter-query.js'

/** The sorts the index orders works by itself; `best` comes from the full-text engine. */
export type SortKey = Exclude<FilterSort, 'best'>

/** Whether a sort shows the largest first: every sort but the alphabetical ones. */
export function isDescending(key: SortKey): boolean {
  return key !== 'title' && key !== 'creator'
}

/**
 * Where each work falls in an order, as rank[work] (0 shows first), so a page of any set of works
 * is found from the ranks alone. Ties go to the newer work (the larger id), as on the plain
 * listing. `idRanks[work]` is the work's place in id order, or undefined when numbers already
 * are in id order. Packs (value, id rank) into one float and sorts natively, which at a million
 * works takes about a tenth of the time a comparator does; falls back to one when they don't fit.
 */
export function numericRanks(
  values: ArrayLike<number>,
  count: number,
  idRanks: Uint32Array | undefined,
  descending: boolean,
): Uint32Array {
  const byIdRank = idRanks === undefined ? undefined : invert(idRanks, count)
  let min = 0
  let max = 0
  for (let work = 0; work < count; work += 1) {
    const value = values[work] ?? 0
    if (work === 0 || value < min) min = value
    if (work === 0 || value > max) max = value
  }
  const scale = 2 ** Math.ceil(Math.log2(count + 1))
  const ranks = new Uint32Array(count)
  const place = (position: number, work: number) => {
    ranks[work] = descending ? count - 1 - position : position
  }
  if ((max - min + 1) * scale <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(count)
    for (let work = 0; work < count; work += 1) {
      const idRank = idRanks === undefined ? work : (idRanks[work] ?? 0)
      // Ascending ids within a value; read backwards for a descending sort, newest first.
      packed[work] = ((values[work] ?? 0) - min) * scale + (descending ? idRank : count - 1 - idRank)
    }
    packed.sort()
    for (let position = 0; position < count; position += 1) {
      const idRank = (packed[position] ?? 0) % scale
      const inIdOrder = descending ? idRank : count - 1 - idRank
      place(position, byIdRank === undefined ? inIdOrder : (byIdRank[inIdOrder] ?? 0))
    }
    return ranks
  }
  const order = Uint32Array.from({ length: count }, (_, work) => work)
  const rankOf = (work: number) => (idRanks === undefined ? work : (idRanks[work] ?? 0))
  order.sort((a, b) => {
    const difference = (values[a] ?? 0) - (values[b] ?? 0)
    if (difference !== 0) return difference
    return descending ? rankOf(a) - rankOf(b) : rankOf(b) - rankOf(a)
  })
  order.forEach((work, position) => {
    place(position, work)
  })
  return ranks
}

/** Ranks for an alphabetical sort of `keys` (one per work), ties to the newer work. */
export function textRanks(keys: readonly string[], idRanks: Uint32Array | undefined): Uint32Array {
  const count = keys.length
  const rankOf = (work: number) => (idRanks === undefined ? work : (idRanks[work] ?? 0))
  const order = Uint32Array.from({ length: count }, (_, work) => work)
  order.sort((a, b) => {
    const [left, right] = [keys[a] ?? '', keys[b] ?? '']
    if (left !== right) return left < right ? -1 : 1
    return rankOf(b) - rankOf(a)
  })
  const ranks = new Uint32Array(count)
  order.forEach((work, position) => {
    ranks[work] = position
  })
  return ranks
}

/**
 * A title or name as it sorts: case and accents folded, a leading "The", "A" or "An" and leading
 * punctuation set aside, as AO3 sorts titles. Compared by code unit, so every process agrees.
 */
export function sortableText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/^(the|a|an)\s+/u, '')
}

/** A YYYY-MM-DD day as a whole number of days, so dates sort and compare as numbers. */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000)
}

function invert(ranks: Uint32Array, count: number): Uint32Array {
  const inverse = new Uint32Array(count)
  for (let work = 0; work < count; work += 1) inverse[ranks[work] ?? 0] = work
  return inverse
}
