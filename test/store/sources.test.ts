import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('sources on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  it('finds a source by its full sha256 or by its first 8 digits, in either case', async () => {
    const { sha256, workId } = await store.works.importRescued(anImport())
    expect((await store.sources.findBySha256(sha256))?.workId).toBe(workId)
    expect((await store.sources.findBySha256(sha256.slice(0, 8)))?.workId).toBe(workId)
    const upper = sha256.slice(0, 8).toUpperCase()
    expect((await store.sources.findBySha256(upper))?.workId).toBe(workId)
  })

  it("lists a work's sources without their bytes, and gives one with its bytes only to its own work", async () => {
    const input = anImport()
    const { workId, sha256 } = await store.works.importRescued(input)
    const other = await store.works.importRescued(anImport({ title: 'Another' }))
    const listed = await store.sources.listByWork(workId)
    expect(listed).toEqual([
      expect.objectContaining({ workId, sha256, fileName: input.fileName, byteLength: input.bytes.byteLength }),
    ])
    expect(listed[0]).not.toHaveProperty('bytes')
    const id = listed[0]?.id
    if (id === undefined) throw new Error('no source listed')
    const whole = await store.sources.findOfWork(workId, id)
    expect(Buffer.compare(whole?.bytes ?? Buffer.alloc(0), Buffer.from(input.bytes))).toBe(0)
    expect(await store.sources.findOfWork(other.workId, id)).toBeUndefined()
    expect(await store.sources.listByWork('not-a-work')).toEqual([])
  })

  it('finds nothing for a sha256 it has never seen', async () => {
    await store.works.importRescued(anImport())
    expect(await store.sources.findBySha256('0'.repeat(64))).toBeUndefined()
  })

  it('refuses a prefix shorter than 8 hex digits, or one that is not hex', async () => {
    await expect(store.sources.findBySha256('abc')).rejects.toThrow(/expected 8 to 64 hexadecimal/u)
    await expect(store.sources.findBySha256('zzzzzzzz')).rejects.toThrow(
      expect.objectContaining({ code: 'QUIRE_SOURCE_NOT_FOUND' }),
    )
  })

  it('asks for more digits when a prefix matches two sources', async () => {
    // Two sha256 values sharing 8 digits are rare, so the second row is written directly.
    const { sha256 } = await store.works.importRescued(anImport())
    const twin = `${sha256.slice(0, 8)}${'0'.repeat(56)}`
    await store.db
      .insertInto('sources')
      .values({
        work_id: null,
        sha256: twin === sha256 ? `${sha256.slice(0, 8)}${'1'.repeat(56)}` : twin,
        bytes: Buffer.from('twin'),
        encoding: 'UTF-8',
        encoding_confidence: 1,
        file_name: 'twin.txt',
        byte_length: 4,
        imported_at: new Date().toISOString(),
        report: '{}',
      })
      .execute()
    await expect(store.sources.findBySha256(sha256.slice(0, 8))).rejects.toThrow(
      expect.objectContaining({ code: 'QUIRE_SOURCE_AMBIGUOUS' }),
    )
  })

  it('makes the work again from kept bytes whose work was deleted', async () => {
    const input = anImport()
    const first = await store.works.importRescued(input)
    await store.db.deleteFrom('works').where('id', '=', first.workId).execute()
    expect(await store.sources.findBySha256(first.sha256)).toMatchObject({ workId: null })
    const again = await store.works.importRescued(input)
    expect(again.status).toBe('imported')
    expect(again.workId).not.toBe(first.workId)
    expect((await store.sources.findBySha256(first.sha256))?.workId).toBe(again.workId)
  })
})
