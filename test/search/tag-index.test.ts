import { describe, expect, it } from 'vitest'
import { EMPTY_FILTER_QUERY, makePageNumber, type FilterQuery } from '../../src/domain/filter-query.js'
import type { TagId } from '../../src/domain/stored-tag.js'
import { makeTagName, type TagKind } from '../../src/domain/tag.js'
import { parseWorkId, type WorkId } from '../../src/domain/work.js'
import { filterWorks } from '../../src/search/filter-works.js'
import type { IndexTag, IndexWork } from '../../src/store/index-scan.js'
import { indexOf, naiveFilter, type Archive } from './filter-reference.js'

const tag = (id: number, kind: TagKind, name: string, canonical: number | null = null): IndexTag => ({
  id: id as TagId,
  kind,
  name: makeTagName(name),
  canonicalId: canonical === null ? null : (canonical as TagId),
})

function workId(n: number): WorkId {
  const id = parseWorkId(`01J${String(n).padStart(23, '0')}`)
  if (id === undefined) throw new Error(`bad id ${String(n)}`)
  return id
}

function aWork(n: number, overrides: Partial<IndexWork> = {}): IndexWork {
  return {
    id: workId(n), wordCount: 1000, complete: true, language: 'en', posted: '2020-01-01',
    updated: '2020-01-01', kudos: 0, hits: 0, comments: 0, bookmarks: 0, title: `Work ${String(n)}`,
    creator: 'jen', ...overrides,
  }
}

const query = (overrides: Partial<FilterQuery>): FilterQuery => ({ ...EMPTY_FILTER_QUERY, ...overrides })
const names = (...raw: string[]) => raw.map(makeTagName)

// Marvel is a metatag over the MCU and the comics; "MCU" is a synonym of the MCU's canonical.
const TAGS = [
  tag(1, 'fandom', 'Marvel'),
  tag(2, 'fandom', 'Marvel Cinematic Universe'),
  tag(3, 'fandom', 'MCU', 2),
  tag(4, 'fandom', 'Marvel (Comics)'),
  tag(5, 'fandom', 'Smallville'),
  tag(6, 'character', 'Chloe Sullivan'),
  tag(7, 'freeform', 'Songfic'),
  tag(8, 'freeform', 'sad ending but make it fashion'),
  tag(9, 'relationship', 'Kirk/Spock'),
  tag(10, 'relationship', '東方 & 西方'),
]
const ARCHIVE: Archive = {
  tags: TAGS,
  parents: [
    { childId: 2 as TagId, parentId: 1 as TagId },
    { childId: 4 as TagId, parentId: 1 as TagId },
    // A character's fandom is a parent of another kind: not a metatag.
    { childId: 6 as TagId, parentId: 5 as TagId },
  ],
  works: [
    { work: aWork(1), tagIds: [3 as TagId, 7 as TagId] },
    { work: aWork(2, { updated: '2021-01-01' }), tagIds: [2 as TagId, 4 as TagId] },
    { work: aWork(3), tagIds: [5 as TagId, 6 as TagId, 8 as TagId] },
    { work: aWork(4), tagIds: [4 as TagId, 5 as TagId, 9 as TagId, 10 as TagId] },
  ],
}

describe('filtering the tag index', () => {
  const index = indexOf(ARCHIVE)
  const ids = (result: { workIds: WorkId[] }) => result.workIds.map((id) => Number(id.slice(3)))

  it("shows a synonym's works under its canonical tag, and finds them by the synonym too", () => {
    for (const name of ['Marvel Cinematic Universe', 'MCU', 'mcu']) {
      expect(ids(filterWorks(index, query({ include: names(name) }), { pageSize: 10 }))).toEqual([2, 1])
    }
  })

  it("includes a metatag's subtags' works, but not a character's fandom's", () => {
    expect(ids(filterWorks(index, query({ include: names('Marvel') }), { pageSize: 10 }))).toEqual([2, 4, 1])
    expect(ids(filterWorks(index, query({ include: names('Chloe Sullivan') }), { pageSize: 10 }))).toEqual([3])
  })

  it('counts a crossover by top fandoms: MCU with Marvel comics is none, Marvel with Smallville is one', () => {
    expect(ids(filterWorks(index, query({ crossover: 'only' }), { pageSize: 10 }))).toEqual([4])
    expect(ids(filterWorks(index, query({ crossover: 'exclude' }), { pageSize: 10 }))).toEqual([2, 3, 1])
  })

  it('finds unwrangled tags and tags in any script by name', () => {
    expect(ids(filterWorks(index, query({ include: names('sad ending but make it fashion') }), { pageSize: 10 }))).toEqual([3])
    expect(ids(filterWorks(index, query({ include: names('東方 & 西方') }), { pageSize: 10 }))).toEqual([4])
  })

  it('matches nothing for an unknown included tag, ignores an unknown excluded one, and names both', () => {
    const result = filterWorks(index, query({ include: names('Nope'), exclude: names('Nor This') }), { pageSize: 10 })
    expect(result).toMatchObject({ total: 0, page: 1, pageCount: 1, workIds: [], unknownTags: ['Nope', 'Nor This'] })
  })

  it('counts facets under canonical tags and metatags only', () => {
    const result = filterWorks(index, EMPTY_FILTER_QUERY, { pageSize: 10 })
    expect(result.facets.fandom.top.map(({ name, count }) => [name, count])).toEqual([
      ['Marvel', 3],
      ['Marvel (Comics)', 2],
      ['Marvel Cinematic Universe', 2],
      ['Smallville', 2],
    ])
    expect(result.facets.fandom.more).toBe(0)
  })

  // Ties on the updated day go to the newer work, as on the plain listing.
  it('shows the last page for a page past the end', () => {
    const result = filterWorks(index, query({ page: makePageNumber(99) ?? EMPTY_FILTER_QUERY.page }), { pageSize: 3 })
    expect(result).toMatchObject({ total: 4, page: 2, pageCount: 2 })
    expect(ids(result)).toEqual([1])
  })
})

