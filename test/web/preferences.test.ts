import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_DIALECTS } from '../support/test-store.js'
import { openReadingApp, type ReadingApp } from './reading-app.js'

describe.each(TEST_DIALECTS)('reading settings on %s', (dialect) => {
  let reading: ReadingApp
  beforeEach(async () => {
    reading = await openReadingApp(dialect)
  })
  afterEach(async () => {
    await reading.close()
  })

  it('offers theme and text size in a form that needs no JavaScript on every page', async () => {
    const body = await reading.page('/')
    expect(body).toContain('<form class="reader-settings" method="get" action="/preferences"')
    expect(body).toContain('<label for="reader-theme">Theme</label>')
    expect(body).toContain('<label for="reader-size">Text size</label>')
    expect(body).toContain('<input type="hidden" name="return" value="/"/>')
  })

  it('saves the choice in year-long cookies and goes back to the page the reader was on', async () => {
    const id = await reading.importWork()
    const response = await reading.app.inject({
      method: 'GET',
      url: `/preferences?theme=dark&size=larger&return=${encodeURIComponent(`/works/${id}`)}`,
    })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe(`/works/${id}`)
    const cookies = [response.headers['set-cookie']].flat().join('\n')
    expect(cookies).toMatch(/quire_theme=dark; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/u)
    expect(cookies).toContain('quire_size=larger')
  })

  it('never sends the reader to another site, and refuses an unknown theme', async () => {
    for (const target of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const response = await reading.app.inject({
        method: 'GET',
        url: `/preferences?theme=light&return=${encodeURIComponent(target)}`,
      })
      expect(response.headers.location).toBe('/')
    }
    const bad = await reading.app.inject({ method: 'GET', url: '/preferences?theme=neon' })
    expect(bad.statusCode).toBe(400)
  })
})
