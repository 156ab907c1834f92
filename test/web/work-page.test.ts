import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTagName } from '../../src/domain/tag.js'
import { aChapterDraft } from '../support/a-work.js'
import { TEST_DIALECTS } from '../support/test-store.js'
import { openReadingApp, type ReadingApp } from './reading-app.js'

const threeChapters = [
  aChapterDraft({ title: 'The Bridge', sections: [{ kind: 'paragraph', text: 'First words.' }] }),
  aChapterDraft({ title: null, sections: [{ kind: 'paragraph', text: 'Middle words.' }] }),
  aChapterDraft({ title: 'After', sections: [{ kind: 'paragraph', text: 'Last words.' }] }),
]

describe.each(TEST_DIALECTS)('the work page on %s', (dialect) => {
  let reading: ReadingApp
  beforeEach(async () => {
    reading = await openReadingApp(dialect)
  })
  afterEach(async () => {
    await reading.close()
  })

  it('shows the preface as AO3 readers know it: tags, language, stats, summary, notes, disclaimer', async () => {
    const id = await reading.importWork({
      creators: ['Jen', 'Kit'],
      complete: false,
      wordCount: 12345,
    })
    const body = await reading.page(`/works/${id}`)
    expect(body).toContain('<dt>Rating:</dt>')
    expect(body).toContain('>Teen And Up Audiences</a>')
    expect(body).toContain('<dt>Archive Warning:</dt>')
    expect(body).toContain('>Creator Chose Not To Use Archive Warnings</a>')
    expect(body).toContain('<dt>Category:</dt>')
    expect(body).toContain('<a class="tag" href="/tags/Smallville/works">Smallville</a>')
    expect(body).toContain(
      '<a class="tag" href="/tags/Chloe%20*a*%20Lex/works">Chloe &amp; Lex</a>',
    )
    expect(body).toContain('<dt>Characters:</dt>')
    expect(body).toContain('<dt>Additional Tags:</dt>')
    expect(body).toMatch(/<dt>Language:<\/dt>\s*<dd>English<\/dd>/u)
    expect(body).toMatch(/<dt>Published:<\/dt>\s*<dd>2004-05-01<\/dd>/u)
    expect(body).toMatch(/<dt>Words:<\/dt>\s*<dd>12,345<\/dd>/u)
    expect(body).toMatch(/<dt>Chapters:<\/dt>\s*<dd>1\/\?<\/dd>/u)
    expect(body).toContain('<h1>Stepping Back</h1>')
    expect(body).toMatch(/by <a rel="author" href="\/creators\/Jen">Jen<\/a>, <a rel="author" href="\/creators\/Kit">Kit<\/a>/u)
    expect(body).toContain('Chloe and Lex, after.')
    expect(body).toContain('Thanks to my beta.')
    expect(body).toContain('I don&#39;t own Smallville.')
  })

  it('links a tag holding / & . ? # or another script to a path that keeps it in one segment', async () => {
    const fandoms = ['Kirk/Spock', 'Mr. & Mrs. Smith?', 'C#', '東方Project'].map(makeTagName)
    const id = await reading.importWork({ fandoms })
    const body = await reading.page(`/works/${id}`)
    const hrefs = [...body.matchAll(/href="(\/tags\/[^"]+)"/gu)].map((match) => match[1])
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/tags/Kirk*s*Spock/works',
        '/tags/Mr*d*%20*a*%20Mrs*d*%20Smith*q*/works',
        '/tags/C*h*/works',
        `/tags/${encodeURIComponent('東方Project')}/works`,
      ]),
    )
    for (const href of hrefs) expect(href?.split('/')).toHaveLength(4)
  })

  it('renders each kind of section with its own element, and escapes the text in all of them', async () => {
    const sections = [
      { kind: 'paragraph', text: 'A <script>alert(1)</script> paragraph.' },
      { kind: 'break', text: '~o~' },
      { kind: 'verse', text: 'The angry boy\n<b>a bit</b> too insane' },
      { kind: 'heading', text: "Lex's PoV" },
      { kind: 'note', text: 'A/N: thanks & <i>more</i>' },
    ] as const
    const id = await reading.importWork({
      title: '<script>alert("title")</script>',
      chapters: [aChapterDraft({ sections })],
    })
    const body = await reading.page(`/works/${id}`)
    expect(body).toContain('<p>A &lt;script>alert(1)&lt;/script> paragraph.</p>')
    expect(body).toContain('<div class="scene-break" role="separator">~o~</div>')
    expect(body).toContain('<p class="verse">The angry boy<br />&lt;b>a bit&lt;/b> too insane</p>')
    expect(body).toContain('<h3>Lex&#39;s PoV</h3>')
    expect(body).toContain('<aside class="note"><p>A/N: thanks &amp; &lt;i>more&lt;/i></p></aside>')
    expect(body).toContain('<h1>&lt;script>alert(&#34;title&#34;)&lt;/script></h1>')
    expect(body).not.toMatch(/<script>alert/u)
    expect(body).not.toContain('<b>a bit')
  })

  it('shows the markup a rescued page kept, stored and read back, with no e-mail address in it', async () => {
    const sections = [
      { kind: 'paragraph', text: 'She had never said it.', html: 'She had <i>never</i> said it.' },
      { kind: 'verse', text: 'One line\nTwo lines', html: '<em>One line</em><br /><em>Two lines</em>' },
      { kind: 'paragraph', text: 'Write to me.', html: 'Write to <b>me</b> at ink@example.org.' },
    ] as const
    const id = await reading.importWork({ chapters: [aChapterDraft({ sections })] })
    const body = await reading.page(`/works/${id}`)
    expect(body).toContain('<p>She had <i>never</i> said it.</p>')
    expect(body).toContain('<p class="verse"><em>One line</em><br /><em>Two lines</em></p>')
    expect(body).toContain('<p>Write to <b>me</b>.</p>')
    const api = JSON.parse(await reading.page(`/api/v1/works/${id}`)) as { chapters: { sections: unknown[] }[] }
    expect(api.chapters[0]?.sections[0]).toEqual(sections[0])
  })

  it('keeps headings in order: the title, then the chapter, then headings in the text', async () => {
    const id = await reading.importWork({
      chapters: [aChapterDraft({ sections: [{ kind: 'heading', text: 'PoV' }] })],
    })
    const body = await reading.page(`/works/${id}`)
    const levels = [...body.matchAll(/<h([1-6])[ >]/gu)].map((match) => Number(match[1]))
    expect(levels[0]).toBe(1)
    for (let i = 1; i < levels.length; i++) {
      expect((levels[i] ?? 0) - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1)
    }
  })

  it('shows chapter 1 first and leads from chapter to chapter, with an index', async () => {
    const id = await reading.importWork({ chapters: threeChapters })
    const first = await reading.page(`/works/${id}`)
    expect(first).toContain('First words.')
    expect(first).not.toContain('Middle words.')
    expect(first).toContain(`href="/works/${id}/chapters/2" rel="next"`)
    expect(first).not.toContain('rel="prev"')
    expect(first).toContain('<summary>Chapter index</summary>')
    expect(first).toContain(`<a href="/works/${id}/chapters/3">Chapter 3: After</a>`)

    const second = await reading.page(`/works/${id}/chapters/2`)
    expect(second).toContain('<h2 id="chapter-2-heading">Chapter 2</h2>')
    expect(second).toContain('Middle words.')
    expect(second).not.toContain('First words.')
    expect(second).toContain(`href="/works/${id}/chapters/1" rel="prev"`)
    expect(second).toContain(`href="/works/${id}/chapters/3" rel="next"`)
    expect(second).toContain('aria-current="page"')

    const last = await reading.page(`/works/${id}/chapters/3`)
    expect(last).toContain('Last words.')
    expect(last).not.toContain('rel="next"')
  })

  it('shows the entire work on one page, with the end notes after the last chapter', async () => {
    const id = await reading.importWork({
      chapters: threeChapters,
      notes: { beginning: null, end: 'Thank you for reading.' },
    })
    const first = await reading.page(`/works/${id}`)
    expect(first).toContain(`href="/works/${id}?view_full_work=true"`)
    expect(first).not.toContain('Thank you for reading.')
    expect(first).toContain(`href="/works/${id}/chapters/3#work-end-notes"`)

    const entire = await reading.page(`/works/${id}?view_full_work=true`)
    const order = ['First words.', 'Middle words.', 'Last words.', 'Thank you for reading.']
    const at = order.map((text) => entire.indexOf(text))
    expect(at.every((index) => index > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(entire).toContain('Chapter by chapter')
  })

  it('answers an unknown work, a missing chapter and a malformed id with a 404 page', async () => {
    const id = await reading.importWork()
    for (const url of [
      '/works/01ARZ3NDEKTSV4RRFFQ69G5FAV',
      `/works/${id}/chapters/2`,
      '/works/not-a-work',
      '/works/01arz3ndektsv4rrffq69g5fav',
      `/works/${id}/chapters/0`,
    ]) {
      const response = await reading.app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(404)
      expect(response.headers['content-type']).toContain('text/html')
      expect(response.body).toContain('<h1>Not found</h1>')
    }
  })

  it('never shows an e-mail address, wherever the work holds one', async () => {
    const id = await reading.importWork({
      summary: 'Write to me at jen@example.com!',
      notes: { beginning: 'Feedback: <kit@example.org>', end: 'mailto:jen@example.com' },
      disclaimer: 'Mine (jen.smith@example.co.uk).',
      chapters: [aChapterDraft({ sections: [{ kind: 'note', text: 'Mail lex@luthorcorp.com' }] })],
    })
    const body = await reading.page(`/works/${id}?view_full_work=true`)
    expect(body).not.toMatch(/@example|@luthorcorp/u)
    expect(body).toContain('Write to me!')
  })

  it('carries the theme and text size the reader chose into the page', async () => {
    const id = await reading.importWork()
    const body = await reading.page(`/works/${id}`, {
      cookie: 'quire_theme=dark; quire_size=large',
    })
    expect(body).toContain('<html lang="en" data-theme="dark" data-size="large">')
    expect(body).toContain('<option value="dark" selected>Dark</option>')
  })
})