describe('the tag index at a few thousand works', () => {
  // Enough works that pages come from the bitset of ranks, not from sorting the ranks.
  const archive: Archive = {
    tags: [tag(1, 'fandom', 'Big'), tag(2, 'freeform', 'Every Third'), tag(3, 'freeform', 'Every Seventh')],
    parents: [],
    works: Array.from({ length: 9000 }, (_, n) => ({
      work: aWork(n + 1, { kudos: (n * 7919) % 101, updated: `2020-0${String(1 + (n % 9))}-01`, title: `T${String((n * 31) % 977)}` }),
      tagIds: [1 as TagId, ...(n % 3 === 0 ? [2 as TagId] : []), ...(n % 7 === 0 ? [3 as TagId] : [])],
    })),
  }
  const index = indexOf(archive, { bulk: true })

  it.each(['updated', 'kudos', 'title'] as const)('opens any page directly, sorted by %s', (sort) => {
    for (const page of [1, 2, 150, 333, 334, 9999]) {
      const filter = query({ include: names('Big'), exclude: names('Every Third'), sort, page: makePageNumber(page) ?? EMPTY_FILTER_QUERY.page })
      const result = filterWorks(index, filter, { pageSize: 18 })
      const expected = naiveFilter(archive, filter, 18)
      expect(result).toMatchObject({ total: expected.total, page: expected.page, pageCount: expected.pageCount })
      expect(result.workIds).toEqual(expected.workIds)
      expect(result.facets.freeform.top).toEqual(expected.facets.freeform.slice(0, 10))
    }
  })
})

describe('works with long tag lists', () => {
  // Fifteen filter tags fit in a work's own block; more go to the shared overflow list, and a
  // retagged work's old list is left behind there. Counts must not notice either.
  const freeforms = Array.from({ length: 40 }, (_, n) => tag(100 + n, 'freeform', `Trope ${String(n)}`))
  const tagsOf = (n: number, count: number) => freeforms.slice(n % 7, (n % 7) + count).map((t) => t.id)
  const works = Array.from({ length: 1200 }, (_, n) => ({ work: aWork(n + 1), tagIds: tagsOf(n, [3, 15, 16, 30][n % 4] ?? 3) }))

  it.each([false, true])('counts every facet as a naive count does (bulk %s), over few works and most', (bulk) => {
    const archive: Archive = { tags: freeforms, parents: [], works }
    const index = indexOf(archive, { bulk })
    // Retag a third: long lists become short, short become long.
    const retagged = works.map((entry, n) => (n % 3 === 0 ? { ...entry, tagIds: tagsOf(n + 1, [20, 2, 31, 15][n % 4] ?? 2) } : entry))
    retagged.forEach(({ work, tagIds }, n) => {
      if (n % 3 === 0) index.setWorkTags(index.numbers.numberOf(work.id) ?? -1, tagIds)
    })
    const after: Archive = { ...archive, works: retagged }
    for (const include of [names('Trope 20'), names('Trope 6'), names('Trope 12', 'Trope 25'), names('Trope 25', 'Trope 33'), []]) {
      const filter = query({ include })
      const result = filterWorks(index, filter, { pageSize: 5, allFacetsFor: 'freeform' })
      const expected = naiveFilter(after, filter, 5)
      expect(result.total).toBe(expected.total)
      expect(result.facets.freeform.top).toEqual(expected.facets.freeform)
    }
  })
})

describe('works numbered out of id order', () => {
  // As the store load numbers them, fandom by fandom: ties in a sort still go newest id first,
  // whether the index sorts the ids itself or is given their order, and after works come later.
  const tags = [tag(1, 'fandom', 'Alpha'), tag(2, 'fandom', 'Beta')]
  const works = [50, 10, 90, 30, 70, 20, 100].map((n) => ({ work: aWork(n, { kudos: 4 }), tagIds: [(n % 20 === 0 ? 2 : 1) as TagId] }))
  const expectNewestFirst = (archive: Archive, index: ReturnType<typeof indexOf>) => {
    for (const sort of ['kudos', 'title', 'updated'] as const) {
      const result = filterWorks(index, query({ sort }), { pageSize: 50 })
      expect(result.workIds).toEqual(naiveFilter(archive, query({ sort }), 50).workIds)
    }
  }

  it.each(['reserved', 'reserved-ranked'] as const)('orders ties by id (%s), with later works older and newer than all', (numbering) => {
    for (const later of [[aWork(40, { kudos: 4 })], [aWork(95, { kudos: 4 }), aWork(120, { kudos: 4 })], [aWork(120, { kudos: 4 }), aWork(60, { kudos: 4 })]]) {
      const archive: Archive = { tags, parents: [], works: [...works, ...later.map((work) => ({ work, tagIds: [1 as TagId] }))] }
      expectNewestFirst(archive, indexOf(archive, { bulk: true, numbering, later: later.length }))
    }
  })
})
