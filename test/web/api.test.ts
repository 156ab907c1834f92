import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTagName } from '../../src/domain/tag.js'
import { buildApp } from '../../src/web/app.js'
import { aChapterDraft, anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

type Listing = { total: number; page: number; pageCount: number; works: Array<{ title: string; rating: string }>; facets: Record<string, Array<{ tag: string; count: number }>>; unknownTags: string[] }

const tags = (...names: string[]) => names.map(makeTagName)
const text = (words: string) => [aChapterDraft({ sections: [{ kind: 'paragraph', text: words }] })]

describe.each(TEST_DIALECTS)('the JSON API on %s', (dialect) => {
  let store: TestStore
  let app: FastifyInstance
  beforeEach(async () => {
    store = await openTestStore(dialect)
    await store.works.importRescued(anImport({ title: 'Lighthouse', fandoms: tags('Due South'), freeforms: tags('Angst'), chapters: text('The lamp burned over the harbour all winter.') }))
    await store.works.importRescued(anImport({ title: 'Bridge', fandoms: tags('Smallville'), freeforms: tags('Angst', 'Hurt/Comfort'), rating: 'general', chapters: text('A bridge at dusk, and a friend who stopped.') }))
    await store.works.importRescued(anImport({ title: 'Crossing', fandoms: tags('Smallville', 'Due South'), freeforms: tags('Fluff'), chapters: text('Snow on the lighthouse and the bridge alike.') }))
    // The index is built at start: the works above are in it, and later imports arrive by refresh.
    app = await buildApp({ store, logger: false })
  })
  afterEach(async () => {
    await app.close()
    await store.destroy()
  })

  const list = async (query: string): Promise<Listing> => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/works${query}` })
    expect(response.statusCode).toBe(200)
    return response.json<Listing>()
  }

  it('lists every work with exact counts beside each fandom and tag', async () => {
    const all = await list('')
    expect(all.total).toBe(3)
    expect(all.facets['fandom']).toEqual(expect.arrayContaining([{ tag: 'Smallville', count: 2 }, { tag: 'Due South', count: 2 }]))
    expect(all.facets['freeform']).toEqual(expect.arrayContaining([{ tag: 'Angst', count: 2 }, { tag: 'Fluff', count: 1 }]))
  })

  it('includes and excludes tags, and the counts follow the result', async () => {
    const result = await list('?include=Smallville&exclude=Fluff')
    expect(result.works.map((w) => w.title)).toEqual(['Bridge'])
    expect(result.facets['freeform']).toEqual(expect.arrayContaining([{ tag: 'Hurt/Comfort', count: 1 }]))
    expect(result.works[0]?.rating).toBe('General Audiences')
  })

  it('filters by the story text and by crossover', async () => {
    expect((await list('?q=bridge')).works.map((w) => w.title).sort()).toEqual(['Bridge', 'Crossing'])
    // The text, not the title: "Lighthouse" is only a title, the word is in Crossing's text.
    expect((await list('?q=lighthouse')).works.map((w) => w.title)).toEqual(['Crossing'])
    expect((await list('?crossover=only')).works.map((w) => w.title)).toEqual(['Crossing'])
  })

  it('sees a work imported after it started', async () => {
    await store.works.importRescued(anImport({ title: 'Later', fandoms: tags('Smallville') }))
    expect((await list('?include=Smallville')).total).toBe(3)
  })

  it('names an unknown tag instead of failing', async () => {
    const result = await list('?include=No%20Such%20Fandom')
    expect(result.total).toBe(0)
    expect(result.unknownTags).toEqual(['No Such Fandom'])
  })

  it('answers bad parameters with 400 and a message, never a server error', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `include=t${String(i)}`).join('&')
    for (const query of ['?page=-3', '?words_min=lots', '?updated_after=2004-13-45', `?${many}`, '?sort=sideways']) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/works${query}` })
      expect(response.statusCode, query.slice(0, 40)).toBe(400)
      expect(response.json<{ message: string }>().message.length).toBeGreaterThan(10)
    }
  })

  it('gives one work whole, with AO3 names, its tags by kind and its chapters', async () => {
    const { workId } = await store.works.importRescued(
      anImport({ title: 'Harbour', fandoms: tags('Due South'), contentNotices: [{ topic: 'suicide', line: 3 }], chapters: text('Fog over the water.') }),
    )
    const response = await app.inject({ method: 'GET', url: `/api/v1/works/${workId}` })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      id: workId,
      title: 'Harbour',
      rating: 'Teen And Up Audiences',
      tags: { fandom: ['Due South'], rating: ['Teen And Up Audiences'] },
      contentNotices: ['suicide'],
      chapters: [{ position: 1, title: null, sections: [{ kind: 'paragraph', text: 'Fog over the water.' }] }],
    })
    for (const id of ['01ARZ3NDEKTSV4RRFFQ69G5FAV', 'not-a-work']) {
      const missing = await app.inject({ method: 'GET', url: `/api/v1/works/${id}` })
      expect(missing.statusCode, id).toBe(404)
    }
  })

  it('searches inside the story text, with the matching chapter and the match marked', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/search?q=%22bridge%20at%20dusk%22' })
    expect(response.statusCode).toBe(200)
    const body = response.json<{ total: number; results: Array<{ work: { title: string }; chapter: number; snippet: Array<{ text: string; match: boolean }> }> }>()
    expect(body.total).toBe(1)
    expect(body.results[0]?.work.title).toBe('Bridge')
    expect(body.results[0]?.chapter).toBe(1)
    const marked = body.results[0]?.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase()).join(' ')
    expect(marked).toContain('bridge')
    expect(marked).toContain('dusk')
  })

  it('reads an unbalanced quote as a phrase to the end, and refuses a query with nothing to find', async () => {
    const unbalanced = await app.inject({ method: 'GET', url: '/api/v1/search?q=%22at%20dusk' })
    expect(unbalanced.statusCode).toBe(200)
    expect(unbalanced.json<{ total: number }>().total).toBe(1)
    for (const q of ['-', '*', '', '%22%22', '-bridge']) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/search?q=${q}` })
      expect(response.statusCode, q).toBe(400)
      expect(response.json<{ message: string }>().message.length, q).toBeGreaterThan(5)
    }
  })
})
