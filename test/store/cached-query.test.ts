import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rowValues, runCachedQuery } from '../../src/store/cached-query.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('queries compiled once per shape on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  const creator = (name: string) => ({ name, name_key: name.toLowerCase(), created_at: '2026-01-01' })

  it('runs the SQL of the first build with the parameters of each run', async () => {
    const { db } = store
    for (const name of ['Ada', 'Bea', 'Cy']) {
      const row = creator(name)
      await runCachedQuery(db, `test:creators:${dialect}`, rowValues([row]), () =>
        db.insertInto('creators').values(row),
      )
    }
    const rows = await db.selectFrom('creators').select(['name', 'name_key']).orderBy('name').execute()
    expect(rows).toEqual([
      { name: 'Ada', name_key: 'ada' },
      { name: 'Bea', name_key: 'bea' },
      { name: 'Cy', name_key: 'cy' },
    ])
  })

  it('refuses parameters that are not the ones the query binds, in order', async () => {
    const { db } = store
    const row = creator('Dee')
    const swapped = [row.name_key, row.name, row.created_at]
    await expect(
      runCachedQuery(db, `test:swapped:${dialect}`, swapped, () => db.insertInto('creators').values(row)),
    ).rejects.toThrow(/not the ones its query binds/u)
    expect(await db.selectFrom('creators').select('name').execute()).toEqual([])
  })
})
