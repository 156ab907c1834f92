import { describe, expect, it } from 'vitest'
import type { TagId } from '../../src/domain/stored-tag.js'
import { makeTagName, type TagKind } from '../../src/domain/tag.js'
import { parseWorkId, type WorkId } from '../../src/domain/work.js'
import type { IndexTag, IndexWork } from '../../src/store/index-scan.js'
import { countTagWorks, topTags } from '../../src/search/tag-counts.js'
import { indexOf } from './filter-reference.js'

const tag = (id: number, kind: TagKind, name: string, canonical: number | null = null): IndexTag => ({
  id: id as TagId,
  kind,
  name: makeTagName(name),
  canonicalId: canonical === null ? null : (canonical as TagId),
})

function aWork(n: number): IndexWork {
  const id: WorkId | undefined = parseWorkId(`01J${String(n).padStart(23, '0')}`)
  if (id === undefined) throw new Error(`bad id ${String(n)}`)
  return {
    id, wordCount: 1000, complete: true, language: 'en', posted: '2020-01-01', updated: '2020-01-01',
    kudos: 0, hits: 0, comments: 0, bookmarks: 0, title: `Work ${String(n)}`, creator: 'jen',
  }
}

// Marvel is a metatag over the MCU; "MCU" is a synonym of the MCU's canonical tag.
const index = indexOf({
  tags: [
    tag(1, 'fandom', 'Marvel'),
    tag(2, 'fandom', 'Marvel Cinematic Universe'),
    tag(3, 'fandom', 'MCU', 2),
    tag(4, 'fandom', 'Smallville'),
    tag(5, 'fandom', 'Due South'),
    tag(6, 'freeform', 'Angst'),
  ],
  parents: [{ childId: 2 as TagId, parentId: 1 as TagId }],
  works: [
    { work: aWork(1), tagIds: [3 as TagId, 6 as TagId] },
    { work: aWork(2), tagIds: [2 as TagId, 6 as TagId] },
    { work: aWork(3), tagIds: [4 as TagId, 6 as TagId] },
    { work: aWork(4), tagIds: [5 as TagId] },
  ],
})

describe('tag counts from the index', () => {
  it("counts a synonym's works under its canonical tag, and a metatag's subtags' under it", () => {
    expect(countTagWorks(index, 'Marvel Cinematic Universe')).toBe(2)
    expect(countTagWorks(index, 'mcu')).toBe(2)
    expect(countTagWorks(index, 'Marvel')).toBe(2)
    expect(countTagWorks(index, 'Smallville')).toBe(1)
    expect(countTagWorks(index, 'No Such Fandom')).toBe(0)
  })

  it('ranks the fandoms with the most works first, ties by name, never a synonym or another kind', () => {
    expect(topTags(index, 'fandom', 10)).toEqual([
      { name: 'Marvel', count: 2 },
      { name: 'Marvel Cinematic Universe', count: 2 },
      { name: 'Due South', count: 1 },
      { name: 'Smallville', count: 1 },
    ])
    expect(topTags(index, 'fandom', 3).map((top) => top.name)).toEqual(['Marvel', 'Marvel Cinematic Universe', 'Due South'])
    expect(topTags(index, 'freeform', 1)).toEqual([{ name: 'Angst', count: 3 }])
  })
})
