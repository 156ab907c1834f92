import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/web/app.js'
import { anImport } from '../support/a-work.js'
import { openTestStore, type TestStore } from '../support/test-store.js'

type Parameter = { name: string; in: string; required?: boolean; schema?: unknown }
type Operation = {
  summary?: string
  parameters?: Parameter[]
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>
}
type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; required?: string[] }
type OpenApi = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> }

// The document describes the API, not the database, so one (SQLite) store is enough.
describe('the OpenAPI document', () => {
  let store: TestStore
  let app: FastifyInstance
  let doc: OpenApi
  beforeAll(async () => {
    store = await openTestStore('sqlite')
    app = await buildApp({ store, logger: false })
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/u)
    doc = JSON.parse(response.body) as OpenApi
  })
  afterAll(async () => {
    await app.close()
    await store.destroy()
  })

  const operation = (path: string): Operation => {
    const found = doc.paths[path]?.['get']
    if (found === undefined) throw new Error(`no GET ${path} in ${Object.keys(doc.paths).join(', ')}`)
    return found
  }
  const parameterNames = (path: string, place: string) =>
    (operation(path).parameters ?? []).filter((parameter) => parameter.in === place).map((parameter) => parameter.name)
  const okSchema = (path: string): JsonSchema => {
    const schema = operation(path).responses['200']?.content?.['application/json']?.schema
    if (schema === undefined) throw new Error(`GET ${path} has no 200 JSON schema`)
    return schema
  }

  it('is OpenAPI 3 with a title and version', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/u)
    expect(doc.info).toMatchObject({ title: 'Quire', version: '1' })
  })

  it('lists the JSON API and nothing else: no pages, feeds or the document itself', () => {
    const paths = Object.keys(doc.paths)
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/works', '/api/v1/works/{workId}', '/api/v1/search', '/api/v1/creators/{name}']))
    expect(paths.filter((path) => !path.startsWith('/api/v1/'))).toEqual([])
    expect(paths).not.toContain('/api/v1/openapi.json')
  })

  it("describes the listing's filter parameters and its answer", () => {
    expect(parameterNames('/api/v1/works', 'query')).toEqual(
      expect.arrayContaining(['include', 'exclude', 'rating', 'warning', 'category', 'crossover', 'complete', 'language', 'words_min', 'words_max', 'updated_after', 'updated_before', 'q', 'sort', 'page']),
    )
    const listing = okSchema('/api/v1/works')
    expect(Object.keys(listing.properties ?? {})).toEqual(expect.arrayContaining(['total', 'page', 'pageCount', 'works', 'facets', 'unknownTags']))
    expect(Object.keys(listing.properties?.['works']?.items?.properties ?? {})).toEqual(expect.arrayContaining(['id', 'title', 'creators', 'rating']))
    expect(operation('/api/v1/works').responses['400']).toBeDefined()
  })

  it('describes path parameters as required, and the search query', () => {
    const workId = operation('/api/v1/works/{workId}').parameters?.find((parameter) => parameter.name === 'workId')
    expect(workId).toMatchObject({ in: 'path', required: true })
    expect(operation('/api/v1/works/{workId}').responses['404']).toBeDefined()
    expect(Object.keys(okSchema('/api/v1/works/{workId}').properties ?? {})).toEqual(expect.arrayContaining(['chapters', 'contentNotices', 'tags']))
    const q = operation('/api/v1/search').parameters?.find((parameter) => parameter.name === 'q')
    expect(q).toMatchObject({ in: 'query', required: true })
    expect(parameterNames('/api/v1/creators/{name}', 'query')).toEqual(expect.arrayContaining(['after', 'before']))
  })

  it('answers as it describes: a listing serialised through its schema keeps every field', async () => {
    await store.works.importRescued(anImport({ title: 'Bridge', creators: ['Jen'] }))
    const response = await app.inject({ method: 'GET', url: '/api/v1/works' })
    const body = response.json<{ works: Array<Record<string, unknown>> }>()
    const described = Object.keys(okSchema('/api/v1/works').properties?.['works']?.items?.properties ?? {})
    expect(Object.keys(body.works[0] ?? {}).sort()).toEqual([...described].sort())
    expect(body.works[0]).toMatchObject({ title: 'Bridge', creators: ['Jen'], rating: 'Teen And Up Audiences' })
  })
})
