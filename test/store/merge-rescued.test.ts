import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RescueReport } from '../../src/domain/rescue-report.js'
import { makeTagName } from '../../src/domain/tag.js'
import { createWorkFingerprints } from '../../src/store/migrations/0012-create-work-fingerprints.js'
import { aChapterDraft, anImport, type ImportOverrides } from '../support/a-work.js'
import { countRows } from '../support/count-rows.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

// An invented story, long enough to be fingerprinted.
const STORY = [
  aChapterDraft({
    sections: [
      { kind: 'paragraph', text: 'The ferry left at dawn, and Ines was the only passenger who did not look back.' },
      { kind: 'break', text: '* * *' },
      { kind: 'paragraph', text: "By noon the island was a grey thumbprint, and she had stopped pretending she wasn't afraid." },
    ],
  }),
]
// The same words as another format gives them: other quotes, one paragraph, a note of its own.
const SAME_STORY = [
  aChapterDraft({
    sections: [
      { kind: 'note', text: 'Reposted from my old journal.' },
      {
        kind: 'paragraph',
        text: 'The ferry left at dawn -- and Ines was the only passenger who did not look back. By noon the island was a grey thumbprint, and she had stopped pretending she wasn’t afraid.',
      },
    ],
  }),
]

function reportWith(confidences: Record<string, number>): RescueReport {
  const fields = Object.fromEntries(
    Object.entries(confidences).map(([name, confidence]) => [name, { line: 1, rule: 'test', confidence }]),
  )
  return { format: 'plain-text', fields, unrecognised: [], issues: [] }
}

function aCopy(text: string, overrides: ImportOverrides = {}) {
  return anImport({ chapters: STORY, bytes: new TextEncoder().encode(text), ...overrides })
}

// A copy from which rescue read more fields than from `aCopy`'s defaults: it wins a merge.
function aFullerCopy(text: string) {
  return aCopy(text, {
    chapters: SAME_STORY,
    title: 'The Ferry',
    creators: ['Ines Marlow'],
    fandoms: [makeTagName('Original Work')],
    report: reportWith({ title: 1, creators: 1, fandoms: 1 }),
  })
}

