import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TagId } from '../../src/domain/stored-tag.js'
import { makeTagName, type TagKind } from '../../src/domain/tag.js'
import { buildApp } from '../../src/web/app.js'
import { tagPagePath } from '../../src/web/tag-param.js'
import { tagWorksPath } from '../../src/web/tag-path.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

const tags = (...names: string[]) => names.map(makeTagName)
const titles = (html: string): string[] =>
  [...html.matchAll(/<a href="\/works\/[0-9A-Z]{26}">([^<]+)<\/a>/gu)].map((match) => match[1] ?? '').sort()

describe.each(TEST_DIALECTS)('tag pages on %s', (dialect) => {
  let store: TestStore
  let app: FastifyInstance
  const tag = async (kind: TagKind, name: string): Promise<TagId> =>
    (await store.tags.findOrCreate(kind, makeTagName(name))).id
  const open = async (url: string) => {
    const response = await app.inject({ method: 'GET', url })
    return { status: response.statusCode, html: response.body, location: response.headers.location }
  }
  beforeEach(async () => {
    store = await openTestStore(dialect)
    app = await buildApp({ store, logger: false })
  })
  afterEach(async () => {
    await app.close()
    await store.destroy()
  })

  it("shows a canonical tag's kind, synonyms, parents, children and works, each linked", async () => {
    const kirkSpock = 'James T. Kirk/Spock'
    await store.works.importRescued(anImport({ title: 'Shore Leave', fandoms: tags('Star Trek'), relationships: [{ name: makeTagName(kirkSpock), platonic: false, original: kirkSpock }], characters: tags('Spock') }))
    await store.works.importRescued(anImport({ title: 'Amok', fandoms: tags('Star Trek'), relationships: [{ name: makeTagName('Spirk'), platonic: false, original: 'Spirk' }] }))
    await store.works.importRescued(anImport({ title: 'Elsewhere', fandoms: tags('Smallville') }))
    const [canonical, spirk, trek, spock] = [await tag('relationship', kirkSpock), await tag('relationship', 'Spirk'), await tag('fandom', 'Star Trek'), await tag('character', 'Spock')]
    await store.tags.setCanonical(spirk, canonical)
    await store.tags.addParent(canonical, trek)
    await store.tags.addParent(spock, trek)
    await store.tags.addMedia(trek, 'TV Shows')

    const page = await open(tagPagePath(kirkSpock))
    expect(page.status).toBe(200)
    expect(page.html).toContain('<h1>James T. Kirk/Spock</h1>')
    expect(page.html).toContain('This tag belongs to the Relationship category. It is a canonical tag')
    expect(page.html).toContain(`<a href="${tagPagePath('Spirk')}">Spirk</a>`)
    expect(page.html).toContain(`<a href="${tagPagePath('Star Trek')}">Star Trek</a> <span class="count">(Fandom)</span>`)
    // Both works: one tagged with the canonical, one with its synonym.
    expect(page.html).toContain(`<a href="${tagWorksPath(kirkSpock)}">2 works tagged James T. Kirk/Spock</a>`)

    const fandom = await open(tagPagePath('Star Trek'))
    expect(fandom.html).toContain('<a href="/media#media-tv-shows">TV Shows</a> <span class="count">(Media)</span>')
    expect(fandom.html).toMatch(/<h3>Relationships \(1\)<\/h3>\s*<ul>\s*<li>\s*<a href="\/tags\/James%20T\*d\*%20Kirk\*s\*Spock">/u)
    expect(fandom.html).toContain(`<a href="${tagPagePath('Spock')}">Spock</a>`)
    expect(fandom.html).toContain('2 works tagged Star Trek')
  })

  it("says which canonical tag a synonym belongs to, and sends its works page there with the filter", async () => {
    await store.works.importRescued(anImport({ title: 'Under the Synonym', fandoms: tags('MCU') }))
    await store.works.importRescued(anImport({ title: 'Under the Canonical', fandoms: tags('Marvel Cinematic Universe'), complete: false }))
    await store.tags.setCanonical(await tag('fandom', 'MCU'), await tag('fandom', 'Marvel Cinematic Universe'))

    const synonym = await open('/tags/MCU')
    expect(synonym.status).toBe(200)
    expect(synonym.html).toContain('This tag belongs to the Fandom category. It is a synonym: its works are listed under its canonical tag.')
    expect(synonym.html).toContain('Synonym of <a href="/tags/Marvel%20Cinematic%20Universe">Marvel Cinematic Universe</a>')
    expect(synonym.html).toContain('<a href="/tags/Marvel%20Cinematic%20Universe/works">2 works tagged Marvel Cinematic Universe</a>')

    const redirect = await open('/tags/MCU/works?complete=true&sort=title')
    expect(redirect.status).toBe(301)
    expect(redirect.location).toBe('/tags/Marvel%20Cinematic%20Universe/works?complete=true&sort=title')
    const all = await open('/tags/Marvel%20Cinematic%20Universe/works')
    expect(titles(all.html)).toEqual(['Under the Canonical', 'Under the Synonym'])
    expect(titles((await open(redirect.location ?? '')).html)).toEqual(['Under the Synonym'])
  })

  it("takes a metatag's subtags' works into its works page and its count", async () => {
    await store.works.importRescued(anImport({ title: 'Film', fandoms: tags('Marvel Cinematic Universe') }))
    await store.works.importRescued(anImport({ title: 'Comic', fandoms: tags('Marvel (Comics)') }))
    await store.works.importRescued(anImport({ title: 'Other', fandoms: tags('Smallville') }))
    const marvel = await tag('fandom', 'Marvel')
    await store.tags.addParent(await tag('fandom', 'Marvel Cinematic Universe'), marvel)
    await store.tags.addParent(await tag('fandom', 'Marvel (Comics)'), marvel)

    const works = await open('/tags/Marvel/works')
    expect(works.status).toBe(200)
    expect(titles(works.html)).toEqual(['Comic', 'Film'])
    expect(works.html).toContain('1 – 2 of 2 works')
    const page = await open('/tags/Marvel')
    expect(page.html).toContain('2 works tagged Marvel')
    expect(page.html).toMatch(/<h2 id="subtags">Subtags<\/h2>\s*<ul>\s*<li>\s*<a href="\/tags\/Marvel%20\(Comics\)">/u)
  })

  it("lists a tag's works with the rest of the filter applied, under a heading naming it", async () => {
    await store.works.importRescued(anImport({ title: 'Done', fandoms: tags('Due South'), freeforms: tags('Angst') }))
    await store.works.importRescued(anImport({ title: 'Ongoing', fandoms: tags('Due South'), freeforms: tags('Fluff'), complete: false }))
    await store.works.importRescued(anImport({ title: 'Elsewhere', fandoms: tags('Smallville'), freeforms: tags('Angst') }))
    const page = await open('/tags/Due%20South/works')
    expect(page.html).toContain('<title>Works in Due South · Quire</title>')
    expect(page.html).toContain('<h1>Works in <a href="/tags/Due%20South">Due South</a></h1>')
    expect(titles(page.html)).toEqual(['Done', 'Ongoing'])
    // The form comes back here, and the tag, being the address, is no choice in it.
    expect(page.html).toContain('action="/tags/Due%20South/works"')
    expect(page.html).not.toContain('value="Due South"')
    expect(page.html).toContain('value="Angst"')
    expect(titles((await open('/tags/Due%20South/works?exclude=Fluff')).html)).toEqual(['Done'])
    expect(titles((await open('/tags/Due%20South/works?complete=false')).html)).toEqual(['Ongoing'])
    expect(titles((await open('/tags/Due%20South/works?include=Angst')).html)).toEqual(['Done'])
    expect((await open('/tags/Due%20South/works?words_min=many')).status).toBe(400)
  })

  it('pages through a tag’s works at its own address', async () => {
    for (let i = 1; i <= 21; i++) await store.works.importRescued(anImport({ title: `Work ${String(i)}`, fandoms: tags('Due South') }))
    const page = await open('/tags/Due%20South/works?sort=title')
    expect(page.html).toContain('href="/tags/Due%20South/works?sort=title&page=2" rel="next"')
    expect(titles((await open('/tags/Due%20South/works?sort=title&page=2')).html)).toHaveLength(1)
  })

  it.each([
    'Kirk/Spock',
    'Lois & Clark',
    'Mr. Spock',
    'Who? Me?',
    '#1 Fan',
    '*s* and *',
    '100% Angst + more',
    '東方 & 西方',
    'Ёлка/Ёжик',
    // As long as a tag can be, in characters that each take a stand-in or nine bytes of URL.
    '東'.repeat(150),
    'a/'.repeat(75),
  ])('keeps %s whole through its page and works addresses', async (name) => {
    await store.works.importRescued(anImport({ title: 'The Tagged', freeforms: [makeTagName(name)] }))
    await store.works.importRescued(anImport({ title: 'The Other', freeforms: tags('Plain') }))
    const escaped = name.replaceAll('&', '&amp;')
    const page = await open(tagPagePath(name))
    expect(page.status).toBe(200)
    expect(page.html).toContain(`<h1>${escaped}</h1>`)
    expect(page.html).toContain(`1 work tagged ${escaped}`)
    const works = await open(tagWorksPath(name))
    expect(works.status).toBe(200)
    expect(titles(works.html)).toEqual(['The Tagged'])
    // The work's own page links the tag at the same address.
    const work = await open(/href="(\/works\/[0-9A-Z]{26})"/u.exec(works.html)?.[1] ?? '')
    expect(work.html).toContain(`href="${tagWorksPath(name).replaceAll('&', '&amp;')}"`)
  })

  it('answers a name no tag has with a 404 page that names it', async () => {
    for (const url of ['/tags/No%20Such%20Tag', '/tags/No%20Such%20Tag/works']) {
      const page = await open(url)
      expect(page.status).toBe(404)
      expect(page.html).toContain('<h1>Tag not found</h1>')
      expect(page.html).toContain('No tag is named “No Such Tag”.')
    }
  })

  it('escapes a tag name, so a tag cannot inject markup', async () => {
    const name = '<img src=x onerror=alert(1)>'
    await store.works.importRescued(anImport({ freeforms: [makeTagName(name)] }))
    for (const url of [tagPagePath(name), tagWorksPath(name)]) {
      const page = await open(url)
      expect(page.status).toBe(200)
      expect(page.html).not.toContain('<img')
      expect(page.html).toContain('&lt;img src=x onerror=alert(1)>')
    }
  })

  it('shows a tag no work carries yet, with no works and no unknown-tag notice', async () => {
    await tag('character', 'Lonely')
    expect((await open('/tags/Lonely')).html).toContain('0 works tagged Lonely')
    const works = await open('/tags/Lonely/works')
    expect(works.status).toBe(200)
    expect(works.html).toContain('No works match these filters.')
    expect(works.html).not.toContain('No tag is named')
  })
})
