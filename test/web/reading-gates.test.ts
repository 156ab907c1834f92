import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import { aChapterDraft } from '../support/a-work.js'
import { REFERENCE_STORY } from '../support/run-quire.js'
import { TEST_DIALECTS } from '../support/test-store.js'
import { openReadingApp, type ReadingApp } from './reading-app.js'

const TEXT = 'Chloe looked out over the fields.'
const AO3_ADULT_QUESTION =
  'This work could have adult content. If you proceed you have agreed that you are willing to see such content.'
const suicideNotice = [{ topic: 'suicide', line: 9 }] as const

/** The cookies a response sets, as a Cookie header would send them back. */
function cookiesFrom(setCookie: string | string[] | undefined): string {
  const all = setCookie === undefined ? [] : [setCookie].flat()
  return all.map((cookie) => cookie.split(';')[0]).join('; ')
}

describe.each(TEST_DIALECTS)('what a reader sees before the text on %s', (dialect) => {
  let reading: ReadingApp
  beforeEach(async () => {
    reading = await openReadingApp(dialect)
  })
  afterEach(async () => {
    await reading.close()
  })

  /** A notice page as a new browser meets it: its "Proceed" link, and the cookie it was given. */
  async function openGate(url: string): Promise<{ proceed: string; cookie: string }> {
    const gate = await reading.app.inject({ method: 'GET', url })
    const proceed = /<a class="button primary" href="([^"]+)">Proceed<\/a>/u.exec(gate.body)?.[1] ?? ''
    return { proceed: proceed.replaceAll('&amp;', '&'), cookie: cookiesFrom(gate.headers['set-cookie']) }
  }

  it('asks once before a Mature or Explicit work, with AO3 words, and shows no text first', async () => {
    for (const rating of ['mature', 'explicit'] as const) {
      const id = await reading.importWork({ rating })
      const gate = await reading.page(`/works/${id}`)
      expect(gate).toContain(AO3_ADULT_QUESTION)
      expect(gate).toContain(`href="/works/${id}?view_adult=true">`)
      expect(gate).toContain('>Go back<')
      expect(gate).not.toContain(TEXT)
      expect(gate).not.toContain('Chloe and Lex, after.')

      const proceed = await reading.app.inject({
        method: 'GET',
        url: `/works/${id}?view_adult=true`,
      })
      expect(proceed.body).toContain(TEXT)
      // Remembered for the session, for this work and others, as AO3 does.
      const other = await reading.importWork({ rating })
      const cookie = cookiesFrom(proceed.headers['set-cookie'])
      expect(await reading.page(`/works/${other}/chapters/1`, { cookie })).toContain(TEXT)
    }
  })

  it('lets General and Teen works through without asking', async () => {
    const id = await reading.importWork({ rating: 'general' })
    expect(await reading.page(`/works/${id}`)).toContain(TEXT)
  })

  it('names what a noticed work deals with, gently, and holds back its text, notes and summary', async () => {
    const id = await reading.importWork({
      contentNotices: suicideNotice,
      summary: 'A summary that may hold detail.',
      notes: { beginning: 'Notes that may hold detail.', end: 'End notes.' },
    })
    for (const url of [
      `/works/${id}`,
      `/works/${id}/chapters/1`,
      `/works/${id}?view_full_work=true`,
    ]) {
      const gate = await reading.page(url, { 'accept-language': 'en-GB,en;q=0.8' })
      expect(gate).toContain('This work deals with suicide.')
      expect(gate).toContain('>Proceed<')
      expect(gate).toContain('>Go back<')
      for (const held of [TEXT, 'may hold detail', 'End notes.']) expect(gate).not.toContain(held)
    }
    const both = await reading.importWork({
      contentNotices: [...suicideNotice, { topic: 'self-harm', line: 9 }],
    })
    expect(await reading.page(`/works/${both}`)).toContain(
      'This work deals with suicide and self-harm.',
    )
  })

  it('shows the text once the reader chooses to go on, and remembers it for that work only', async () => {
    const id = await reading.importWork({ contentNotices: suicideNotice })
    const { proceed, cookie } = await openGate(`/works/${id}`)
    expect(proceed).toMatch(new RegExp(`^/works/${id}\\?view_notice=[A-Za-z0-9_-]{16}$`, 'u'))
    const accepted = await reading.app.inject({ method: 'GET', url: proceed, headers: { cookie } })
    expect(accepted.body).toContain(TEXT)
    const remembered = cookiesFrom(accepted.headers['set-cookie'])
    expect(accepted.headers['set-cookie']).toContain(`Path=/works/${id}`)
    expect(await reading.page(`/works/${id}/chapters/1`, { cookie: `${cookie}; ${remembered}` })).toContain(TEXT)
  })

  it('shows the notice, not the text, to a reader who follows a shared "Proceed" link', async () => {
    const id = await reading.importWork({ contentNotices: suicideNotice })
    const { proceed } = await openGate(`/works/${id}`)
    // Someone else's browser: no token of its own, or another one.
    const stranger = await reading.app.inject({ method: 'GET', url: proceed })
    expect(stranger.body).toContain('This work deals with suicide.')
    expect(stranger.body).not.toContain(TEXT)
    const other = await openGate(`/works/${id}/chapters/1`)
    const mixed = await reading.page(proceed, { cookie: other.cookie })
    expect(mixed).toContain('This work deals with suicide.')
    expect(mixed).not.toContain(TEXT)
    expect(await reading.page(`/works/${id}?view_notice=accepted`)).not.toContain(TEXT)
  })

  it('asks both questions on one page for a Mature work with a notice', async () => {
    const id = await reading.importWork({ rating: 'mature', contentNotices: suicideNotice })
    const gate = await reading.page(`/works/${id}?view_full_work=true`)
    expect(gate).toContain(AO3_ADULT_QUESTION)
    expect(gate).toContain('This work deals with suicide.')
    expect(gate).toMatch(
      new RegExp(`href="/works/${id}\\?view_full_work=true&view_adult=true&view_notice=[A-Za-z0-9_-]{16}">Proceed`, 'u'),
    )
  })

  it("gives crisis lines for the reader's country: Samaritans for en-GB, 988 for en-US", async () => {
    const id = await reading.importWork({ contentNotices: suicideNotice })
    const uk = await reading.page(`/works/${id}`, { 'accept-language': 'en-GB,en;q=0.9' })
    expect(uk).toContain('<h3>United Kingdom</h3>')
    expect(uk).toContain('<strong>Samaritans</strong>')
    expect(uk).toContain('<a href="tel:116123">116 123</a>')
    expect(uk).toContain('<a href="sms:85258?body=SHOUT">85258</a>')
    expect(uk).toContain('Hours: 24/7')
    expect(uk).toMatch(/Source: <a href="https:\/\/samaritans\.org\/[^"]+">samaritans\.org<\/a>/u)
    expect(uk).toContain('Anywhere in the world')
    expect(uk).toContain('href="https://findahelpline.com"')

    const us = await reading.page(`/works/${id}`, { 'accept-language': 'en-US' })
    expect(us).toContain('<a href="tel:988">988</a>')
    expect(us).toContain('<a href="sms:988">988</a>')
    expect(us).not.toContain('116 123')
  })

  it('lets the reader pick another country with a form that works without JavaScript', async () => {
    const id = await reading.importWork({ contentNotices: suicideNotice })
    const unknown = await reading.page(`/works/${id}?view_full_work=true`, {
      'accept-language': 'en',
    })
    expect(unknown).toContain(`<form class="country-picker" method="get" action="/works/${id}">`)
    expect(unknown).toContain('<label for="country">Show services in</label>')
    expect(unknown).toContain('<option value="">Choose a country</option>')
    expect(unknown).toContain('<input type="hidden" name="view_full_work" value="true"/>')

    const picked = await reading.page(`/works/${id}?view_full_work=true&country=au`, {
      'accept-language': 'en-US',
    })
    expect(picked).toContain('<h3>Australia</h3>')
    expect(picked).toContain('<option value="AU" selected>Australia</option>')
    expect(picked).toContain('>13 11 14</a>')
    expect(picked).not.toContain('>988</a>')
    expect(picked).not.toContain(TEXT)
  })

  it('meets the reference story with its suicide notice and crisis lines before any of its text', async () => {
    const bytes = await readFile(REFERENCE_STORY)
    const rescued = rescuePlainText(bytes, 'stepping-back.txt')
    const { workId } = await reading.store.works.importRescued({
      rescued,
      bytes,
      fileName: 'stepping-back.txt',
    })
    const gate = await reading.page(`/works/${workId}`, { 'accept-language': 'en-GB' })
    expect(gate).toContain('<h1>Stepping Back</h1>')
    expect(gate).toContain('This work deals with suicide.')
    expect(gate).toContain('Samaritans')
    for (const text of ['Loeb Bridge', 'The angry boy', 'I understand how bleak things look']) {
      expect(gate).not.toContain(text)
    }
    const { proceed, cookie } = await openGate(`/works/${workId}`)
    const story = await reading.page(proceed, { cookie })
    expect(story).toContain('Loeb Bridge')
    expect(story).toContain('<p class="verse">The angry boy')
  })
})
