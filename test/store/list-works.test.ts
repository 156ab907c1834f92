import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { QuireError } from '../../src/domain/errors.js'
import { makeTagName } from '../../src/domain/tag.js'
import { listingCursor } from '../../src/store/list-works.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('listing works on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  it('lists the most recently updated first, newest id first on the same day', async () => {
    for (const [title, updated] of [
      ['Old', '2001-01-01'],
      ['New', '2006-06-06'],
      ['Middle A', '2004-04-04'],
      ['Middle B', '2004-04-04'],
    ] as const) {
      await store.works.importRescued(anImport({ title, posted: null, updated }))
    }
    const titles = (await store.works.list({ limit: 10 })).map((work) => work.title)
    expect(titles).toEqual(['New', 'Middle B', 'Middle A', 'Old'])
  })

  it('pages by keyset: every work once, in order, whatever the page size', async () => {
    for (let index = 0; index < 7; index += 1) {
      const updated = `200${String(index % 3)}-01-01`
      await store.works.importRescued(anImport({ title: `Work ${String(index)}`, updated }))
    }
    const all = await store.works.list({ limit: 100 })
    const paged = []
    let after: string | undefined
    for (;;) {
      const page = await store.works.list({ limit: 3, after })
      paged.push(...page)
      const last = page.at(-1)
      if (last === undefined) break
      after = listingCursor(last)
    }
    expect(paged.map((work) => work.id)).toEqual(all.map((work) => work.id))
    expect(all).toHaveLength(7)
  })

  it('shows creators and fandoms in the order the work gives them', async () => {
    await store.works.importRescued(
      anImport({
        creators: ['Mags', 'Jen'],
        fandoms: [makeTagName('Smallville'), makeTagName('Buffy the Vampire Slayer')],
      }),
    )
    await store.works.importRescued(anImport({ creators: [], fandoms: [] }))
    const [first, second] = await store.works.list({ limit: 10 })
    const withCreators = [first, second].find((work) => work?.creators.length !== 0)
    const without = [first, second].find((work) => work?.creators.length === 0)
    expect(withCreators).toMatchObject({
      creators: ['Mags', 'Jen'],
      fandoms: ['Smallville', 'Buffy the Vampire Slayer'],
      rating: 'teen',
      wordCount: 6,
    })
    expect(without?.fandoms).toEqual([])
  })

  it('counts the works', async () => {
    expect(await store.works.count()).toBe(0)
    await store.works.importRescued(anImport())
    await store.works.importRescued(anImport())
    expect(await store.works.count()).toBe(2)
  })

  it('refuses a cursor it did not make', async () => {
    await expect(store.works.list({ limit: 10, after: 'page-2' })).rejects.toThrow(QuireError)
  })
})
