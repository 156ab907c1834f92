import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTagName } from '../../src/domain/tag.js'
import { parseWorkId, type WorkId } from '../../src/domain/work.js'
import { parseTextQuery } from '../../src/search/text-query.js'
import { toFullTextMatch } from '../../src/search/text-query-match.js'
import { rankWorksByText } from '../../src/store/full-text.js'
import { lastWorkChangeId } from '../../src/store/work-changes.js'
import { aChapterDraft, anImport } from '../support/a-work.js'
import { countRows } from '../support/count-rows.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('a person editing a work on %s', (dialect) => {
  let store: TestStore
  let workId: WorkId
  beforeEach(async () => {
    store = await openTestStore(dialect)
    ;({ workId } = await store.works.importRescued(anImport()))
  })
  afterEach(async () => {
    await store.destroy()
  })

  it('starts with no edited fields on an imported work', async () => {
    expect(await store.works.findEditedFields(workId)).toEqual([])
  })

  it('changes the fields the edit names and records them as edited', async () => {
    const record = await store.works.editFields(workId, {
      title: 'Standing Still',
      summary: null,
      rating: 'general',
      fandoms: [makeTagName('Smallville'), makeTagName('Lois & Clark')],
    })
    expect(record).toEqual(['title', 'rating', 'fandoms', 'summary'])
    expect(await store.works.findEditedFields(workId)).toEqual(record)

    const work = await store.works.find(workId)
    expect(work).toMatchObject({ title: 'Standing Still', summary: null, rating: 'general' })
    // Kinds the edit leaves out keep their tags, in AO3's kind order.
    expect(work?.tags.map((tag) => [tag.kind, tag.name])).toEqual([
      ['rating', 'General Audiences'],
      ['archive-warning', 'Creator Chose Not To Use Archive Warnings'],
      ['category', 'Gen'],
      ['fandom', 'Smallville'],
      ['fandom', 'Lois & Clark'],
      ['relationship', 'Chloe & Lex'],
      ['character', 'Chloe'],
      ['character', 'Lex'],
      ['freeform', 'Songfic'],
    ])
    expect(work?.notes).toEqual({ beginning: 'Thanks to my beta.', end: null })
  })

  it('adds each later edit to the record once', async () => {
    await store.works.editFields(workId, { summary: 'Two friends, one field.' })
    await store.works.editFields(workId, { title: 'Field Notes', summary: 'Later.' })
    expect(await store.works.findEditedFields(workId)).toEqual(['title', 'summary'])
  })

  it('notes the edit in the change log, so the tag index refreshes', async () => {
    const before = await lastWorkChangeId(store.db)
    await store.works.editFields(workId, { freeforms: [makeTagName('Fluff')] })
    expect(await lastWorkChangeId(store.db)).toBe(before + 1)
  })

  it('replaces the chapters and their indexed text, keeping the first chapter id', async () => {
    const ids = async () =>
      (await store.db.selectFrom('chapters').select('id').where('work_id', '=', workId).orderBy('position').execute()).map(
        ({ id }) => id,
      )
    const [firstId] = await ids()
    await store.works.editFields(workId, {
      chapters: [
        aChapterDraft({ title: 'Morning', sections: [{ kind: 'paragraph', text: 'Sunrise over the silos.' }] }),
        aChapterDraft({ title: 'Evening', sections: [{ kind: 'paragraph', text: 'Moonrise over the barn.' }] }),
      ],
    })
    const work = await store.works.find(workId)
    expect(work?.chapterCount).toBe(2)
    expect(work?.chapters.map((chapter) => [chapter.title, chapter.wordCount])).toEqual([
      ['Morning', null],
      ['Evening', null],
    ])
    expect((await ids())[0]).toBe(firstId)
    // SQLite's index keeps no text to read back (migration 0014): ask it where it finds each.
    const foundIn = async (query: string) =>
      (await rankWorksByText(store.db, toFullTextMatch(parseTextQuery(query)), 10)).works.map(
        (found) => [found.workId, found.position],
      )
    expect(await foundIn('sunrise silos')).toEqual([[workId, 1]])
    expect(await foundIn('moonrise barn')).toEqual([[workId, 2]])
    expect(await foundIn('"Chloe looked out"')).toEqual([])
  })

  it('refuses an empty title and writes nothing', async () => {
    const before = await countRows(store.db)
    await expect(store.works.editFields(workId, { title: '  ' })).rejects.toMatchObject({
      code: 'QUIRE_WORK_BAD_EDIT',
    })
    expect(await countRows(store.db)).toEqual(before)
    expect(await store.works.findEditedFields(workId)).toEqual([])
  })

  it('says there is no such work', async () => {
    const missing = parseWorkId('01ARZ3NDEKTSV4RRFFQ69G5FAV')
    if (missing === undefined) throw new Error('not a work id')
    await expect(store.works.editFields(missing, { title: 'Nobody' })).rejects.toMatchObject({
      code: 'QUIRE_WORK_NOT_FOUND',
    })
  })
})
