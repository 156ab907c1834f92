import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ARCHIVE_WARNINGS, ARCHIVE_WARNING_NAMES } from '../../src/domain/archive-warning.js'
import { CATEGORIES, CATEGORY_NAMES } from '../../src/domain/category.js'
import {
  EMPTY_FILTER_QUERY,
  FILTER_SORTS,
  makeIsoDay,
  makeLanguageCode,
  makePageNumber,
  type FilterQuery,
} from '../../src/domain/filter-query.js'
import { RATINGS, RATING_NAMES } from '../../src/domain/rating.js'
import type { TagId } from '../../src/domain/stored-tag.js'
import { makeTagName, TAG_KINDS, type TagKind } from '../../src/domain/tag.js'
import { parseWorkId, type WorkId } from '../../src/domain/work.js'
import { filterWorks } from '../../src/search/filter-works.js'
import type { IndexTag, IndexTagParent } from '../../src/store/index-scan.js'
import { indexOf, naiveFilter, type Numbering, type Archive } from './filter-reference.js'

const FIXED: IndexTag[] = [
  ...RATINGS.map((id) => ({ kind: 'rating' as const, name: RATING_NAMES[id] })),
  ...ARCHIVE_WARNINGS.map((id) => ({ kind: 'archive-warning' as const, name: ARCHIVE_WARNING_NAMES[id] })),
  ...CATEGORIES.map((id) => ({ kind: 'category' as const, name: CATEGORY_NAMES[id] })),
].map((tag, at) => ({ id: tagId(at + 1), kind: tag.kind, name: makeTagName(tag.name), canonicalId: null }))

const FREE_KINDS: readonly TagKind[] = ['fandom', 'relationship', 'character', 'freeform']
const ULID_DIGITS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function tagId(raw: number): TagId {
  return raw as TagId
}

function workId(seed: number): WorkId {
  let text = ''
  for (let at = 0, value = seed; at < 26; at += 1, value = Math.floor(value / 32) + at * 7) {
    text += ULID_DIGITS[value % 32] ?? '0'
  }
  const id = parseWorkId(`0${text.slice(1)}`)
  if (id === undefined) throw new Error(`no ULID from ${String(seed)}`)
  return id
}

const day = fc.integer({ min: 0, max: 40 }).map((n) => `2020-01-${String(1 + (n % 28)).padStart(2, '0')}`)

/** Random small archives: tags of every kind, synonyms, metatags, works with 0-6 tags. */
const archives: fc.Arbitrary<Archive> = fc
  .record({
    freeTags: fc.array(fc.record({ kind: fc.constantFrom(...FREE_KINDS), canonical: fc.nat(20), parent: fc.nat(20), hasLink: fc.nat(3) }), { maxLength: 12 }),
    works: fc.array(
      fc.record({
        seed: fc.integer({ min: 1, max: 2 ** 30 }),
        tags: fc.array(fc.nat(40), { maxLength: 6 }),
        words: fc.nat(200),
        complete: fc.boolean(),
        language: fc.constantFrom('en', 'de', null),
        updated: day,
        posted: day,
        kudos: fc.nat(5),
        hits: fc.nat(5),
        title: fc.constantFrom('The Rain', 'rain', 'Árbol', 'a Boat', '"Quoted"', 'Zebra'),
        creator: fc.constantFrom('jen', 'Mags', null),
      }),
      { minLength: 4, maxLength: 30 },
    ),
  })
  .map(({ freeTags, works }) => {
    const tags: IndexTag[] = [...FIXED]
    const parents: IndexTagParent[] = []
    freeTags.forEach((spec, at) => {
      const id = tagId(100 + at)
      const sameKind = tags.filter((tag) => tag.kind === spec.kind && tag.canonicalId === null)
      const target = sameKind[spec.canonical % Math.max(1, sameKind.length)]
      // One in four is a synonym, one in four a subtag of an earlier tag (so no loops).
      const canonicalId = spec.hasLink === 1 && target !== undefined ? target.id : null
      tags.push({ id, kind: spec.kind, name: makeTagName(`${spec.kind} ${String(at)}`), canonicalId })
      const parent = tags[(spec.parent * 7) % tags.length]
      if (spec.hasLink === 2 && parent !== undefined && parent.id !== id) parents.push({ childId: id, parentId: parent.id })
    })
    const seen = new Set<WorkId>()
    return {
      tags,
      parents,
      works: works.flatMap((spec) => {
        const id = workId(spec.seed)
        if (seen.has(id)) return []
        seen.add(id)
        const tagIds = [...new Set(spec.tags.map((n) => (tags[n % tags.length] ?? FIXED[0])?.id ?? tagId(1)))]
        return [{
          work: {
            id, wordCount: spec.words, complete: spec.complete, language: spec.language,
            posted: spec.posted, updated: spec.updated, kudos: spec.kudos, hits: spec.hits,
            comments: 0, bookmarks: spec.kudos, title: spec.title, creator: spec.creator,
          },
          tagIds,
        }]
      }),
    }
  })

