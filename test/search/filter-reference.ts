import type { FilterQuery } from '../../src/domain/filter-query.js'
import { ARCHIVE_WARNING_NAMES } from '../../src/domain/archive-warning.js'
import { CATEGORY_NAMES } from '../../src/domain/category.js'
import { RATING_NAMES } from '../../src/domain/rating.js'
import type { TagId } from '../../src/domain/stored-tag.js'
import { TAG_KINDS, type TagKind } from '../../src/domain/tag.js'
import type { WorkId } from '../../src/domain/work.js'
import type { FacetValue } from '../../src/search/facet-counts.js'
import { sortableText, type SortKey } from '../../src/search/sort-orders.js'
import { TagIndex } from '../../src/search/tag-index.js'
import type { IndexTag, IndexTagParent, IndexWork } from '../../src/store/index-scan.js'
import { nameKey } from '../../src/store/name-key.js'

/** A small archive held as plain values, for a naive filter to check the index against. */
export type Archive = Readonly<{
  tags: readonly IndexTag[]
  parents: readonly IndexTagParent[]
  works: ReadonlyArray<Readonly<{ work: IndexWork; tagIds: readonly TagId[] }>>
}>

/**
 * How works get their numbers: as they come (`arrival`), or reserved first in another order, as
 * the store load reserves them fandom by fandom, with the id order then sorted by the index
 * (`reserved`) or given to it (`reserved-ranked`, as the load gives it).
 */
export type Numbering = 'arrival' | 'reserved' | 'reserved-ranked'

/**
 * The index of `archive`, one work at a time or in bulk as the store load does it. `later` works
 * come after the build, one at a time, as a refresh adds them.
 */
export function indexOf(
  archive: Archive,
  { bulk = false, numbering = 'arrival' as Numbering, later = 0 } = {},
): TagIndex {
  const index = new TagIndex(archive.tags, archive.parents)
  const first = archive.works.slice(0, archive.works.length - later)
  if (numbering !== 'arrival') {
    // Works by their first tag, the last work first within one: far from id order.
    const grouped = [...first].sort((a, b) => String(a.tagIds[0] ?? '').localeCompare(String(b.tagIds[0] ?? '')) || (a.work.id < b.work.id ? 1 : -1))
    index.reserveNumbers(grouped.map(({ work }) => work.id))
  }
  if (bulk) index.beginBulk()
  for (const { work, tagIds } of first) {
    const number = index.putWorkFields(work)
    index.setWorkTags(number, tagIds)
  }
  if (bulk) index.endBulk()
  if (numbering === 'reserved-ranked') {
    const byId = [...first].sort((a, b) => (a.work.id < b.work.id ? -1 : 1))
    const ranks = new Uint32Array(index.numbers.count)
    byId.forEach(({ work }, rank) => (ranks[index.numbers.numberOf(work.id) ?? 0] = rank))
    index.setIdRanks(ranks)
  }
  for (const { work, tagIds } of archive.works.slice(first.length)) index.putWork(work, tagIds)
  const keys = (pick: (work: IndexWork) => string) => {
    const keys: string[] = []
    for (const { work } of archive.works) keys[index.numbers.numberOf(work.id) ?? 0] = sortableText(pick(work))
    return keys
  }
  index.setTextOrder('title', keys((work) => work.title))
  index.setTextOrder('creator', keys((work) => work.creator ?? ''))
  return index
}

