import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTagName } from '../../src/domain/tag.js'
import { aChapterDraft, anImport } from '../support/a-work.js'
import { countRows } from '../support/count-rows.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

// "Chloe’s “PoV”" in windows-1252, a NUL and a 0xFF: bytes that are not UTF-8 and must survive.
const WINDOWS_1252_BYTES = Uint8Array.from([
  0x43, 0x68, 0x6c, 0x6f, 0x65, 0x92, 0x73, 0x20, 0x93, 0x50, 0x6f, 0x56, 0x94, 0x0d, 0x0a, 0x00,
  0xff,
])

describe.each(TEST_DIALECTS)('importing a rescued work on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  it('stores the work whole: chapters in order, creators, tags in kind order, notices', async () => {
    const input = anImport({
      title: 'Stepping Back',
      creators: ['Jen', 'Mags'],
      contentNotices: [{ topic: 'suicide', line: 12 }],
      chapters: [
        aChapterDraft({ title: 'One', sections: [{ kind: 'verse', text: 'la\nla' }] }),
        aChapterDraft({ title: 'Two', sections: [{ kind: 'break', text: '* * *' }] }),
        aChapterDraft({ title: null }),
      ],
    })
    const result = await store.works.importRescued(input)
    expect(result.status).toBe('imported')

    const work = await store.works.find(result.workId)
    expect(work).toMatchObject({
      id: result.workId,
      title: 'Stepping Back',
      rating: 'teen',
      ratingOriginal: 'PG-13',
      complete: true,
      chapterCount: 3,
      posted: '2004-05-01',
      updated: '2004-05-01',
      datesFromSource: true,
      notes: { beginning: 'Thanks to my beta.', end: null },
      stats: { kudos: 0, hits: 0, comments: 0, bookmarks: 0 },
      restricted: false,
      contentNotices: [{ topic: 'suicide', line: 12 }],
    })
    expect(work?.creators.map((creator) => creator.name)).toEqual(['Jen', 'Mags'])
    expect(work?.chapters.map((chapter) => [chapter.position, chapter.title])).toEqual([
      [1, 'One'],
      [2, 'Two'],
      [3, null],
    ])
    expect(work?.chapters[0]?.sections).toEqual([{ kind: 'verse', text: 'la\nla' }])
    expect(work?.tags.map((tag) => [tag.kind, tag.name, tag.platonic])).toEqual([
      ['rating', 'Teen And Up Audiences', false],
      ['archive-warning', 'Creator Chose Not To Use Archive Warnings', false],
      ['category', 'Gen', false],
      ['fandom', 'Smallville', false],
      ['relationship', 'Chloe & Lex', true],
      ['character', 'Chloe', false],
      ['character', 'Lex', false],
      ['freeform', 'Songfic', false],
    ])
  })

  it('keeps the original bytes byte for byte, even when they are not UTF-8', async () => {
    const input = anImport({
      bytes: WINDOWS_1252_BYTES,
      fileName: 'fic-0412.txt',
      source: { encoding: 'windows-1252', encodingConfidence: 0.83 },
    })
    const { workId, sha256 } = await store.works.importRescued(input)
    expect(sha256).toBe(createHash('sha256').update(WINDOWS_1252_BYTES).digest('hex'))

    const [listed, ...others] = await store.sources.listByWork(workId)
    expect(others).toEqual([])
    const source = listed === undefined ? undefined : await store.sources.findOfWork(workId, listed.id)
    expect(Buffer.isBuffer(source?.bytes)).toBe(true)
    expect(source?.bytes.equals(Buffer.from(WINDOWS_1252_BYTES))).toBe(true)
    expect(source).toMatchObject({
      workId,
      sha256,
      encoding: 'windows-1252',
      encodingConfidence: 0.83,
      fileName: 'fic-0412.txt',
      byteLength: WINDOWS_1252_BYTES.length,
    })
    expect(JSON.parse(source?.reportJson ?? 'null')).toEqual(input.rescued.report)
  })

  it('says "unchanged" for the same bytes again, and writes nothing', async () => {
    const input = anImport()
    const first = await store.works.importRescued(input)
    const before = await countRows(store.db)
    const again = await store.works.importRescued({ ...input, fileName: 'renamed.txt' })
    expect(again).toEqual({ status: 'unchanged', workId: first.workId, sha256: first.sha256 })
    expect(await countRows(store.db)).toEqual(before)
  })

  it('makes one work when the same bytes are imported twice at once', async () => {
    const input = anImport()
    const results = await Promise.all([
      store.works.importRescued(input),
      store.works.importRescued(input),
    ])
    expect(results.map((result) => result.status).sort()).toEqual(['imported', 'unchanged'])
    expect(results[0]?.workId).toBe(results[1]?.workId)
    expect(await store.works.count()).toBe(1)
  })

  it('leaves no trace when it fails after the work, chapters and tags were written', async () => {
    await store.works.importRescued(anImport())
    const before = await countRows(store.db)
    // Content notices go in last; a negative line breaks their CHECK constraint.
    const failing = anImport({
      fandoms: [makeTagName('A Fandom Nobody Has Used')],
      creators: ['A Creator Nobody Knows'],
      contentNotices: [{ topic: 'self-harm', line: -1 }],
    })
    await expect(store.works.importRescued(failing)).rejects.toThrow()
    expect(await countRows(store.db)).toEqual(before)
    const sha256 = createHash('sha256').update(failing.bytes).digest('hex')
    expect(await store.sources.findBySha256(sha256)).toBeUndefined()
  })

  it('refuses a title longer than AO3 allows, and stores nothing', async () => {
    const before = await countRows(store.db)
    const tooLong = anImport({ title: 'x'.repeat(256) })
    await expect(store.works.importRescued(tooLong)).rejects.toThrow()
    expect(await countRows(store.db)).toEqual(before)
  })

  it('refuses a work without chapters, and stores nothing', async () => {
    const before = await countRows(store.db)
    await expect(store.works.importRescued(anImport({ chapters: [] }))).rejects.toThrow()
    expect(await countRows(store.db)).toEqual(before)
  })

  it('lists a tag or a creator once when the draft names it twice in different case', async () => {
    const { workId } = await store.works.importRescued(
      anImport({
        characters: [makeTagName('Chloe'), makeTagName('chloe')],
        creators: ['Jen', 'jen'],
      }),
    )
    const work = await store.works.find(workId)
    expect(work?.tags.filter((tag) => tag.kind === 'character').map((tag) => tag.name)).toEqual([
      'Chloe',
    ])
    expect(work?.creators.map((creator) => creator.name)).toEqual(['Jen'])
  })

  it('dates a work by its import when the source names no date, and says so', async () => {
    const { workId } = await store.works.importRescued(anImport({ posted: null, updated: null }))
    const work = await store.works.find(workId)
    const today = new Date().toISOString().slice(0, 10)
    expect(work).toMatchObject({ posted: today, updated: today, datesFromSource: false })
  })

  it('finds no work for an id that is not a work id', async () => {
    expect(await store.works.find('not-a-ulid')).toBeUndefined()
    expect(await store.sources.listByWork('not-a-ulid')).toEqual([])
  })
})
