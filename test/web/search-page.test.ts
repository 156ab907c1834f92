import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/web/app.js'
import { aChapterDraft, anImport } from '../support/a-work.js'
import { openTestStore, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

const paragraph = (text: string) => aChapterDraft({ sections: [{ kind: 'paragraph', text }] })

describe.each(TEST_DIALECTS)('the search page on %s', (dialect) => {
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

  it('finds a phrase in the story text and links straight to the chapter it is in', async () => {
    const { workId } = await store.works.importRescued(
      anImport({ title: 'Two Rivers', chapters: [paragraph('The ferry left at noon.'), paragraph('Rain & <mist> on the stone bridge all night.')] }),
    )
    const response = await app.inject({ method: 'GET', url: '/search?q=%22stone%20bridge%22' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('1 work matches')
    expect(response.body).toContain(`href="/works/${workId}/chapters/2"`)
    // SQLite marks the phrase as one run, PostgreSQL word by word.
    expect(response.body).toMatch(/<mark>stone( bridge)?<\/mark>/iu)
    expect(response.body).toContain('Rain &amp; ')
    // PostgreSQL's ts_headline drops what looks like a tag; SQLite keeps it, escaped.
    expect(response.body).not.toContain('<mist>')
  })

  it('shows only the form before a search, and names a query with nothing to find', async () => {
    const empty = await app.inject({ method: 'GET', url: '/search' })
    expect(empty.statusCode).toBe(200)
    expect(empty.body).not.toContain('matches')
    const bad = await app.inject({ method: 'GET', url: '/search?q=-' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('<h1')
  })
})
