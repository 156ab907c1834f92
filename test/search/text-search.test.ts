import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QuireError } from '../../src/domain/errors.js'
import type { WorkId } from '../../src/domain/work.js'
import { matchingWorkIds, searchText } from '../../src/search/search-text.js'
import { aChapterDraft, anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

// One archive for the whole file: searches only read it.
const STORIES = {
  dragon: ['The dragon slept on its gold. The dragon dreamed of a dragon.'],
  knight: ['A knight rode past the cave. Somewhere a dragon stirred, far away in the hills.'],
  cafe: ['They met at the café on the corner, every Tuesday, for a naïve kind of coffee.'],
  tokyo: ['東京タワーに行きました。とても高かったです。'],
  chinese: ['我喜欢读小说，特别是关于龙的小说。'],
  korean: ['나는 학교에 간다. 친구들이 기다린다.'],
  chapters: [
    'Chapter one is about the weather and nothing else at all.',
    'In chapter two the lighthouse keeper finally speaks.',
    'Chapter three returns to the weather.',
  ],
  phrases: ['Better late than never, she said; the never-ending story went on.'],
} satisfies Record<string, string[]>

type StoryName = keyof typeof STORIES

describe.each(TEST_DIALECTS)('full-text search on %s', (dialect) => {
  let store: TestStore
  const ids = new Map<StoryName, WorkId>()
  const nameOf = (id: WorkId) => [...ids].find(([, workId]) => workId === id)?.[0]
  const found = async (query: string) =>
    (await searchText(store, query, { limit: 20 })).hits.map((hit) => nameOf(hit.workId)).sort()

  beforeAll(async () => {
    store = await openTestStore(dialect)
    for (const [name, texts] of Object.entries(STORIES)) {
      const chapters = texts.map((text) =>
        aChapterDraft({ sections: [{ kind: 'paragraph', text }] }),
      )
      const result = await store.works.importRescued(anImport({ title: name, chapters }))
      ids.set(name as StoryName, result.workId)
    }
  })
  afterAll(async () => {
    await store.destroy()
  })

  it('finds works with every word asked for, in any order', async () => {
    expect(await found('dragon')).toEqual(['dragon', 'knight'])
    expect(await found('cave dragon')).toEqual(['knight'])
    expect(await found('DRAGON Knight')).toEqual(['knight'])
  })

  it('finds an exact phrase only where its words stand together', async () => {
    expect(await found('"dragon stirred"')).toEqual(['knight'])
    expect(await found('"stirred dragon"')).toEqual([])
    expect(await found('"never ending"')).toEqual(['phrases'])
  })

  it('leaves out works with an excluded word or phrase', async () => {
    expect(await found('dragon -knight')).toEqual(['dragon'])
    expect(await found('dragon -"rode past"')).toEqual(['dragon'])
    expect(await found('dragon NOT gold')).toEqual(['knight'])
  })

  it('finds words by their beginning with a prefix*', async () => {
    expect(await found('drag*')).toEqual(['dragon', 'knight'])
    expect(await found('lighth*')).toEqual(['chapters'])
  })

  it('finds works with either word around OR', async () => {
    expect(await found('gold OR cave')).toEqual(['dragon', 'knight'])
    expect(await found('slept OR rode dragon')).toEqual(['dragon', 'knight'])
  })

  it('looks for all the words in one chapter, where a snippet can show them', async () => {
    expect(await found('lighthouse keeper')).toEqual(['chapters'])
    expect(await found('lighthouse weather')).toEqual([])
  })

  it('folds accents, so cafe finds café and naïve finds naive', async () => {
    expect(await found('cafe')).toEqual(['cafe'])
    expect(await found('café')).toEqual(['cafe'])
    expect(await found('NAIVE')).toEqual(['cafe'])
  })

  it('finds Japanese, Chinese and Korean words in text written without spaces', async () => {
    expect(await found('東京タワー')).toEqual(['tokyo'])
    expect(await found('小说')).toEqual(['chinese'])
    expect(await found('"特别 是"')).toEqual(['chinese'])
    // Korean writes particles onto the word: 학교 is found in 학교에.
    expect(await found('학교')).toEqual(['korean'])
  })

  it('puts the work that says it most, and most briefly, first', async () => {
    const { hits } = await searchText(store, 'dragon', { limit: 10 })
    expect(hits.map((hit) => nameOf(hit.workId))).toEqual(['dragon', 'knight'])
    expect(hits[0]?.relevance).toBeGreaterThan(hits[1]?.relevance ?? Infinity)
  })

  it('shows a snippet from the chapter that matched, with the match marked', async () => {
    const { hits } = await searchText(store, 'lighthouse', { limit: 10 })
    expect(hits).toHaveLength(1)
    expect(hits[0]?.chapterPosition).toBe(2)
    const snippet = hits[0]?.snippet ?? []
    expect(snippet.filter((segment) => segment.match).map((segment) => segment.text)).toEqual([
      'lighthouse',
    ])
    expect(snippet.map((segment) => segment.text).join('')).toContain('keeper finally speaks')
  })

  it('marks what a prefix, an OR, a folded accent and a search with exclusions matched', async () => {
    const marked = async (query: string) => {
      const { hits } = await searchText(store, query, { limit: 10 })
      const segments = hits.flatMap((hit) => hit.snippet).filter((segment) => segment.match)
      return segments.map((segment) => segment.text).sort()
    }
    expect(await marked('slep* OR gold')).toEqual(['gold', 'slept'])
    expect(await marked('cafe NAIVE')).toEqual(['café', 'naïve'])
    expect(await marked('dreamed -knight')).toEqual(['dreamed'])
  })

  it('marks matches in Japanese without the spaces the index put between words', async () => {
    const { hits } = await searchText(store, '行きました', { limit: 10 })
    const text = hits[0]?.snippet.map((segment) => segment.text).join('')
    expect(text).toContain('東京タワーに行きました')
  })

  it('searches within a set of works and counts only those', async () => {
    const dragonOnly = new Set([ids.get('dragon')].filter((id) => id !== undefined))
    const result = await searchText(store, 'dragon', { limit: 10, workIds: dragonOnly })
    expect(result.total).toBe(1)
    expect(result.hits.map((hit) => nameOf(hit.workId))).toEqual(['dragon'])
  })

  it('counts every match and pages through them', async () => {
    const first = await searchText(store, 'the', { limit: 2 })
    const second = await searchText(store, 'the', { limit: 2, offset: 2 })
    expect(first.total).toBe(5)
    expect(second.total).toBe(5)
    expect(first.hits).toHaveLength(2)
    const seen = [...first.hits, ...second.hits].map((hit) => hit.workId)
    expect(new Set(seen).size).toBe(4)
  })

  it('hands out every matching work id for meeting the tag filters', async () => {
    const { ids: matching, truncated } = await matchingWorkIds(store, 'dragon OR café')
    expect(truncated).toBe(false)
    expect(matching.map(nameOf).sort()).toEqual(['cafe', 'dragon', 'knight'])
  })

  it.each([
    ['', 'QUIRE_SEARCH_EMPTY'],
    ['"', 'QUIRE_SEARCH_EMPTY'],
    ['-', 'QUIRE_SEARCH_EMPTY'],
    ['*', 'QUIRE_SEARCH_EMPTY'],
    ['-dragon', 'QUIRE_SEARCH_ONLY_EXCLUDED'],
    ['d*', 'QUIRE_SEARCH_SHORT_PREFIX'],
    ['dragon '.repeat(200), 'QUIRE_SEARCH_TOO_LONG'],
    ['a '.repeat(40), 'QUIRE_SEARCH_TOO_MANY_TERMS'],
  ])('answers %j with a clear error, not a crash', async (query, code) => {
    const search = searchText(store, query, { limit: 10 })
    await expect(search).rejects.toBeInstanceOf(QuireError)
    await expect(search).rejects.toMatchObject({
      code,
      message: expect.stringMatching(/^search: /),
    })
  })

  it.each([
    ['"dragon slept', ['dragon']],
    ['"dragon" AND OR OR', ['dragon', 'knight']],
    ['dragon)) (( NOT', ['dragon', 'knight']],
    ['dragon\u0000\u0007\ud800', ['dragon', 'knight']],
    ["dragon '\\' ''", ['dragon', 'knight']],
    // FTS5's own syntax is only words here: "near" and "text gold" are in no story.
    ['dragon NEAR(gold) text:gold ^gold', []],
  ])('reads malformed syntax %j as best it can', async (query, expected) => {
    expect(await found(query)).toEqual(expected)
  })
})