// Each part of a query is mostly left at its default, so most queries still match some works.
function often<T>(fallback: T, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(fallback) }, { weight: 1, arbitrary })
}

function queries(archive: Archive): fc.Arbitrary<FilterQuery> {
  const names = [...archive.tags.map((tag) => tag.name), makeTagName('No Such Tag')]
  const days = day.map((d) => makeIsoDay(d) ?? null)
  return fc.record({
    include: often([], fc.uniqueArray(fc.constantFrom(...names), { maxLength: 3 })),
    exclude: often([], fc.uniqueArray(fc.constantFrom(...names), { maxLength: 2 })),
    ratings: often([], fc.uniqueArray(fc.constantFrom(...RATINGS), { maxLength: 2 })),
    warnings: often([], fc.uniqueArray(fc.constantFrom(...ARCHIVE_WARNINGS), { maxLength: 1 })),
    categories: often([], fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 1 })),
    crossover: often('include' as const, fc.constantFrom('exclude' as const, 'only' as const)),
    completion: often('any' as const, fc.constantFrom('complete' as const, 'in-progress' as const)),
    language: often(null, fc.constantFrom(makeLanguageCode('en') ?? null, makeLanguageCode('fr') ?? null)),
    words: often({ min: null, max: null }, fc.record({ min: fc.option(fc.nat(200)), max: fc.option(fc.nat(200)) })),
    updated: often({ min: null, max: null }, fc.record({ min: fc.option(days), max: fc.option(days) }).map(({ min, max }) => ({ min: min ?? null, max: max ?? null }))),
    text: fc.constant(null),
    sort: fc.constantFrom(...FILTER_SORTS),
    page: fc.integer({ min: 1, max: 8 }).map((n) => makePageNumber(n) ?? EMPTY_FILTER_QUERY.page),
  })
}

const numberings = fc.record({ numbering: fc.constantFrom<Numbering>('arrival', 'reserved', 'reserved-ranked'), later: fc.nat(3) })
const casesOf = fc.tuple(archives, fc.integer({ min: 1, max: 5 }), fc.boolean(), numberings).chain(([archive, pageSize, bulk, numbering]) =>
  fc.tuple(fc.constant(archive), queries(archive), fc.constant(pageSize), fc.constant({ bulk, ...numbering }), often<readonly WorkId[] | null>(null, fc.shuffledSubarray(archive.works.map(({ work }) => work.id)))),
)

describe('filterWorks against a naive filter on random archives', () => {
  it('agrees on totals, pages, page contents and every facet count', () => {
    let matching = 0
    fc.assert(
      fc.property(casesOf, ([archive, query, pageSize, build, textMatches]) => {
        const index = indexOf(archive, build)
        const matches = textMatches ?? undefined
        const result = filterWorks(index, query, { pageSize, textMatches: matches, allFacetsFor: 'freeform' })
        const expected = naiveFilter(archive, query, pageSize, matches)
        if (expected.total > 1) matching += 1
        expect(result.total).toBe(expected.total)
        expect(result.page).toBe(expected.page)
        expect(result.pageCount).toBe(expected.pageCount)
        expect(result.workIds).toEqual(expected.workIds)
        for (const kind of TAG_KINDS) {
          const all = expected.facets[kind]
          const top = kind === 'freeform' ? all : all.slice(0, 10)
          expect(result.facets[kind].top).toEqual(top)
          expect(result.facets[kind].more).toBe(all.length - top.length)
        }
      }),
      { numRuns: 300 },
    )
    // The property means little if the random queries mostly match nothing.
    expect(matching).toBeGreaterThan(60)
  })

  it('keeps agreeing after works are changed and deleted', () => {
    fc.assert(
      fc.property(archives, fc.nat(), (archive, pick) => {
        const index = indexOf(archive)
        const [first, second] = archive.works
        if (first === undefined || second === undefined) return
        index.removeWork(first.work.id)
        const moved = { work: { ...second.work, kudos: 99, updated: '2021-06-01' }, tagIds: [...first.tagIds] }
        index.putWork(moved.work, moved.tagIds)
        const changed: Archive = { ...archive, works: [moved, ...archive.works.slice(2)] }
        const query = { ...EMPTY_FILTER_QUERY, sort: pick % 2 === 0 ? ('kudos' as const) : ('updated' as const) }
        const result = filterWorks(index, query, { pageSize: 3 })
        const expected = naiveFilter(changed, query, 3)
        expect(result.total).toBe(expected.total)
        expect(result.workIds).toEqual(expected.workIds)
        expect(result.facets.rating.top).toEqual(expected.facets.rating.slice(0, 10))
      }),
      { numRuns: 150 },
    )
  })
})
