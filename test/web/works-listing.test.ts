import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTagName } from '../../src/domain/tag.js'
import { buildApp } from '../../src/web/app.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

const tags = (...names: string[]) => names.map(makeTagName)

describe.each(TEST_DIALECTS)('the works listing page on %s', (dialect) => {
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
    return { status: response.statusCode, html: response.body }
  }

  it('counts the works exactly and shows how many carry each tag beside it', async () => {
    await store.works.importRescued(anImport({ title: 'Lighthouse', fandoms: tags('Due South'), freeforms: tags('Angst') }))
    await store.works.importRescued(anImport({ title: 'Bridge', fandoms: tags('Smallville'), freeforms: tags('Angst') }))
    app = await buildApp({ store, logger: false })
    const page = await open('/works')
    expect(page.status).toBe(200)
    expect(page.html).toContain('1 – 2 of 2 works')
    expect(page.html).toMatch(/value="Angst"[^>]*\/?>\s*<span>Angst<\/span> <span class="count">\(2\)<\/span>/u)
    const filtered = await open('/works?include=Smallville')
    expect(filtered.html).toContain('1 – 1 of 1 works')
    expect(filtered.html).toContain('>Bridge</a>')
    expect(filtered.html).not.toContain('>Lighthouse</a>')
    expect(filtered.html).toMatch(/value="Smallville" checked/u)
  })

  it('opens any page directly, and a page past the end shows the last', async () => {
    for (let i = 1; i <= 45; i++) await store.works.importRescued(anImport({ title: `Work ${String(i)}` }))
    app = await buildApp({ store, logger: false })
    const third = await open('/works?page=3')
    expect(third.html).toContain('41 – 45 of 45 works')
    expect(third.html).toContain('aria-current="page">3<')
    expect((await open('/works?page=999')).html).toContain('41 – 45 of 45 works')
    expect((await open('/works')).html).toContain('href="/works?page=2" rel="next"')
  })

  it('escapes tag names in the form, so a tag cannot inject markup', async () => {
    await store.works.importRescued(anImport({ freeforms: tags('<img src=x onerror=alert(1)>') }))
    app = await buildApp({ store, logger: false })
    const page = await open('/works')
    // Inside a quoted attribute "<" opens nothing; everywhere else it must be escaped.
    const raw = [...page.html.matchAll(/(.{7})<img src=x/gu)].map((match) => match[1])
    expect(raw.length).toBeGreaterThan(0)
    expect(raw.every((before) => before === 'value="')).toBe(true)
    expect(page.html).toContain('<span>&lt;img src=x onerror=alert(1)></span>')
  })

  it('answers a filter it cannot read with a page that names the problem', async () => {
    app = await buildApp({ store, logger: false })
    const page = await open('/works?words_min=many')
    expect(page.status).toBe(400)
    expect(page.html).toContain('words_min')
  })
})
