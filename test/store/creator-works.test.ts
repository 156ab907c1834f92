import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { QuireError } from '../../src/domain/errors.js'
import { makeTagName } from '../../src/domain/tag.js'
import type { CreatorProfile } from '../../src/store/store.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('a creator and their works on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  const findJen = async (): Promise<CreatorProfile> => {
    const jen = await store.creators.findByName('Jen')
    if (jen === undefined) throw new Error('no creator Jen')
    return jen
  }

  it('finds a creator by name whatever the case, and counts only their works', async () => {
    await store.works.importRescued(anImport({ creators: ['Jen'] }))
    await store.works.importRescued(anImport({ creators: ['Kit', 'Jen'] }))
    await store.works.importRescued(anImport({ creators: ['Kit'] }))
    const jen = await store.creators.findByName('JEN')
    expect(jen).toMatchObject({ name: 'Jen', workCount: 2 })
    expect(await store.creators.findByName('Nobody')).toBeUndefined()
  })

  it('lists the newest update first and pages both ways by keyset, each work once', async () => {
    for (let index = 0; index < 7; index += 1) {
      // Two works a day, so ties on the date are broken by id as on the plain listing.
      const updated = `200${String(Math.floor(index / 2))}-01-01`
      await store.works.importRescued(anImport({ title: `Work ${String(index)}`, creators: ['Jen'], updated }))
    }
    await store.works.importRescued(anImport({ title: 'Not hers', creators: ['Kit'], updated: '2009-01-01' }))
    const jen = await findJen()
    const first = await store.creators.listWorks(jen.id, { limit: 3 })
    expect(first.works.map((work) => work.title)).toEqual(['Work 6', 'Work 5', 'Work 4'])
    expect(first).toMatchObject({ newerCount: 0, newer: null })
    const second = await store.creators.listWorks(jen.id, { limit: 3, after: first.older ?? '' })
    expect(second.works.map((work) => work.title)).toEqual(['Work 3', 'Work 2', 'Work 1'])
    expect(second.newerCount).toBe(3)
    const third = await store.creators.listWorks(jen.id, { limit: 3, after: second.older ?? '' })
    expect(third.works.map((work) => work.title)).toEqual(['Work 0'])
    expect(third).toMatchObject({ newerCount: 6, older: null })
    const back = await store.creators.listWorks(jen.id, { limit: 3, before: third.newer ?? '' })
    expect(back.works.map((work) => work.title)).toEqual(['Work 3', 'Work 2', 'Work 1'])
    expect(back.newerCount).toBe(3)
  })

  it('refuses a cursor that names no work', async () => {
    await store.works.importRescued(anImport({ creators: ['Jen'] }))
    const jen = await findJen()
    await expect(store.creators.listWorks(jen.id, { limit: 3, after: 'yesterday' })).rejects.toThrow(QuireError)
  })

  it('gives digests in the order asked, with tags in the work order and notice topics', async () => {
    const plain = await store.works.importRescued(anImport({ title: 'Plain', creators: ['Jen', 'Kit'], summary: 'Fields.' }))
    const noticed = await store.works.importRescued(
      anImport({ title: 'Harbour', freeforms: [makeTagName('Angst')], contentNotices: [{ topic: 'suicide', line: 3 }] }),
    )
    const digests = await store.works.findDigests([noticed.workId, plain.workId])
    expect(digests.map((digest) => digest.title)).toEqual(['Harbour', 'Plain'])
    expect(digests[0]?.contentTopics).toEqual(['suicide'])
    expect(digests[0]?.tags.filter((tag) => tag.kind === 'freeform').map((tag) => tag.name)).toEqual(['Angst'])
    expect(digests[1]).toMatchObject({ creators: ['Jen', 'Kit'], summary: 'Fields.', complete: true, contentTopics: [] })
    expect(await store.works.findDigests([])).toEqual([])
  })
})
