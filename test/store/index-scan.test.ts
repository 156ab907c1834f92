import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EMPTY_FILTER_QUERY, type FilterQuery } from '../../src/domain/filter-query.js'
import { makeTagName } from '../../src/domain/tag.js'
import { filterWorks } from '../../src/search/filter-works.js'
import { loadTagIndex } from '../../src/search/tag-index-load.js'
import { scanIndexWorks, scanIndexWorkTags, scanWorkIdsByFandom } from '../../src/store/index-scan.js'
import { addTagParent, setCanonicalTag } from '../../src/store/tag-links.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

const query = (overrides: Partial<FilterQuery>): FilterQuery => ({ ...EMPTY_FILTER_QUERY, ...overrides })
const names = (...raw: string[]) => raw.map(makeTagName)

describe.each(TEST_DIALECTS)('the tag index over the store on %s', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
  })

  it('streams every work and work-tag pair in keyset chunks, none twice', async () => {
    for (let n = 0; n < 5; n += 1) await store.works.importRescued(anImport({ title: `Work ${String(n)}`, creators: [`C${String(n)}`, 'Jen'] }))
    const works = []
    for await (const chunk of scanIndexWorks(store.db, 2)) works.push(...chunk)
    expect(works.map((work) => work.id)).toEqual([...works.map((work) => work.id)].sort())
    expect(new Set(works.map((work) => work.id)).size).toBe(5)
    expect(works.map((work) => work.creator).sort()).toEqual(['C0', 'C1', 'C2', 'C3', 'C4'])
    const pairs = []
    for await (const chunk of scanIndexWorkTags(store.db, 3)) pairs.push(...chunk)
    const perWork = await store.db.selectFrom('work_tags').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
    expect(pairs).toHaveLength(Number(perWork.count))
  })

  it('hands out works fandom by fandom, a synonym beside its canonical tag, and then the rest in id order', async () => {
    const work = async (title: string, fandoms: string[]) => (await store.works.importRescued(anImport({ title, fandoms: fandoms.map(makeTagName) }))).workId
    const zed = await work('Zed', ['Zeta'])
    const a1 = await work('A1', ['Alpha'])
    const none = await work('None', [])
    const both = await work('Both', ['Zeta', 'Alpha'])
    const a2 = await work('A2', ['Alpha Synonym'])
    const find = async (name: string) => (await store.tags.findOrCreate('fandom', makeTagName(name))).id
    await setCanonicalTag(store.db, await find('Alpha Synonym'), await find('Alpha'))
    const handed = []
    for await (const chunk of scanWorkIdsByFandom(store.db, 1)) handed.push(...chunk)
    const alphaFirst = handed.indexOf(a1) < handed.indexOf(zed)
    const alpha = [a1, both].sort()
    const expected = alphaFirst ? [...alpha, a2, zed, both] : [zed, both].sort().concat(alpha, a2)
    expect(handed).toEqual(expected)
    expect(handed).not.toContain(none)
    // Built from it, the index numbers every work once and still sorts ties newest first.
    const live = await loadTagIndex(store.db)
    const ids = [zed, a1, none, both, a2]
    expect(live.current().numbers.count).toBe(5)
    expect(filterWorks(live.current(), query({ sort: 'kudos' }), { pageSize: 10 }).workIds).toEqual([...ids].sort().reverse())
  })

  it('builds from the store and filters, counts and sorts what it holds', async () => {
    await store.works.importRescued(anImport({ title: 'Rain', wordCount: 500, updated: '2004-05-01' }))
    await store.works.importRescued(anImport({ title: 'Snow', wordCount: 20_000, updated: '2005-01-01', freeforms: [makeTagName('Songfic'), makeTagName('Angst')] }))
    const live = await loadTagIndex(store.db)
    const result = filterWorks(live.current(), query({ include: names('Smallville'), exclude: names('Angst') }), { pageSize: 10 })
    expect(result.total).toBe(1)
    const [rain] = result.workIds
    expect((await store.works.find(rain ?? ''))?.title).toBe('Rain')
    const all = filterWorks(live.current(), query({ sort: 'words' }), { pageSize: 10 })
    expect(all.facets.freeform.top.map(({ name, count }) => [name, count])).toEqual([['Songfic', 2], ['Angst', 1]])
    const byTitle = filterWorks(live.current(), query({ sort: 'title' }), { pageSize: 10 })
    expect(byTitle.workIds).toEqual([rain, ...all.workIds.filter((id) => id !== rain)])
  })

  it('takes in works imported after it was built when it refreshes, with their new tags', async () => {
    const live = await loadTagIndex(store.db, { textOrderEveryMs: 0 })
    expect(filterWorks(live.current(), EMPTY_FILTER_QUERY, { pageSize: 10 }).total).toBe(0)
    const imported = await store.works.importRescued(anImport({ fandoms: [makeTagName('Due South')] }))
    expect(await live.refresh()).toEqual({ changes: 1, rebuilt: false })
    const result = filterWorks(live.current(), query({ include: names('Due South') }), { pageSize: 10 })
    expect(result.workIds).toEqual([imported.workId])
    expect(await live.refresh()).toEqual({ changes: 0, rebuilt: false })
  })

  it('applies nothing again at its first refresh that its build already holds, not even wrangling', async () => {
    await store.works.importRescued(anImport({ fandoms: [makeTagName('SV')] }))
    const find = async (name: string) => (await store.tags.findOrCreate('fandom', makeTagName(name))).id
    await setCanonicalTag(store.db, await find('SV'), await find('Smallville'))
    const live = await loadTagIndex(store.db)
    expect(await live.refresh()).toEqual({ changes: 0, rebuilt: false })
    expect(filterWorks(live.current(), query({ include: names('Smallville') }), { pageSize: 10 }).total).toBe(1)
    const imported = await store.works.importRescued(anImport({ fandoms: [makeTagName('SV')] }))
    expect(await live.refresh()).toEqual({ changes: 1, rebuilt: false })
    expect(filterWorks(live.current(), query({ include: names('Smallville') }), { pageSize: 10 }).workIds).toContain(imported.workId)
  })

  it('rebuilds when tags are wrangled, so a synonym and a subtag count under their tags', async () => {
    await store.works.importRescued(anImport({ fandoms: [makeTagName('SV')] }))
    await store.works.importRescued(anImport({ fandoms: [makeTagName('Smallville Comics')] }))
    const live = await loadTagIndex(store.db)
    const find = async (name: string) => (await store.tags.findOrCreate('fandom', makeTagName(name))).id
    const smallville = await find('Smallville')
    await setCanonicalTag(store.db, await find('SV'), smallville)
    await addTagParent(store.db, await find('Smallville Comics'), smallville)
    expect(await live.refresh()).toMatchObject({ rebuilt: true })
    const result = filterWorks(live.current(), query({ include: names('Smallville') }), { pageSize: 10 })
    expect(result.total).toBe(2)
    expect(result.facets.fandom.top.map(({ name }) => name)).toEqual(['Smallville', 'Smallville Comics'])
  })
})