/** What filterWorks should answer, worked out the slow, obvious way. */
export function naiveFilter(
  archive: Archive,
  query: FilterQuery,
  pageSize: number,
  textMatches?: readonly WorkId[],
) {
  const byId = new Map(archive.tags.map((tag) => [tag.id, tag]))
  const canonical = (id: TagId) => {
    const tag = byId.get(id)
    return tag?.canonicalId != null && byId.has(tag.canonicalId) ? tag.canonicalId : id
  }
  const sameKindParents = (id: TagId) =>
    archive.parents
      .filter((link) => link.childId === id && byId.get(link.parentId)?.kind === byId.get(id)?.kind)
      .map((link) => canonical(link.parentId))
  const above = (id: TagId): Set<TagId> => {
    const found = new Set([id])
    for (const next of found) for (const parent of sameKindParents(next)) found.add(parent)
    return found
  }
  const filterTags = (tagIds: readonly TagId[]) => new Set(tagIds.flatMap((id) => [...above(canonical(id))]))
  const byName = (name: string) => archive.tags.find((tag) => nameKey(tag.name) === nameKey(name))
  const isCrossover = (tagIds: readonly TagId[]) => {
    const roots = new Set<TagId>()
    for (const id of tagIds) {
      if (byId.get(id)?.kind !== 'fandom') continue
      for (const up of above(canonical(id))) if (sameKindParents(up).length === 0) roots.add(up)
    }
    return roots.size >= 2
  }
  const day = (text: string) => text.slice(0, 10)
  const matches = archive.works.filter(({ work, tagIds }) => {
    const carried = filterTags(tagIds)
    const has = (name: string) => {
      const tag = byName(name)
      return tag !== undefined && carried.has(canonical(tag.id))
    }
    if (!query.include.every(has)) return false
    if (query.exclude.some(has)) return false
    if (query.ratings.length > 0 && !query.ratings.some((rating) => has(RATING_NAMES[rating]))) return false
    if (query.warnings.length > 0 && !query.warnings.some((warning) => has(ARCHIVE_WARNING_NAMES[warning]))) return false
    if (query.categories.length > 0 && !query.categories.some((category) => has(CATEGORY_NAMES[category]))) return false
    if (query.crossover === 'only' && !isCrossover(tagIds)) return false
    if (query.crossover === 'exclude' && isCrossover(tagIds)) return false
    if (query.completion === 'complete' && !work.complete) return false
    if (query.completion === 'in-progress' && work.complete) return false
    if (query.language !== null && work.language !== query.language) return false
    if (query.words.min !== null && work.wordCount < query.words.min) return false
    if (query.words.max !== null && work.wordCount > query.words.max) return false
    if (query.updated.min !== null && day(work.updated) < query.updated.min) return false
    if (query.updated.max !== null && day(work.updated) > query.updated.max) return false
    if (textMatches !== undefined && !textMatches.includes(work.id)) return false
    return true
  })
  const facets = {} as Record<TagKind, FacetValue[]>
  for (const kind of TAG_KINDS) facets[kind] = []
  for (const tag of archive.tags) {
    const count = matches.filter(({ tagIds }) => filterTags(tagIds).has(tag.id)).length
    if (count > 0) facets[tag.kind].push({ tagId: tag.id, name: tag.name, count })
  }
  for (const kind of TAG_KINDS) {
    facets[kind].sort((a, b) => (a.count !== b.count ? b.count - a.count : a.name < b.name ? -1 : 1))
  }
  const sorted =
    query.sort === 'best' && textMatches !== undefined
      ? [...new Set(textMatches)].filter((id) => matches.some(({ work }) => work.id === id))
      : [...matches].sort((a, b) => compare(a.work, b.work, query.sort === 'best' ? 'updated' : query.sort)).map(({ work }) => work.id)
  const pageCount = Math.max(1, Math.ceil(matches.length / pageSize))
  const page = Math.min(query.page, pageCount)
  return {
    total: matches.length,
    page,
    pageCount,
    workIds: sorted.slice((page - 1) * pageSize, page * pageSize),
    facets,
  }
}

function compare(a: IndexWork, b: IndexWork, key: SortKey): number {
  const newerFirst = a.id < b.id ? 1 : a.id > b.id ? -1 : 0
  const text = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : newerFirst)
  const more = (left: number, right: number) => (left !== right ? right - left : newerFirst)
  switch (key) {
    case 'title':
      return text(sortableText(a.title), sortableText(b.title))
    case 'creator':
      return text(sortableText(a.creator ?? ''), sortableText(b.creator ?? ''))
    case 'updated':
      return a.updated !== b.updated ? (a.updated < b.updated ? 1 : -1) : newerFirst
    case 'posted':
      return a.posted !== b.posted ? (a.posted < b.posted ? 1 : -1) : newerFirst
    case 'words':
      return more(a.wordCount, b.wordCount)
    case 'kudos':
      return more(a.kudos, b.kudos)
    case 'hits':
      return more(a.hits, b.hits)
    case 'comments':
      return more(a.comments, b.comments)
    case 'bookmarks':
      return more(a.bookmarks, b.bookmarks)
  }
}
