import { afterEach, describe, expect, it } from 'vitest'
import { STORE_TABLES } from '../support/count-rows.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('migrations on %s', (dialect) => {
  let store: TestStore | undefined
  afterEach(async () => {
    await store?.destroy()
  })

  it('creates every table of the data model, in name order', async () => {
    store = await openTestStore(dialect, { migrate: false })
    const ran = await store.migrate()
    expect(ran).toEqual([...ran].sort())
    expect(ran[0]).toBe('0001-create-works')
    // Each table answers a query; the catalog is not read, as other tests change it meanwhile.
    for (const table of STORE_TABLES) {
      const rows = store.db.selectFrom(table).selectAll().limit(1).execute()
      await expect(rows).resolves.toBeInstanceOf(Array)
    }
  })

  it('does nothing when run again', async () => {
    store = await openTestStore(dialect)
    expect(await store.migrate()).toEqual([])
    expect(await store.works.count()).toBe(0)
  })

  it('gives ratings, warnings and categories their tags before any work arrives', async () => {
    store = await openTestStore(dialect)
    const names = await store.db
      .selectFrom('tags')
      .select('name')
      .where('kind', 'in', ['rating', 'archive-warning', 'category'])
      .execute()
    expect(names).toHaveLength(17)
    expect(names.map(({ name }) => name)).toContain('Teen And Up Audiences')
  })
})
