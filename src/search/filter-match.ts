import { ARCHIVE_WARNING_NAMES } from '../domain/archive-warning.js'
import { CATEGORY_NAMES } from '../domain/category.js'
import type { FilterQuery } from '../domain/filter-query.js'
import { RATING_NAMES } from '../domain/rating.js'
import type { TagName } from '../domain/tag.js'
import type { WorkId } from '../domain/work.js'
import { dayNumber } from './sort-orders.js'
import { ArraySet, BitSet, countBits, forEachBit, wordsFor, type WorkSet } from './tag-index-bits.js'
import type { TagIndex } from './tag-index.js'

/** The works a query matches, and the tag names it gave that the archive doesn't have. */
export type MatchedWorks = Readonly<{ works: WorkSet; unknownTags: readonly TagName[] }>

/**
 * Include is an intersection, exclude a difference. The smallest set that every match must be
 * in leads: when it is a small array, each of its works is checked against the rest (cost: its
 * size); otherwise the sets meet as bitsets, a word (32 works) at a time. An unknown included
 * tag matches nothing; an unknown excluded one takes nothing away.
 */
export function matchWorks(
  index: TagIndex,
  query: FilterQuery,
  textMatches?: readonly WorkId[],
): MatchedWorks {
  const unknownTags: TagName[] = []
  const required: WorkSet[] = []
  const excluded: WorkSet[] = []
  for (const name of query.include) {
    const tag = index.tagNumberByName(name)
    if (tag === undefined) unknownTags.push(name)
    else required.push(index.works(tag))
  }
  for (const name of query.exclude) {
    const tag = index.tagNumberByName(name)
    if (tag === undefined) unknownTags.push(name)
    else excluded.push(index.works(tag))
  }
  const groups = [
    query.ratings.map((rating) => RATING_NAMES[rating]),
    query.warnings.map((warning) => ARCHIVE_WARNING_NAMES[warning]),
    query.categories.map((category) => CATEGORY_NAMES[category]),
  ]
  for (const names of groups) if (names.length > 0) required.push(anyOf(index, names))
  if (textMatches !== undefined) required.push(numbersOf(index, textMatches))
  if (query.crossover === 'only') required.push(index.crossover)
  if (query.crossover === 'exclude') excluded.push(index.crossover)
  if (query.completion === 'complete') required.push(index.complete)
  if (query.completion === 'in-progress') excluded.push(index.complete)
  const keep = columnTest(index, query)
  if (query.include.some((name) => unknownTags.includes(name)) || keep === 'none') {
    return { works: new ArraySet(), unknownTags }
  }
  required.sort((a, b) => a.size - b.size)
  const [lead, ...rest] = required
  const works =
    lead !== undefined && !(lead instanceof BitSet)
      ? checkEach(index, lead, rest, excluded, keep)
      : meetWords(index, lead, rest, excluded, keep)
  return { works, unknownTags }
}

type ColumnTest = ((work: number) => boolean) | undefined | 'none'

function checkEach(
  index: TagIndex,
  lead: WorkSet,
  rest: readonly WorkSet[],
  excluded: readonly WorkSet[],
  keep: ((work: number) => boolean) | undefined,
): ArraySet {
  const found = new Uint32Array(lead.size)
  let size = 0
  const live = index.live
  lead.forEach((work) => {
    if (!live.has(work)) return
    for (const set of rest) if (!set.has(work)) return
    for (const set of excluded) if (set.has(work)) return
    if (keep !== undefined && !keep(work)) return
    found[size++] = work
  })
  return new ArraySet(found, size)
}

function meetWords(
  index: TagIndex,
  lead: WorkSet | undefined,
  rest: readonly WorkSet[],
  excluded: readonly WorkSet[],
  keep: ((work: number) => boolean) | undefined,
): BitSet {
  const words = new Uint32Array(wordsFor(index.numbers.count))
  index.live.orInto(words)
  for (const set of lead === undefined ? rest : [lead, ...rest]) set.andInto(words)
  for (const set of excluded) set.andNotInto(words)
  if (keep !== undefined) {
    forEachBit(words, (work) => {
      if (!keep(work)) words[work >>> 5] = (words[work >>> 5] ?? 0) & ~(1 << (work & 31))
    })
  }
  return new BitSet(words, countBits(words))
}

// Works carrying any of these tags: one rating of several, say.
function anyOf(index: TagIndex, names: readonly string[]): WorkSet {
  const sets = names.flatMap((name) => {
    const tag = index.tagNumberByName(name)
    return tag === undefined ? [] : [index.works(tag)]
  })
  const [only] = sets
  if (sets.length === 1 && only !== undefined) return only
  const words = new Uint32Array(wordsFor(index.numbers.count))
  for (const set of sets) set.orInto(words)
  return new BitSet(words, countBits(words))
}

function numbersOf(index: TagIndex, ids: readonly WorkId[]): ArraySet {
  const numbers = new Set<number>()
  for (const id of ids) {
    const work = index.numbers.numberOf(id)
    if (work !== undefined) numbers.add(work)
  }
  return new ArraySet(Uint32Array.from(numbers).sort(), numbers.size)
}

// The filters on columns, as one test per work; 'none' when nothing can pass.
function columnTest(index: TagIndex, query: FilterQuery): ColumnTest {
  const tests: Array<(work: number) => boolean> = []
  const { words, updated, language } = index.columns
  const { min: wordsMin, max: wordsMax } = query.words
  if (wordsMin !== null) tests.push((work) => (words[work] ?? 0) >= wordsMin)
  if (wordsMax !== null) tests.push((work) => (words[work] ?? 0) <= wordsMax)
  if (query.updated.min !== null) {
    const after = dayNumber(query.updated.min)
    tests.push((work) => (updated[work] ?? 0) >= after)
  }
  if (query.updated.max !== null) {
    const before = dayNumber(query.updated.max)
    tests.push((work) => (updated[work] ?? 0) <= before)
  }
  if (query.language !== null) {
    const code = index.languageNumber(query.language)
    if (code === undefined) return 'none'
    tests.push((work) => language[work] === code)
  }
  if (tests.length === 0) return undefined
  return (work) => tests.every((test) => test(work))
}
