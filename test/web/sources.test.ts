import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { aRescuedWork } from '../support/a-work.js'
import { TEST_DIALECTS } from '../support/test-store.js'
import { openReadingApp, type ReadingApp } from './reading-app.js'

// Windows-1252 bytes that are not valid UTF-8 ("café" with a 0xE9), and a name with a quote.
const LEGACY_BYTES = Uint8Array.from([
  ...Buffer.from('Title: Caf'),
  0xe9,
  ...Buffer.from('\r\n<b>x</b>\r\n'),
])

describe.each(TEST_DIALECTS)('the original files of a rescued work on %s', (dialect) => {
  let reading: ReadingApp
  beforeEach(async () => {
    reading = await openReadingApp(dialect)
  })
  afterEach(async () => {
    await reading.close()
  })

  it('gives the file back byte for byte, as a download that never renders in the page', async () => {
    const id = await reading.importWork({
      bytes: LEGACY_BYTES,
      fileName: 'old-site/café "best".txt',
      source: { encoding: 'windows-1252', encodingConfidence: 0.8 },
    })
    const page = await reading.page(`/works/${id}`)
    expect(page).toContain('<dt>Original file:</dt>')
    const href = /<a href="(\/works\/[^"]+\/sources\/\d+)" download="">/u.exec(page)?.[1] ?? ''
    for (const url of [`/works/${id}/source`, href]) {
      const response = await reading.app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(200)
      expect(Buffer.compare(response.rawPayload, Buffer.from(LEGACY_BYTES))).toBe(0)
      expect(response.headers['content-type']).toBe('text/plain; charset=windows-1252')
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="caf_ _best_.txt"; filename*=UTF-8''caf%C3%A9%20%22best%22.txt`,
      )
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['content-security-policy']).toContain('sandbox')
    }
  })

  it('lists the files when a work was made from several', async () => {
    const id = await reading.importWork({ fileName: 'first.txt' })
    const rescued = aRescuedWork()
    // The same work imported from a second file: only the store can link it, so link it there.
    const second = await reading.store.works.importRescued({
      rescued,
      bytes: new TextEncoder().encode('second file'),
      fileName: 'second.txt',
    })
    await reading.store.db
      .updateTable('sources')
      .set({ work_id: id })
      .where('sha256', '=', second.sha256)
      .execute()
    const list = await reading.page(`/works/${id}/source`)
    expect(list).toContain('<h1>Original files of Stepping Back</h1>')
    expect(list).toContain('>first.txt</a>')
    expect(list).toContain('>second.txt</a>')
  })

  it("sends a reader who has not yet met a work's notice to the work first", async () => {
    const id = await reading.importWork({ contentNotices: [{ topic: 'self-harm', line: 3 }] })
    const response = await reading.app.inject({ method: 'GET', url: `/works/${id}/source` })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe(`/works/${id}`)
  })

  it("answers a source that is not this work's with a 404 page", async () => {
    const id = await reading.importWork()
    const response = await reading.app.inject({ method: 'GET', url: `/works/${id}/sources/999999` })
    expect(response.statusCode).toBe(404)
    expect(response.body).toContain('<h1>Not found</h1>')
  })
})