describe.each(TEST_DIALECTS)('merging copies of one story on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  it('keeps a second copy as another source of the work, both sets of bytes byte for byte', async () => {
    const first = aCopy('Title: The Ferry\n\nThe ferry left at dawn.\n', { report: reportWith({ title: 1, creators: 1 }) })
    const second = aCopy('<p>The ferry left at dawn\u2026</p>\xff', {
      chapters: SAME_STORY,
      title: 'The Ferry (repost)',
      report: reportWith({ title: 0.6 }),
    })
    const imported = await store.works.importRescued(first)
    const merged = await store.works.importRescued(second)
    expect(merged).toMatchObject({
      status: 'merged',
      workId: imported.workId,
      merged: { into: imported.workId, kept: 'existing', reason: 'the existing work gave more fields (2, not 1)' },
    })
    expect(await store.works.count()).toBe(1)
    expect((await store.works.find(imported.workId))?.title).toBe('Stepping Back')
    const sources = await store.sources.listByWork(imported.workId)
    expect(sources.map((source) => source.sha256)).toEqual([imported.sha256, merged.sha256])
    for (const [source, input] of [[sources[0], first], [sources[1], second]] as const) {
      const stored = source === undefined ? undefined : await store.sources.findOfWork(imported.workId, source.id)
      expect(stored?.bytes.equals(Buffer.from(input.bytes))).toBe(true)
    }
  })

  it('shows the new copy when rescue read more fields from it, keeping the work id', async () => {
    const { workId } = await store.works.importRescued(aCopy('first copy', { report: reportWith({ title: 0.6 }) }))
    const result = await store.works.importRescued(aFullerCopy('second copy'))
    expect(result).toMatchObject({ status: 'merged', workId, merged: { kept: 'new' } })
    const work = await store.works.find(workId)
    expect(work?.title).toBe('The Ferry')
    expect(work?.creators.map((creator) => creator.name)).toEqual(['Ines Marlow'])
    expect(work?.tags.filter((tag) => tag.kind === 'fandom').map((tag) => tag.name)).toEqual(['Original Work'])
    expect(work?.chapters[0]?.sections).toEqual(SAME_STORY[0]?.sections)
    expect(await store.works.count()).toBe(1)
    // A third copy is weighed against the copy the work shows now.
    const third = await store.works.importRescued(aCopy('third copy', { report: reportWith({ title: 1, creators: 1 }) }))
    expect(third).toMatchObject({ status: 'merged', merged: { kept: 'existing' } })
  })

  it('leaves every field a person edited when the new copy wins, and says which it kept', async () => {
    const { workId } = await store.works.importRescued(aCopy('first copy', { report: reportWith({ title: 0.6 }) }))
    await store.works.editFields(workId, { title: 'Ferry at Dawn', fandoms: [makeTagName('Island Stories')], summary: 'Chloe and Lex, after.' })
    const result = await store.works.importRescued(aFullerCopy('second copy'))
    // The summary was edited too, but to what the new copy says: nothing was kept against it.
    expect(result).toMatchObject({
      status: 'merged',
      merged: {
        kept: 'new',
        keptEdited: ['title', 'fandoms'],
        reason: 'the new copy gave more fields (3, not 1); kept as a person edited them: title, fandoms',
      },
    })
    const work = await store.works.find(workId)
    expect(work?.title).toBe('Ferry at Dawn')
    expect(work?.tags.filter((tag) => tag.kind === 'fandom').map((tag) => tag.name)).toEqual(['Island Stories'])
    expect(work?.creators.map((creator) => creator.name)).toEqual(['Ines Marlow'])
    expect(work?.chapters[0]?.sections).toEqual(SAME_STORY[0]?.sections)
    expect(await store.works.findEditedFields(workId)).toEqual(['title', 'fandoms', 'summary'])
  })

  it('keeps the chapters a person edited when the new copy wins', async () => {
    const { workId } = await store.works.importRescued(aCopy('first copy', { report: reportWith({ title: 0.6 }) }))
    const edited = [aChapterDraft({ title: 'Dawn', sections: STORY[0]?.sections ?? [] })]
    await store.works.editFields(workId, { chapters: edited })
    const result = await store.works.importRescued(
      aCopy('second copy', { chapters: SAME_STORY, report: reportWith({ title: 1, creators: 1 }) }),
    )
    expect(result).toMatchObject({ merged: { kept: 'new', keptEdited: ['chapters'] } })
    expect((await store.works.find(workId))?.chapters.map((chapter) => chapter.title)).toEqual(['Dawn'])
  })

  it('reads again the source whose copy the work shows: the later one once it won', async () => {
    const first = await store.works.importRescued(aCopy('first copy', { report: reportWith({ title: 0.6 }) }))
    expect((await store.sources.findShown(first.workId))?.sha256).toBe(first.sha256)
    const winner = await store.works.importRescued(
      aCopy('second copy', { chapters: SAME_STORY, report: reportWith({ title: 1, creators: 1 }) }),
    )
    const loser = await store.works.importRescued(aCopy('third copy', { report: reportWith({ title: 1 }) }))
    expect(loser).toMatchObject({ status: 'merged', merged: { kept: 'existing' } })
    const shown = await store.sources.findShown(first.workId)
    expect(shown?.sha256).toBe(winner.sha256)
    expect(shown?.bytes.toString('utf8')).toBe('second copy')
    expect(await store.sources.findShown('not-a-work')).toBeUndefined()
  })

  it('says unchanged, not merged, for the same bytes again', async () => {
    const input = aCopy('one copy')
    const first = await store.works.importRescued(input)
    const before = await countRows(store.db)
    expect(await store.works.importRescued({ ...input, fileName: 'again.txt' })).toEqual({
      status: 'unchanged',
      workId: first.workId,
      sha256: first.sha256,
    })
    expect(await countRows(store.db)).toEqual(before)
  })

  it('leaves no trace of a merge that fails half-way', async () => {
    const { workId } = await store.works.importRescued(aCopy('first copy', { report: reportWith({ title: 0.5 }) }))
    const before = await countRows(store.db)
    // The new copy wins, so the work is written again; its broken notice fails the last insert.
    const failing = aCopy('second copy', {
      title: 'Half Written',
      contentNotices: [{ topic: 'self-harm', line: -1 }],
      report: reportWith({ title: 1, creators: 1 }),
    })
    await expect(store.works.importRescued(failing)).rejects.toThrow()
    expect(await countRows(store.db)).toEqual(before)
    expect((await store.works.find(workId))?.title).toBe('Stepping Back')
  })

  it('merges the later copy of a batch into the work the earlier one made', async () => {
    const outcomes = await store.works.importBatch([aCopy('copy a'), aCopy('copy b', { chapters: SAME_STORY })])
    const [first, second] = outcomes.map((outcome) => (outcome.kind === 'stored' ? outcome.result : undefined))
    expect(first?.status).toBe('imported')
    expect(second).toMatchObject({ status: 'merged', workId: first?.workId })
    expect(await store.works.count()).toBe(1)
  })

  it('makes one work when two copies are imported at once', async () => {
    const results = await Promise.all([
      store.works.importRescued(aCopy('copy a')),
      store.works.importRescued(aCopy('copy b', { chapters: SAME_STORY })),
    ])
    expect(results.map((result) => result.status).sort()).toEqual(['imported', 'merged'])
    expect(await store.works.count()).toBe(1)
  })

  it('fingerprints the works stored before the migration, the older one of two copies first', async () => {
    const older = await store.works.importRescued(aCopy('copy a'))
    await store.works.importRescued(aCopy('a short one', { chapters: [aChapterDraft()] }))
    await store.db.schema.dropTable('work_fingerprints').execute()
    await createWorkFingerprints.up(store.db, store.dialect)
    const rows = await store.db.selectFrom('work_fingerprints').select('work_id').execute()
    expect(rows).toEqual([{ work_id: older.workId }])
    const copy = await store.works.importRescued(aCopy('copy b', { chapters: SAME_STORY }))
    expect(copy).toMatchObject({ status: 'merged', workId: older.workId })
  })
})
