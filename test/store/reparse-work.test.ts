import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTagName } from '../../src/domain/tag.js'
import type { WorkId } from '../../src/domain/work.js'
import type { WorkDraft } from '../../src/domain/work-draft.js'
import { parseTextQuery } from '../../src/search/text-query.js'
import { toFullTextMatch } from '../../src/search/text-query-match.js'
import { findMatchingWorkIds, indexWorkText } from '../../src/store/full-text.js'
import { lastWorkChangeId } from '../../src/store/work-changes.js'
import { countRows } from '../support/count-rows.js'
import { storyFingerprint } from '../../src/store/story-fingerprint.js'
import { anOrchardImport, ORCHARD_STORY } from '../support/orchard-story.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('reading a stored work again on %s', (dialect) => {
  let store: TestStore
  let workId: WorkId
  let draft: WorkDraft
  beforeEach(async () => {
    store = await openTestStore(dialect)
    const input = anOrchardImport()
    draft = input.rescued.work
    ;({ workId } = await store.works.importRescued(input))
  })
  afterEach(async () => {
    await store.destroy()
  })

  const chapterIds = async () =>
    (
      await store.db
        .selectFrom('chapters')
        .select('id')
        .where('work_id', '=', workId)
        .orderBy('position')
        .execute()
    ).map(({ id }) => id)

  // SQLite's index keeps no text to read back (migration 0014): ask it what it finds.
  const isIndexedWith = async (phrase: string) =>
    (await findMatchingWorkIds(store.db, toFullTextMatch(parseTextQuery(`"${phrase}"`)))).ids.includes(workId)

  // What an older rescue might have stored: a title with its header label, no fandom, and the
  // second chapter cut short, and indexed as cut, as the older import would have indexed it.
  async function storeAnOlderReading() {
    await store.db.updateTable('works').set({ title: 'Title: The Orchard Ledger' }).where('id', '=', workId).execute()
    const fandom = await store.db.selectFrom('tags').select('id').where('name_key', '=', 'harvest moon valley').executeTakeFirstOrThrow()
    await store.db.deleteFrom('work_tags').where('work_id', '=', workId).where('tag_id', '=', fandom.id).execute()
    await store.db
      .updateTable('chapters')
      .set({ sections: JSON.stringify([{ kind: 'paragraph', text: 'Tomas came up the lane.' }]) })
      .where('work_id', '=', workId)
      .where('position', '=', 2)
      .execute()
    await indexWorkText(store.db, workId)
  }

  it('restores what an older reading got wrong, and names each field it changed', async () => {
    await storeAnOlderReading()
    const ids = await chapterIds()
    const changesBefore = await lastWorkChangeId(store.db)
    expect(await isIndexedWith('basket of windfalls')).toBe(false)

    const result = await store.works.reparse(workId, draft)

    expect(result).toEqual({ changed: ['title', 'fandoms', 'chapters'], keptEdited: [] })
    const work = await store.works.find(workId)
    expect(work?.title).toBe('The Orchard Ledger')
    expect(work?.tags.filter((tag) => tag.kind === 'fandom').map((tag) => tag.name)).toEqual([
      'Harvest Moon Valley',
    ])
    expect(work?.tags.map((tag) => tag.kind)).toEqual([
      'rating',
      'archive-warning',
      'fandom',
      'relationship',
      'character',
      'character',
      'character',
    ])
    expect(work?.chapters[1]?.sections).toEqual(draft.chapters[1]?.sections)
    expect(await chapterIds()).toEqual(ids)
    expect(await isIndexedWith('basket of windfalls')).toBe(true)
    expect(await lastWorkChangeId(store.db)).toBe(changesBefore + 1)
  })

  it('leaves a field a person edited as they made it, and reports it kept', async () => {
    await store.works.editFields(workId, {
      title: 'Ledger (revised)',
      fandoms: [makeTagName('Orchard Folk')],
    })
    await store.db.updateTable('works').set({ summary: null, complete: 0 }).where('id', '=', workId).execute()

    const result = await store.works.reparse(workId, draft)

    expect(result).toEqual({ changed: ['summary', 'complete'], keptEdited: ['title', 'fandoms'] })
    const work = await store.works.find(workId)
    expect(work).toMatchObject({
      title: 'Ledger (revised)',
      summary: "Ada keeps the orchard's accounts, and the accounts keep a secret.",
      complete: true,
    })
    expect(work?.tags.filter((tag) => tag.kind === 'fandom').map((tag) => tag.name)).toEqual(['Orchard Folk'])
    expect(await store.works.findEditedFields(workId)).toEqual(['title', 'fandoms'])
  })

  it('writes nothing for a work that reads the same as it is stored', async () => {
    const rows = await countRows(store.db)
    const changes = await lastWorkChangeId(store.db)
    const before = await store.works.find(workId)

    expect(await store.works.reparse(workId, draft)).toEqual({ changed: [], keptEdited: [] })

    expect(await countRows(store.db)).toEqual(rows)
    expect(await lastWorkChangeId(store.db)).toBe(changes)
    expect(await store.works.find(workId)).toEqual(before)
  })

  it('reports on a dry run what it would change, and writes nothing', async () => {
    await storeAnOlderReading()
    const rows = await countRows(store.db)
    const changes = await lastWorkChangeId(store.db)
    const before = await store.works.find(workId)

    const result = await store.works.reparse(workId, draft, { dryRun: true })

    expect(result.changed).toEqual(['title', 'fandoms', 'chapters'])
    expect(await countRows(store.db)).toEqual(rows)
    expect(await isIndexedWith('basket of windfalls')).toBe(false)
    expect(await lastWorkChangeId(store.db)).toBe(changes)
    expect(await store.works.find(workId)).toEqual(before)
  })

  it('adds back a chapter an older reading missed, and drops one it made up', async () => {
    const [firstId] = await chapterIds()
    await store.db.deleteFrom('chapters').where('work_id', '=', workId).where('position', '=', 2).execute()
    await store.db.updateTable('works').set({ chapter_count: 1 }).where('id', '=', workId).execute()
    expect((await store.works.reparse(workId, draft)).changed).toEqual(['chapters'])
    expect((await store.works.find(workId))?.chapterCount).toBe(2)
    expect((await chapterIds())[0]).toBe(firstId)

    const sections = JSON.stringify([{ kind: 'paragraph', text: 'A chapter nobody wrote.' }])
    await store.db.insertInto('chapters').values({ work_id: workId, position: 3, title: null, notes_beginning: null, notes_end: null, sections, word_count: null }).execute()
    await store.db.updateTable('works').set({ chapter_count: 3 }).where('id', '=', workId).execute()
    expect((await store.works.reparse(workId, draft)).changed).toEqual(['chapters'])
    const work = await store.works.find(workId)
    expect(work?.chapters.map((chapter) => chapter.title)).toEqual(['Ledger', 'Orchard'])
    expect(work?.chapterCount).toBe(2)
  })

  it('reads the rating, creators, dates and notices again', async () => {
    await store.db
      .updateTable('works')
      .set({ rating: 'general', rating_original: null, posted_at: '2020-01-01', dates_from_source: 0 })
      .where('id', '=', workId)
      .execute()
    await store.db.deleteFrom('work_creators').where('work_id', '=', workId).execute()
    await store.db.insertInto('content_notices').values({ work_id: workId, topic: 'self-harm', line: 3 }).execute()

    const result = await store.works.reparse(workId, draft)

    expect(result.changed).toEqual(['creators', 'rating', 'ratingOriginal', 'dates', 'contentNotices'])
    const work = await store.works.find(workId)
    expect(work).toMatchObject({
      rating: 'teen',
      ratingOriginal: 'PG-13',
      posted: '2003-09-14',
      datesFromSource: true,
      contentNotices: [],
    })
    expect(work?.creators.map((creator) => creator.name)).toEqual(['Wren Haldane'])
    expect(work?.tags[0]?.name).toBe('Teen And Up Audiences')
    expect(await store.works.reparse(workId, draft)).toEqual({ changed: [], keptEdited: [] })
  })

  const fingerprintOf = async (id: WorkId) =>
    (await store.db.selectFrom('work_fingerprints').select('fingerprint').where('work_id', '=', id).executeTakeFirst())
      ?.fingerprint

  // The orchard story with its second chapter told at length: another text, so another fingerprint.
  const rewritten = (): WorkDraft => ({
    ...draft,
    chapters: draft.chapters.map((chapter, index) =>
      index === 1
        ? { ...chapter, sections: [{ kind: 'paragraph', text: 'Tomas came up the lane at dusk, and the lantern swung, and the windfalls bruised in the basket as he walked.' }] }
        : chapter,
    ),
  })

  it("moves the work's fingerprint with the chapters it rewrites, so a copy of the new text merges into it", async () => {
    const before = await fingerprintOf(workId)
    const reading = rewritten()

    const result = await store.works.reparse(workId, reading)

    expect(result).toEqual({ changed: ['chapters'], keptEdited: [], fingerprint: { kind: 'updated' } })
    expect(await fingerprintOf(workId)).toBe(storyFingerprint(reading.chapters))
    expect(await fingerprintOf(workId)).not.toBe(before)
    // Other bytes, read as the new text: another copy of the story as it reads now.
    const copy = anOrchardImport(`${ORCHARD_STORY}\n`, 'copy.txt')
    const merged = await store.works.importRescued({ ...copy, rescued: { ...copy.rescued, work: reading } })
    expect(merged).toMatchObject({ status: 'merged', workId })
  })

  it('drops the fingerprint when another work has the new text, keeps that work\'s, and still rewrites', async () => {
    const elsewhere = await store.works.importRescued(anOrchardImport(`Title: Windfalls\n\n${'The pears fell all night, and nobody in the valley slept. '.repeat(3)}\n`))
    const taken = await fingerprintOf(elsewhere.workId)
    const reading = { ...draft, chapters: (await store.works.find(elsewhere.workId))?.chapters.map(({ title, sections }) => ({ title, sections })) ?? [] }
    const rows = await countRows(store.db)

    const dry = await store.works.reparse(workId, reading, { dryRun: true })
    expect(dry.fingerprint).toEqual({ kind: 'removed', reason: 'taken', by: elsewhere.workId })
    expect(await countRows(store.db)).toEqual(rows)

    const result = await store.works.reparse(workId, reading)
    expect(result).toMatchObject({ changed: expect.arrayContaining(['chapters']), fingerprint: { kind: 'removed', reason: 'taken', by: elsewhere.workId } })
    expect(await fingerprintOf(workId)).toBeUndefined()
    expect(await fingerprintOf(elsewhere.workId)).toBe(taken)
    expect((await store.works.find(workId))?.chapters.map(({ sections }) => sections)).toEqual(reading.chapters.map(({ sections }) => sections))
  })

  it('drops the fingerprint when the new chapters are too short to tell apart', async () => {
    const reading = { ...draft, chapters: [{ title: null, sections: [{ kind: 'paragraph' as const, text: 'Chapter coming soon!' }] }] }
    const result = await store.works.reparse(workId, reading)
    expect(result.fingerprint).toEqual({ kind: 'removed', reason: 'too-short' })
    expect(await fingerprintOf(workId)).toBeUndefined()
    // Nothing more to drop: the next reading leaves the fingerprint unmentioned.
    await store.db.updateTable('chapters').set({ title: 'Soon' }).where('work_id', '=', workId).execute()
    expect(await store.works.reparse(workId, reading)).toEqual({ changed: ['chapters'], keptEdited: [] })
  })

  it('lists every work made from a stored source', async () => {
    const other = await store.works.importRescued(anOrchardImport(`Title: Windfalls\n\nThe pears fell all night.\n`))
    expect(await store.works.listRescuedIds()).toEqual([workId, other.workId].sort())
  })
})
