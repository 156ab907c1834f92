import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/web/app.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('the creator page on %s', (dialect) => {
  let store: TestStore
  let app: FastifyInstance
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await app.close()
    await store.destroy()
  })

  const open = async (url: string) => {
    const response = await app.inject({ method: 'GET', url })
    return { status: response.statusCode, html: response.body, location: response.headers.location }
  }
  const titles = (html: string) =>
    [...html.matchAll(/<h3>\s*<a href="\/works\/[^"]+">([^<]*)<\/a>/gu)].map((match) => match[1])

  it('shows the name, how many works, and their works newest update first', async () => {
    await store.works.importRescued(anImport({ title: 'Older', creators: ['Jen'], updated: '2003-01-01' }))
    await store.works.importRescued(anImport({ title: 'Newer', creators: ['Kit', 'Jen'], updated: '2005-01-01' }))
    await store.works.importRescued(anImport({ title: 'Not hers', creators: ['Kit'] }))
    app = await buildApp({ store, logger: false })
    const page = await open('/creators/Jen')
    expect(page.status).toBe(200)
    expect(page.html).toContain('<h1>Jen</h1>')
    expect(page.html).toContain('Works (2)')
    expect(titles(page.html)).toEqual(['Newer', 'Older'])
    expect(page.html).toContain('href="/creators/Kit"')
    expect(page.html).toContain('<link rel="alternate" type="application/atom+xml" title="Works by Jen · Quire (Atom)" href="/creators/Jen/feed.atom"')
    expect(page.html).toMatch(/<a href="\/creators\/Jen\/feed\.atom"[^>]*>\s*Subscribe \(Atom\)\s*<\/a>/u)
  })

  it('walks older and newer pages by keyset, each work once, back to the plain address', async () => {
    for (let i = 1; i <= 45; i++) {
      // Five works a year, so ties on the date are broken by id across page boundaries.
      const updated = `${String(1990 + Math.floor(i / 5))}-01-01`
      await store.works.importRescued(anImport({ title: `Work ${String(i)}`, creators: ['Jen'], updated }))
    }
    app = await buildApp({ store, logger: false })
    const seen: string[] = []
    let url: string | undefined = '/creators/Jen'
    const pages: string[] = []
    while (url !== undefined) {
      const page = await open(url)
      expect(page.status).toBe(200)
      pages.push(page.html)
      seen.push(...titles(page.html).map(String))
      url = /href="([^"]+)" rel="next"/u.exec(page.html)?.[1]?.replaceAll('&amp;', '&')
    }
    expect(pages).toHaveLength(3)
    expect(new Set(seen).size).toBe(45)
    expect(pages[2]).toContain('41 – 45 of 45 works by Jen')
    const back = /href="([^"]+)" rel="prev"/u.exec(pages[2] ?? '')?.[1]?.replaceAll('&amp;', '&') ?? ''
    expect(back).toMatch(/^\/creators\/Jen\?before=/u)
    expect((await open(back)).html).toContain('21 – 40 of 45 works by Jen')
    const fromSecond = /href="([^"]+)" rel="prev"/u.exec((await open(back)).html)?.[1]
    expect(fromSecond).toBe('/creators/Jen')
  })

  it('keeps names with slashes, dots and other scripts in one safe segment', async () => {
    for (const name of ['A.J./Kit', '東方 作者', '50% & *s*']) {
      await store.works.importRescued(anImport({ title: `By ${name}`, creators: [name] }))
    }
    app = await buildApp({ store, logger: false })
    const listing = await open('/works')
    const hrefs = [...listing.html.matchAll(/href="(\/creators\/[^"]+)"/gu)].map((match) => match[1] ?? '')
    expect(hrefs).toHaveLength(3)
    for (const href of hrefs) {
      expect(href.split('/')).toHaveLength(3)
      const page = await open(href.replaceAll('&amp;', '&'))
      expect(page.status, href).toBe(200)
      expect(titles(page.html)).toHaveLength(1)
    }
    expect(hrefs).toContain('/creators/A*d*J*d**s*Kit')
  })

  it('sends another spelling of the name to the one address', async () => {
    await store.works.importRescued(anImport({ creators: ['Jen'] }))
    app = await buildApp({ store, logger: false })
    const page = await open('/creators/JEN?after=x')
    expect(page.status).toBe(301)
    expect(page.location).toBe('/creators/Jen?after=x')
  })

  it('answers an unknown creator with a 404 page that names them, escaped', async () => {
    app = await buildApp({ store, logger: false })
    const page = await open('/creators/%3Cb%3ENobody')
    expect(page.status).toBe(404)
    expect(page.html).toContain('Creator not found')
    expect(page.html).toContain('No creator is named “&lt;b>Nobody”')
  })

  it('answers a cursor it cannot read with 400, never a server error', async () => {
    await store.works.importRescued(anImport({ creators: ['Jen'] }))
    app = await buildApp({ store, logger: false })
    expect((await open('/creators/Jen?after=yesterday')).status).toBe(400)
  })

  it('gives the same as JSON at /api/v1/creators/:name, with a JSON 404 for nobody', async () => {
    await store.works.importRescued(anImport({ title: 'Older', creators: ['Jen'], updated: '2003-01-01' }))
    await store.works.importRescued(anImport({ title: 'Newer', creators: ['Jen'], updated: '2005-01-01' }))
    app = await buildApp({ store, logger: false })
    const response = await app.inject({ method: 'GET', url: '/api/v1/creators/Jen' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ name: 'Jen', workCount: 2, newerCount: 0, newer: null, older: null })
    expect(response.json<{ works: Array<{ title: string }> }>().works.map((work) => work.title)).toEqual(['Newer', 'Older'])
    expect((await open('/api/v1/creators/jen')).location).toBe('/api/v1/creators/Jen')
    const missing = await app.inject({ method: 'GET', url: '/api/v1/creators/Nobody' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ error: 'QUIRE_CREATOR_NOT_FOUND' })
  })

  it('escapes a creator name that holds markup', async () => {
    await store.works.importRescued(anImport({ creators: ['<script>x</script>'] }))
    app = await buildApp({ store, logger: false })
    const listing = await open('/works')
    expect(listing.html).not.toContain('<script>x</script>')
    const href = /href="(\/creators\/[^"]+)"/u.exec(listing.html)?.[1] ?? ''
    const page = await open(href)
    expect(page.status).toBe(200)
    expect(page.html).toContain('<h1>&lt;script>x&lt;/script></h1>')
  })
})
