import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EMPTY_FILTER_QUERY } from '../../src/domain/filter-query.js'
import { makeTagName } from '../../src/domain/tag.js'
import { addTagParent, setCanonicalTag } from '../../src/store/tag-links.js'
import { buildApp } from '../../src/web/app.js'
import { tagWorksFeedPath } from '../../src/web/feed-paths.js'
import { anImport } from '../support/a-work.js'
import { childNamed, childrenNamed, parseXml, textOf, type XmlElement } from '../support/parse-xml.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

const ATOM = 'http://www.w3.org/2005/Atom'
const tags = (...names: string[]) => names.map(makeTagName)

type Feed = Readonly<{ root: XmlElement; entries: XmlElement[]; titles: string[]; contentType: string }>

describe.each(TEST_DIALECTS)('Atom feeds on %s', (dialect) => {
  let store: TestStore
  let app: FastifyInstance
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    vi.unstubAllEnvs()
    await app.close()
    await store.destroy()
  })

  const fetchFeed = async (url: string, host = 'fic.example.org'): Promise<Feed> => {
    const response = await app.inject({ method: 'GET', url, headers: { host } })
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200)
    const root = parseXml(response.body)
    const entries = childrenNamed(root, 'entry')
    const titles = entries.map((entry) => textOf(childNamed(entry, 'title')))
    return { root, entries, titles, contentType: String(response.headers['content-type']) }
  }
  const linkOf = (element: XmlElement, rel: string) =>
    childrenNamed(element, 'link').find((link) => link.attributes['rel'] === rel)?.attributes['href']

  it('writes a valid Atom feed of a filtered listing, newest update first, every address absolute', async () => {
    await store.works.importRescued(anImport({ title: 'Bridge', creators: ['Jen', 'Kit'], fandoms: tags('Smallville'), freeforms: tags('Angst'), posted: '2004-01-01', updated: '2004-03-01', summary: 'A bridge.\n\nAt dusk.' }))
    await store.works.importRescued(anImport({ title: 'Field', fandoms: tags('Smallville'), updated: '2005-01-01' }))
    await store.works.importRescued(anImport({ title: 'Harbour', fandoms: tags('Due South') }))
    app = await buildApp({ store, logger: false })
    const feed = await fetchFeed('/works/feed.atom?include=Smallville&page=3&sort=title')
    expect(feed.contentType).toBe('application/atom+xml; charset=utf-8')
    expect(feed.root.name).toBe('feed')
    expect(feed.root.attributes['xmlns']).toBe(ATOM)
    expect(feed.titles).toEqual(['Field', 'Bridge'])
    expect(textOf(childNamed(feed.root, 'id'))).toBe('http://fic.example.org/works/feed.atom?include=Smallville')
    expect(textOf(childNamed(feed.root, 'title'))).toBe('Works tagged “Smallville” · Quire')
    expect(textOf(childNamed(feed.root, 'updated'))).toBe('2005-01-01T00:00:00Z')
    expect(linkOf(feed.root, 'self')).toBe('http://fic.example.org/works/feed.atom?include=Smallville')
    expect(linkOf(feed.root, 'alternate')).toBe('http://fic.example.org/works?include=Smallville')
    expect(textOf(childNamed(childNamed(feed.root, 'author'), 'name'))).toBe('Quire')

    const bridge = feed.entries[1]
    if (bridge === undefined) throw new Error('no second entry')
    const address = linkOf(bridge, 'alternate') ?? ''
    expect(address).toMatch(/^http:\/\/fic\.example\.org\/works\/[0-7][0-9A-Z]{25}$/u)
    expect(textOf(childNamed(bridge, 'id'))).toBe(address)
    expect(textOf(childNamed(bridge, 'published'))).toBe('2004-01-01T00:00:00Z')
    expect(textOf(childNamed(bridge, 'updated'))).toBe('2004-03-01T00:00:00Z')
    const authors = childrenNamed(bridge, 'author').map((author) => [textOf(childNamed(author, 'name')), textOf(childNamed(author, 'uri'))])
    expect(authors).toEqual([['Jen', 'http://fic.example.org/creators/Jen'], ['Kit', 'http://fic.example.org/creators/Kit']])
    expect(childrenNamed(bridge, 'category').map((category) => category.attributes['term'])).toEqual(expect.arrayContaining(['Smallville', 'Angst', 'Teen And Up Audiences']))
    const summary = childNamed(bridge, 'summary')
    expect(summary.attributes['type']).toBe('html')
    // The summary is HTML carried as text: parse it in turn, as a feed reader would show it.
    const html = textOf(summary)
    expect(html).toContain('<p>A bridge.</p><p>At dusk.</p>')
    expect(html).toContain('<a rel="author" href="http://fic.example.org/creators/Jen">Jen</a>')
    expect(html).toContain('<a href="http://fic.example.org/tags/Smallville/works">Smallville</a>')
    expect(html).toContain('Chapters: 1/1')
  })

  it('escapes titles, names, tags and summaries so the feed stays XML and the HTML stays inert', async () => {
    const nasty = 'Fish & <Chips> "quoted" \u0007bell'
    await store.works.importRescued(anImport({ title: nasty, creators: ['<b>Jen</b> & co'], freeforms: tags('A&B <x>'), summary: '<script>alert("x")</script> & more' }))
    app = await buildApp({ store, logger: false })
    const response = await app.inject({ method: 'GET', url: '/works/feed.atom' })
    expect(response.body).not.toContain('<script>')
    expect(response.body).not.toContain('<Chips>')
    const feed = parseXml(response.body)
    const [entry] = childrenNamed(feed, 'entry')
    if (entry === undefined) throw new Error('no entry')
    // The control character cannot be in XML 1.0 at all; everything else comes back as written.
    expect(textOf(childNamed(entry, 'title'))).toBe('Fish & <Chips> "quoted" bell')
    expect(textOf(childNamed(childNamed(entry, 'author'), 'name'))).toBe('<b>Jen</b> & co')
    expect(childrenNamed(entry, 'category').map((category) => category.attributes['term'])).toContain('A&B <x>')
    const html = textOf(childNamed(entry, 'summary'))
    expect(html).toContain('&lt;script>alert(&#34;x&#34;)&lt;/script> &amp; more')
    expect(html).not.toContain('<script>')
  })

  it("gives a tag's feed its synonyms' and subtags' works, under the canonical tag's name", async () => {
    await store.works.importRescued(anImport({ title: 'Canon', fandoms: tags('Marvel Cinematic Universe') }))
    await store.works.importRescued(anImport({ title: 'Synonym', fandoms: tags('MCU'), updated: '2006-01-01' }))
    await store.works.importRescued(anImport({ title: 'Comics', fandoms: tags('Marvel Comics'), updated: '2003-01-01' }))
    await store.works.importRescued(anImport({ title: 'Elsewhere', fandoms: tags('Smallville') }))
    const tag = (name: string) => store.tags.findOrCreate('fandom', makeTagName(name))
    await setCanonicalTag(store.db, (await tag('MCU')).id, (await tag('Marvel Cinematic Universe')).id)
    const marvel = await tag('Marvel')
    await addTagParent(store.db, (await tag('Marvel Cinematic Universe')).id, marvel.id)
    await addTagParent(store.db, (await tag('Marvel Comics')).id, marvel.id)
    app = await buildApp({ store, logger: false })

    const viaSynonym = await fetchFeed('/tags/MCU/feed.atom')
    expect(viaSynonym.titles).toEqual(['Synonym', 'Canon'])
    expect(textOf(childNamed(viaSynonym.root, 'title'))).toBe('Works tagged “Marvel Cinematic Universe” · Quire')
    expect(textOf(childNamed(viaSynonym.root, 'id'))).toBe('http://fic.example.org/tags/Marvel%20Cinematic%20Universe/feed.atom')
    expect(linkOf(viaSynonym.root, 'self')).toBe('http://fic.example.org/tags/MCU/feed.atom')
    expect(linkOf(viaSynonym.root, 'alternate')).toBe('http://fic.example.org/tags/Marvel%20Cinematic%20Universe/works')

    const metatag = await fetchFeed('/tags/Marvel/feed.atom?sort=posted')
    expect(new Set(metatag.titles)).toEqual(new Set(['Synonym', 'Canon', 'Comics']))
  })

  it('reads tag names with stand-ins, gives a tag with no works an empty feed, and an unknown tag 404', async () => {
    await store.works.importRescued(anImport({ title: 'Pair', relationships: [{ name: makeTagName('Kirk/Spock'), platonic: false, original: 'Kirk/Spock' }] }))
    await store.tags.findOrCreate('freeform', makeTagName('Not Yet Used'))
    app = await buildApp({ store, logger: false })
    expect((await fetchFeed('/tags/Kirk*s*Spock/feed.atom')).titles).toEqual(['Pair'])
    const empty = await fetchFeed('/tags/Not%20Yet%20Used/feed.atom')
    expect(empty.entries).toEqual([])
    expect(textOf(childNamed(empty.root, 'updated'))).toBe('1970-01-01T00:00:00Z')
    const unknown = await app.inject({ method: 'GET', url: '/tags/No%20Such%20Tag/feed.atom' })
    expect(unknown.statusCode).toBe(404)
    const bad = await app.inject({ method: 'GET', url: '/works/feed.atom?words_min=lots' })
    expect(bad.statusCode).toBe(400)
  })

  it("gives a creator's works as a feed, and a 404 for nobody", async () => {
    await store.works.importRescued(anImport({ title: 'Hers', creators: ['Jen'] }))
    await store.works.importRescued(anImport({ title: 'His', creators: ['Kit'] }))
    app = await buildApp({ store, logger: false })
    const feed = await fetchFeed('/creators/Jen/feed.atom')
    expect(feed.titles).toEqual(['Hers'])
    expect(linkOf(feed.root, 'alternate')).toBe('http://fic.example.org/creators/Jen')
    expect((await app.inject({ method: 'GET', url: '/creators/Nobody/feed.atom' })).statusCode).toBe(404)
  })

  it('holds back the summary of a work with a content notice, as its page does', async () => {
    await store.works.importRescued(anImport({ title: 'Harbour', summary: 'Details no one should meet unwarned.', contentNotices: [{ topic: 'suicide', line: 3 }] }))
    app = await buildApp({ store, logger: false })
    const feed = await fetchFeed('/works/feed.atom')
    const html = textOf(childNamed(feed.entries[0] ?? feed.root, 'summary'))
    expect(html).toContain('This work deals with suicide.')
    expect(html).not.toContain('Details')
  })

  it('uses QUIRE_PUBLIC_URL for every address when it is set', async () => {
    vi.stubEnv('QUIRE_PUBLIC_URL', 'https://archive.example.net/fic/')
    await store.works.importRescued(anImport({ title: 'Bridge' }))
    app = await buildApp({ store, logger: false })
    const feed = await fetchFeed('/works/feed.atom', 'internal:3000')
    expect(textOf(childNamed(feed.root, 'id'))).toBe('https://archive.example.net/fic/works/feed.atom')
    expect(linkOf(feed.entries[0] ?? feed.root, 'alternate')).toMatch(/^https:\/\/archive\.example\.net\/fic\/works\//u)
  })

  it('refuses to start with a QUIRE_PUBLIC_URL it cannot use', async () => {
    vi.stubEnv('QUIRE_PUBLIC_URL', 'fic.example.org')
    await expect(buildApp({ store, logger: false })).rejects.toThrow(/QUIRE_PUBLIC_URL "fic.example.org"/u)
    vi.unstubAllEnvs()
    app = await buildApp({ store, logger: false })
  })

  it('links the listing to its feed in the head and in a visible link', async () => {
    await store.works.importRescued(anImport({ fandoms: tags('Smallville') }))
    app = await buildApp({ store, logger: false })
    const page = await app.inject({ method: 'GET', url: '/works?include=Smallville&page=1&sort=words' })
    expect(page.body).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/works\/feed\.atom\?include=Smallville"/u)
    expect(page.body).toMatch(/<a href="\/works\/feed\.atom\?include=Smallville"[^>]*>Subscribe \(Atom\)<\/a>/u)
  })
})

describe('feed addresses', () => {
  it("give a tag's works page its tag feed, or the filtered feed when it filters more", () => {
    expect(tagWorksFeedPath('Kirk/Spock', EMPTY_FILTER_QUERY)).toBe('/tags/Kirk*s*Spock/feed.atom')
    const filtered = { ...EMPTY_FILTER_QUERY, exclude: tags('Angst'), sort: 'words' as const }
    expect(tagWorksFeedPath('Kirk/Spock', filtered)).toBe('/works/feed.atom?include=Kirk%2FSpock&exclude=Angst')
  })
})
