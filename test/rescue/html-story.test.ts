import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { RescueError } from '../../src/domain/errors.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import { htmlToText, looksLikeHtml } from '../../src/rescue/html-to-text.js'
import { rescueText, sectionKinds, sectionsOf } from './rescue-text.js'

// A page as old personal archives wrote them by hand: header fields as bold labels in
// paragraphs and a table, a site menu, lyrics centred with <br>, <hr> scene breaks, entities.
const PAGE = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><title>Harbour Lights - My Fic Archive</title>
<style>body { background: #000080 }</style><script>var counter = 1;</script></head>
<body bgcolor="#000080">
<p align="center"><a href="index.html">Back to index</a> | <a href="next.html">Next</a></p>
<p><b>Title:</b> Harbour Lights<br>
<b>Author:</b> Wren Adair<br>
<b>Rating:</b> PG-13<br>
<b>Pairing:</b> Clark/Lois</p>
<table><tr><td><b>Disclaimer:</b></td><td>Smallville belongs to people who are not me.</td></tr></table>
<p><b>Summary:</b> Lois waits for the ferry &amp; thinks about what she didn&#8217;t say.</p>
<hr>
<p>The ferry was late again, and Lois had counted the lights along the harbour wall twice
before she admitted she was not counting lights at all.</p>
<center><i>And the lights go down on the water<br>
And the boats come home one by one<br>
And I wait where the pier meets the dark</i></center>
<p>She turned up her collar. Somewhere behind her, a door opened and closed, and she did not
look round, because she knew the footsteps.</p>
<hr>
<p>&quot;You came,&quot; she said, and Clark only nodded, and the ferry sounded its horn.</p>
<p align="center">~ The End ~</p>
<p><a href="index.html">Back to index</a></p>
</body></html>`

describe('an HTML page', () => {
  it('is told from a text file by its markup, not only by its name', () => {
    expect(looksLikeHtml(PAGE, 'story.txt')).toBe(true)
    expect(looksLikeHtml('<p>One</p>\n<p>Two</p>', 'story.htm')).toBe(true)
    expect(looksLikeHtml('Title: Tags\n\nShe typed <b> into the box and laughed.\n', 'story.txt')).toBe(false)
  })

  it('reads as the text its reader saw: blocks, <br> lines, <hr> breaks, no script or menu', () => {
    const text = htmlToText(PAGE)
    expect(text).toContain('Title: Harbour Lights\nAuthor: Wren Adair\nRating: PG-13\nPairing: Clark/Lois')
    expect(text).toContain("Lois waits for the ferry & thinks about what she didn\u2019t say.")
    expect(text).toContain('And the lights go down on the water\nAnd the boats come home one by one\n')
    expect(text).toContain('\n* * *\n')
    for (const gone of ['Back to index', 'counter', 'background', 'My Fic Archive']) expect(text).not.toContain(gone)
  })

  it('becomes a work with its header fields, verse, breaks and end marker', () => {
    const rescued = rescueText(PAGE, 'harbour.html')
    const { work } = rescued
    expect(rescued.report.format).toBe('html')
    expect(work.title).toBe('Harbour Lights')
    expect(work.creators).toEqual(['Wren Adair'])
    expect(work.rating).toBe('teen')
    expect(work.ratingOriginal).toBe('PG-13')
    expect(work.fandoms).toEqual(['Smallville'])
    expect(work.relationships).toEqual([expect.objectContaining({ name: 'Clark/Lois', platonic: false })])
    expect(work.summary).toBe("Lois waits for the ferry & thinks about what she didn\u2019t say.")
    expect(work.complete).toBe(true)
    expect(sectionsOf(rescued, 'verse')).toEqual([
      'And the lights go down on the water\nAnd the boats come home one by one\nAnd I wait where the pier meets the dark',
    ])
    expect(sectionKinds(rescued)).toEqual(['paragraph', 'verse', 'paragraph', 'break', 'paragraph'])
    // The words are plain text; the lyric's italics ride beside them as sanitised markup.
    const plain = { ...work, chapters: work.chapters.map((chapter) => chapter.sections.map((section) => section.text)) }
    expect(JSON.stringify(plain)).not.toMatch(/<[a-z]|Back to index|&amp;/u)
    const verse = work.chapters[0]?.sections.find((section) => section.kind === 'verse')
    expect(verse?.html).toBe(
      '<i>And the lights go down on the water</i><br /><i>And the boats come home one by one</i><br />' +
        '<i>And I wait where the pier meets the dark</i>',
    )
  })

  it('is decoded as its <meta charset> says, when its bytes are not UTF-8', () => {
    const page = (charset: string, body: string) =>
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body>` +
      `<p><b>Title:</b> ${body.slice(0, 12)}</p><hr><p>${body}</p><p>${body}</p></body></html>`
    const russian = 'Она долго смотрела на огни гавани и молчала, потому что знала эти шаги.'
    const cyrillic = rescuePlainText(iconv.encode(page('windows-1251', russian), 'windows-1251'), 'ru.html')
    expect(cyrillic.source.encoding).toBe('windows-1251')
    expect(cyrillic.work.chapters[0]?.sections[0]?.text).toBe(russian)
    const japanese = '彼女は港の灯りを長いあいだ見つめていた。その足音を知っていたから、振り返らなかった。'
    const sjis = rescuePlainText(iconv.encode(page('Shift_JIS', japanese), 'Shift_JIS'), 'ja.htm')
    expect(sjis.source.encoding).toBe('Shift_JIS')
    expect(sjis.work.chapters[0]?.sections[0]?.text).toBe(japanese)
    // Old editors said ISO-8859-1 for what was windows-1252: 0x92 is a curly apostrophe.
    const western = rescuePlainText(iconv.encode(page('iso-8859-1', 'She didn\u2019t look round, because she knew the footsteps on the pier.'), 'windows-1252'), 'en.html')
    expect(western.source.encoding).toBe('windows-1252')
    expect(western.work.chapters[0]?.sections[0]?.text).toContain('didn\u2019t')
  })

  it('refuses a page with no text in it by name', () => {
    expect(() => rescueText('<html><head><title>x</title></head><body><script>1</script></body></html>', 'empty.html')).toThrow(
      /no text in it/u,
    )
  })

  it('turns any markup, however broken, into a work or a named refusal', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<br>', '<hr>', '<b>Title:</b> ', '<center>', '</td><td>', '<a href="x">', '</a>',
        '<script>', '</script>', '<!--', '-->', '&amp;', '&#8217;', '&bogus;', '<', '>', '<<p', '<table><tr><td>'),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('She looked out at the harbour and said nothing for a while. ', 'Rating: PG\n', '\n\n'),
    )
    const page = fc.array(piece, { maxLength: 60 }).map((parts) => `<html><body>${parts.join('')}</body></html>`)
    fc.assert(
      fc.property(page, (html) => {
        try {
          const { work } = rescueText(html, 'page.html')
          const sections = work.chapters.flatMap((chapter) => chapter.sections)
          expect(JSON.stringify(sections.map((section) => section.text))).not.toMatch(/<\/?(?:p|br|hr|b|center|td|a|script)\b/u)
          // Markup kept is the allowlist's only: bold, line breaks, a web link, never a script.
          for (const { html: markup } of sections) {
            if (markup !== undefined) expect(markup).not.toMatch(/<\/?(?!(?:b|br|a)\b)[a-z]|<a (?!href="https?:)/u)
          }
        } catch (error) {
          expect(error).toBeInstanceOf(RescueError)
        }
      }),
      { numRuns: 300 },
    )
  })
})
