import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  findMatchingWorkIds,
  findSnippets,
  rankWorksByText,
  rebuildFullTextIndex,
  removeWorkText,
} from '../../src/store/full-text.js'
import { SNIPPET_WORDS } from '../../src/store/full-text-engine.js'
import { aChapterDraft, anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

// What search/ would make of `lighthouse`: the store takes both engines' forms.
const LIGHTHOUSE = { fts5: '"lighthouse"', tsquery: "'lighthouse'" }

describe.each(TEST_DIALECTS)('the full-text index on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  const countIndexed = async () => {
    const { rows } = await sql<{ count: number | string }>`
      select count(*) as count from chapter_texts`.execute(store.db)
    return Number(rows[0]?.count)
  }

  async function importLighthouse() {
    return store.works.importRescued(
      anImport({
        chapters: [
          aChapterDraft({ sections: [{ kind: 'paragraph', text: 'The fog came in.' }] }),
          aChapterDraft({
            sections: [
              { kind: 'heading', text: 'Her PoV' },
              { kind: 'paragraph', text: 'The lighthouse keeper lit the lamp.' },
              { kind: 'verse', text: 'Shine on\nshine on' },
              { kind: 'note', text: 'A/N: the lighthouse is real!' },
              { kind: 'break', text: '* * *' },
            ],
          }),
        ],
      }),
    )
  }

  it('indexes the text of every chapter when a work is imported', async () => {
    const { workId } = await importLighthouse()
    expect(await countIndexed()).toBe(2)
    const { works, total } = await rankWorksByText(store.db, LIGHTHOUSE, 10)
    expect(total).toBe(1)
    expect(works).toMatchObject([{ workId, position: 2 }])
    const shine = await findMatchingWorkIds(store.db, { fts5: '"shine"', tsquery: "'shine'" })
    expect(shine).toEqual({ ids: [workId], truncated: false })
  })

  it('leaves the author\'s notes and scene breaks out of the story text', async () => {
    await importLighthouse()
    const real = await rankWorksByText(store.db, { fts5: '"real"', tsquery: "'real'" }, 10)
    expect(real.total).toBe(0)
  })

  it('marks the match in a snippet of plain-text segments, nothing in it HTML', async () => {
    await store.works.importRescued(
      anImport({
        chapters: [
          aChapterDraft({
            sections: [{ kind: 'paragraph', text: '<b>Bold</b> & the lighthouse <script>' }],
          }),
        ],
      }),
    )
    const { works } = await rankWorksByText(store.db, LIGHTHOUSE, 1)
    const chapterId = works[0]?.chapterId ?? 0
    const snippets = await findSnippets(store.db, LIGHTHOUSE, [chapterId])
    const segments = snippets.get(chapterId) ?? []
    expect(segments.filter((segment) => segment.match)).toEqual([
      { text: 'lighthouse', match: true },
    ])
    // Characters as the story has them, for the view to escape (PostgreSQL's ts_headline
    // drops what looks like an HTML tag; FTS5 keeps it).
    expect(segments.map((segment) => segment.text).join('')).toContain('& the lighthouse')
  })

  it('shows a phrase from the middle of a long chapter with the words around it, marked', async () => {
    // 3,000 numbered words, about 20 KB, the phrase after the 1,500th: none of the chapter's
    // start or end may show, only its neighbours.
    const words = Array.from({ length: 3_000 }, (_, at) => `word${String(at)}`)
    const text = [...words.slice(0, 1_500), 'the lamp burned blue', ...words.slice(1_500)].join(' ')
    await store.works.importRescued(
      anImport({ chapters: [aChapterDraft({ sections: [{ kind: 'paragraph', text }] })] }),
    )
    const lamp = { fts5: '"lamp burned blue"', tsquery: "('lamp' <-> 'burned' <-> 'blue')" }
    const { works } = await rankWorksByText(store.db, lamp, 1)
    const chapterId = works[0]?.chapterId ?? 0
    const segments = (await findSnippets(store.db, lamp, [chapterId])).get(chapterId) ?? []
    const shown = segments.map((segment) => segment.text).join('')
    const marked = segments.filter((segment) => segment.match).map((segment) => segment.text)
    expect(shown).toContain('word1499 the lamp burned blue word1500')
    expect(shown).not.toMatch(/\bword(0|2999)\b/u)
    expect(marked.join(' ').toLowerCase()).toBe('lamp burned blue')
    expect(shown.match(/[a-z0-9]+/gu)?.length).toBeLessThanOrEqual(SNIPPET_WORDS)
    if (dialect !== 'sqlite') return
    // FTS5's snippet(): SNIPPET_WORDS words centred on the phrase, marked as one, '…' either side.
    const around = (from: number, to: number) => words.slice(from, to).join(' ')
    expect(segments).toEqual([
      { text: `…${around(1_487, 1_500)} the `, match: false },
      { text: 'lamp burned blue', match: true },
      { text: ` ${around(1_500, 1_515)}…`, match: false },
    ])
  })

  it('builds the whole index again from the chapters with rebuildFullTextIndex', async () => {
    const { workId } = await importLighthouse()
    await sql`delete from chapter_texts`.execute(store.db)
    expect((await rankWorksByText(store.db, LIGHTHOUSE, 10)).total).toBe(0)

    expect(await rebuildFullTextIndex(store.db)).toBe(2)
    expect(await countIndexed()).toBe(2)
    expect((await rankWorksByText(store.db, LIGHTHOUSE, 10)).works).toMatchObject([{ workId }])
    // Again: a rebuild replaces, it never doubles.
    expect(await rebuildFullTextIndex(store.db)).toBe(2)
    expect(await countIndexed()).toBe(2)
  })

  it('ranks any first few works as it ranks them all, ties by work id, and counts every work', async () => {
    // Three chapters a work, all matching, and works alike in threes: a short ranking must look
    // past other chapters of the works it has, and see a tie at its edge whole.
    for (let n = 0; n < 14; n += 1) {
      // Its number keeps it another story, not a copy that an import would merge into one work.
      const text = `The lighthouse ${'lamp '.repeat(n % 5)}stood (${String(n)}).`
      const chapters = [1, 2, 3].map(() => aChapterDraft({ sections: [{ kind: 'paragraph', text }] }))
      await store.works.importRescued(anImport({ title: `Work ${String(n)}`, chapters }))
    }
    const all = await rankWorksByText(store.db, LIGHTHOUSE, 100)
    expect(all.total).toBe(14)
    expect(all.works).toHaveLength(14)
    for (let at = 1; at < 14; at += 1) {
      const relevance = (index: number) => all.works[index]?.relevance ?? 0
      // Each tie in order of work id; the rest by relevance.
      if (relevance(at - 1) === relevance(at)) {
        expect((all.works[at - 1]?.workId ?? '') < (all.works[at]?.workId ?? '')).toBe(true)
      } else expect(relevance(at - 1)).toBeGreaterThan(relevance(at))
    }
    for (const limit of [1, 2, 3, 4, 7, 13]) {
      const some = await rankWorksByText(store.db, LIGHTHOUSE, limit)
      expect(some.total).toBe(14)
      expect(some.works.map((work) => work.workId)).toEqual(all.works.slice(0, limit).map((work) => work.workId))
    }
  })

  it('takes a work out of the index', async () => {
    const { workId } = await importLighthouse()
    await removeWorkText(store.db, workId)
    expect(await countIndexed()).toBe(0)
  })

  it('writes nothing to the index when the same bytes are imported again', async () => {
    const input = anImport()
    await store.works.importRescued(input)
    await store.works.importRescued(input)
    expect(await countIndexed()).toBe(1)
  })
})
