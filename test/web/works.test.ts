import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/web/app.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

describe.each(TEST_DIALECTS)('the works page on %s', (dialect) => {
  let store: TestStore
  let app: FastifyInstance
  beforeEach(async () => {
    store = await openTestStore(dialect)
    app = await buildApp({ store, logger: false })
  })
  afterEach(async () => {
    await app.close()
    await store.destroy()
  })

  it('says the archive is empty and how to fill it', async () => {
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/html')
    expect(response.body).toContain('No works yet')
  })

  it('lists each imported work with its title, creators, rating and fandoms, each linked', async () => {
    await store.works.importRescued(anImport({ title: 'Stepping Back', creators: ['Jen', 'Kit'] }))
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.body).toContain('1 work in the archive')
    const row = response.body.replace(/\s+/gu, ' ')
    expect(row).toMatch(
      new RegExp(
        '<a href="/works/[0-9A-Z]{26}">Stepping Back</a></td> ?<td> ?' +
          '<a rel="author" href="/creators/Jen">Jen</a>, <a rel="author" href="/creators/Kit">Kit</a> ?</td> ?' +
          '<td>Teen And Up Audiences</td> ?<td> ?<a href="/tags/Smallville/works">Smallville</a> ?</td>',
        'u',
      ),
    )
  })

  it('escapes markup in a title, so an imported file cannot run script on the page', async () => {
    await store.works.importRescued(anImport({ title: '<script>alert(1)</script> & friends' }))
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.body).not.toContain('<script>alert(1)')
    expect(response.body).toContain('&lt;script>alert(1)&lt;/script> &amp; friends')
  })

  it('answers a malformed page cursor with 400 and a message, not a server error', async () => {
    const response = await app.inject({ method: 'GET', url: '/?after=nonsense' })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: 'QUIRE_STORE_BAD_CURSOR' })
  })
})

describe('the works page on sqlite with more works than fit on a page', () => {
  it('links to a next page that lists the rest, with no work twice', async () => {
    const store = await openTestStore('sqlite')
    const app = await buildApp({ store, logger: false })
    try {
      for (let i = 0; i < 101; i++) {
        await store.works.importRescued(anImport({ title: `Work number ${String(i)}` }))
      }
      const first = await app.inject({ method: 'GET', url: '/' })
      const next = /<a href="([^"]+)" rel="next">/u.exec(first.body)?.[1]
      expect(next).toBeDefined()
      const second = await app.inject({ method: 'GET', url: (next ?? '').replaceAll('&amp;', '&') })
      const titles = (body: string): string[] => [...body.matchAll(/">(Work number \d+)<\/a>/gu)].map((m) => m[1] ?? '')
      const all = [...titles(first.body), ...titles(second.body)]
      expect(titles(first.body)).toHaveLength(100)
      expect(new Set(all).size).toBe(101)
      expect(second.body).not.toContain('rel="next"')
    } finally {
      await app.close()
      await store.destroy()
    }
  })
})
