import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTagName } from '../../src/domain/tag.js'
import { buildApp } from '../../src/web/app.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

const fandoms = (...names: string[]) => ({ fandoms: names.map(makeTagName) })
const text = (html: string) => html.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ').replaceAll('&amp;', '&')

describe.each(TEST_DIALECTS)('the fandom directory and the home page on %s', (dialect) => {
  let store: TestStore
  let app: FastifyInstance
  const fandom = async (name: string) => (await store.tags.findOrCreate('fandom', makeTagName(name))).id
  const open = async (url: string) => (await app.inject({ method: 'GET', url })).body
  beforeEach(async () => {
    store = await openTestStore(dialect)
    app = await buildApp({ store, logger: false })
  })
  afterEach(async () => {
    await app.close()
    await store.destroy()
  })

  it('groups fandoms by media in AO3 order, by name within each, with their works counted', async () => {
    for (const names of [['Smallville'], ['Smallville', 'Due South'], ['Buffy'], ['Star Wars'], ['SV'], ['Original Work']]) {
      await store.works.importRescued(anImport(fandoms(...names)))
    }
    for (const name of ['Smallville', 'Due South', 'Buffy']) await store.tags.addMedia(await fandom(name), 'TV Shows')
    await store.tags.addMedia(await fandom('Star Wars'), 'Movies')
    await store.tags.addMedia(await fandom('Smallville'), 'Books & Literature')
    await store.tags.setCanonical(await fandom('SV'), await fandom('Smallville'))
    await fandom('Nobody Wrote This')

    const page = await open('/media')
    expect(text(page)).toContain(
      'Books & Literature Smallville (3) Movies Star Wars (1) TV Shows Buffy (1) Due South (1) Smallville (3) Uncategorized Fandoms Original Work (1)',
    )
    expect(page).toContain('<h2 id="media-tv-shows">TV Shows</h2>')
    expect(page).toContain('<a href="#media-books-literature">Books &amp; Literature</a>')
    expect(page).toContain('<a href="/tags/Star%20Wars/works">Star Wars</a>')
    expect(page).not.toContain('>SV<')
    expect(page).not.toContain('Nobody Wrote This')
  })

  it('says so when there are no fandoms yet', async () => {
    expect(await open('/media')).toContain('No fandoms yet')
  })

  it('ranks the fandoms with the most works on the home page, linked to their works', async () => {
    for (const names of [['Smallville'], ['Smallville', 'Due South'], ['Smallville'], ['Due South'], ['Buffy']]) {
      await store.works.importRescued(anImport(fandoms(...names)))
    }
    const home = await open('/')
    expect(text(home)).toContain('Fandoms with the most works Smallville (3) Due South (2) Buffy (1)')
    expect(home).toContain('<a href="/tags/Smallville/works">Smallville</a>')
    expect(home).toContain('<a href="/media">')
    expect(home).toContain('<a href="/works">')
    expect(home).toContain('<h2>Recent works</h2>')
  })
})
