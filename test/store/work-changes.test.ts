import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findWorkChangesSince, lastWorkChangeId, recordTagLinksChange } from '../../src/store/work-changes.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('the work change log on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  it('logs each imported work once, in order, and nothing for the same bytes again', async () => {
    expect(await lastWorkChangeId(store.db)).toBe(0)
    const input = anImport()
    const first = await store.works.importRescued(input)
    await store.works.importRescued(input)
    const second = await store.works.importRescued(anImport())
    await recordTagLinksChange(store.db)
    const changes = await findWorkChangesSince(store.db, 0, 10)
    expect(changes.map((change) => (change.kind === 'work' ? change.workId : change.kind))).toEqual([
      first.workId,
      second.workId,
      'tag-links',
    ])
    expect(await findWorkChangesSince(store.db, changes[0]?.id ?? 0, 1)).toHaveLength(1)
    expect(await lastWorkChangeId(store.db)).toBe(changes.at(-1)?.id)
  })
})
