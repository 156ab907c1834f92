import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BatchOutcome } from '../../src/store/store.js'
import { anImport } from '../support/a-work.js'
import { countRows } from '../support/count-rows.js'
import {
  openTestStore,
  TEST_DIALECTS,
  type TestDialect,
  type TestStore,
} from '../support/test-store.js'

describe.each(TEST_DIALECTS)('importing a batch of rescued works on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  it('stores every work of the batch, and answers in the order given', async () => {
    const titles = ['One', 'Two', 'Three', 'Four']
    const outcomes = await store.works.importBatch(titles.map((title) => anImport({ title })))
    const stored = outcomes.map(storedResult)
    expect(stored.map((result) => result.status)).toEqual(titles.map(() => 'imported'))
    const found = await Promise.all(stored.map((result) => store.works.find(result.workId)))
    expect(found.map((work) => work?.title)).toEqual(titles)
    expect(await store.works.count()).toBe(4)
  })

  it('fails a bad work mid-batch, leaves no trace of it, and lands its neighbours', async () => {
    await store.works.importRescued(anImport())
    const before = await countRows(store.db)
    const bad = anImport({ title: 'Bad', contentNotices: [{ topic: 'self-harm', line: -1 }] })
    const outcomes = await store.works.importBatch([
      anImport({ title: 'Before' }),
      bad,
      anImport({ title: 'After' }),
    ])
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['stored', 'failed', 'stored'])
    const after = await countRows(store.db)
    expect(after['works']).toBe((before['works'] ?? 0) + 2)
    expect(after['sources']).toBe((before['sources'] ?? 0) + 2)
    const titles = await store.db.selectFrom('works').select('title').orderBy('title').execute()
    expect(titles.map((row) => row.title)).toEqual(['After', 'Before', 'Stepping Back'])
  })

  it('stores the same bytes twice in one batch as one work: imported, then unchanged', async () => {
    const input = anImport()
    const outcomes = await store.works.importBatch([input, { ...input, fileName: 'copy.txt' }])
    const [first, second] = outcomes.map(storedResult)
    expect(first?.status).toBe('imported')
    expect(second).toEqual({ status: 'unchanged', workId: first?.workId, sha256: first?.sha256 })
    expect(await store.works.count()).toBe(1)
  })

  it('answers unchanged for bytes stored before; remakes the bytes of a deleted work', async () => {
    const kept = anImport()
    const deleted = await store.works.importRescued(kept)
    await store.db.deleteFrom('works').where('id', '=', deleted.workId).execute()
    const storedInput = anImport({ title: 'Stored' })
    const stored = await store.works.importRescued(storedInput)
    const copy = { ...storedInput, fileName: 'again.txt' }
    const outcomes = await store.works.importBatch([kept, copy])
    const [remade, unchanged] = outcomes.map(storedResult)
    expect(remade?.status).toBe('imported')
    expect((await store.sources.findBySha256(deleted.sha256))?.workId).toBe(remade?.workId)
    expect(unchanged).toEqual({ ...stored, status: 'unchanged' })
  })

  it('stores nothing and throws when the batch fails to commit', async () => {
    await failCommitsOfTitle(store, dialect, 'Fails At Commit')
    const before = await countRows(store.db)
    const inputs = [anImport({ title: 'A' }), anImport({ title: 'Fails At Commit' }), anImport()]
    await expect(store.works.importBatch(inputs)).rejects.toThrow()
    expect(await countRows(store.db)).toEqual(before)
    // Nothing of it was stored, so a second run stores it; the store is still usable.
    const retried = await store.works.importBatch([inputs[0], inputs[2]].flatMap((i) => i ?? []))
    expect(retried.map((outcome) => storedResult(outcome).status)).toEqual(['imported', 'imported'])
  })
})

function storedResult(outcome: BatchOutcome | undefined) {
  if (outcome?.kind !== 'stored') throw new Error(`expected stored, got ${String(outcome?.kind)}`)
  return outcome.result
}

// A deferred foreign key that a work with this title breaks: checked only at COMMIT, so every
// statement of the batch succeeds and the commit fails.
async function failCommitsOfTitle(store: TestStore, dialect: TestDialect, title: string) {
  await sql`create table commit_guard
    (work_id text references works (id) deferrable initially deferred)`.execute(store.db)
  if (dialect === 'sqlite') {
    await sql`create trigger fail_at_commit after insert on works
      when new.title = ${sql.lit(title)}
      begin insert into commit_guard values ('no-such-work'); end`.execute(store.db)
    return
  }
  await sql`create function fail_at_commit() returns trigger language plpgsql as $$
    begin insert into commit_guard values ('no-such-work'); return new; end $$`.execute(store.db)
  await sql`create trigger fail_at_commit after insert on works for each row
    when (new.title = ${sql.lit(title)}) execute function fail_at_commit()`.execute(store.db)
}
