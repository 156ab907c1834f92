import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Section } from '../../src/domain/work-draft.js'
import { MARKED_SECTION_MAX } from '../../src/rescue/page-marks.js'
import { escapeStoryText, sanitizeStoryFragments, sanitizeStoryHtml } from '../../src/safety/story-html.js'
import { PROSE, rescueText } from './rescue-text.js'

// A page as a fan site's author wrote it in 2003: emphasis, a struck word, ruby over a name,
// a link to the song, lyrics centred in lower case, a letter in italics, and what such pages
// carried besides: a hit counter's script, an image from another host, handlers, a frame.
const PAGE = `<html><head><title>Lantern Tide</title><script src="counter.js"></script>
<style>p { color: navy }</style></head>
<body onload="startCounter()">
<p><b>Title:</b> Lantern Tide<br><b>Author:</b> Ines Marlowe<br><b>Rating:</b> PG</p>
<hr>
<p>She had <i>never</i> said it, not once, <b>not even <em>close</em></b> to it &amp; he knew.</p>
<p onclick="track()">He wrote <s>sorry</s> <u>nothing</u> on the card, and signed it
<ruby>灯<rp>(</rp><rt>akari</rt><rp>)</rp></ruby>.<img src="http://counter.example/hit.gif"></p>
<p>The song was <a href="https://music.example/tide">on the radio</a> and
<a href="javascript:steal()">nowhere else</a>.</p>
<center>the tide goes out at night<br>and takes the lanterns with it<br>down where the old boats sleep</center>
<p><i>Dear Tom,<br>I am writing from the lighthouse, where the lamp needs oil again.</i></p>
<p>Plain words with <span style="color:red">red ink</span> and <font face="Arial">a font</font> in them.</p>
<iframe src="http://ads.example/banner"></iframe>
</body></html>`

function sectionsOfPage(page: string): Section[] {
  return rescueText(page, 'lantern.html').work.chapters.flatMap((chapter) => chapter.sections)
}

describe("a page's inline markup", () => {
  it('is kept beside the plain words as sanitised HTML, and a section without markup has none', () => {
    const [emphasis, struck, linked, lyrics, letter, plain] = sectionsOfPage(PAGE)
    expect(emphasis).toEqual({
      kind: 'paragraph',
      text: 'She had never said it, not once, not even close to it & he knew.',
      html: 'She had <i>never</i> said it, not once, <b>not even <em>close</em></b> to it &amp; he knew.',
    })
    expect(struck?.text).toBe('He wrote sorry nothing on the card, and signed it 灯(akari).')
    expect(struck?.html).toBe(
      'He wrote <s>sorry</s> <u>nothing</u> on the card, and signed it <ruby>灯<rp>(</rp><rt>akari</rt><rp>)</rp></ruby>.',
    )
    // A web link is kept, passing no rank or referrer; a script "link" keeps its words only.
    expect(linked?.html).toBe(
      'The song was <a href="https://music.example/tide" rel="nofollow noopener noreferrer">on the radio</a> and nowhere else.',
    )
    // Centred lines in lower case are lyrics; a letter in italics ends its sentences: prose.
    expect(lyrics).toEqual({
      kind: 'verse',
      text: 'the tide goes out at night\nand takes the lanterns with it\ndown where the old boats sleep',
    })
    expect(letter?.kind).toBe('paragraph')
    expect(letter?.html).toBe('<i>Dear Tom,</i><br /><i>I am writing from the lighthouse, where the lamp needs oil again.</i>')
    // A span's colour and a font are not story markup: the words stay, the section is plain.
    expect(plain).toEqual({ kind: 'paragraph', text: 'Plain words with red ink and a font in them.' })
  })

  it('counts in the report what the archive left out as unsafe', () => {
    const { report } = rescueText(PAGE, 'lantern.html')
    const removed = report.issues.find((issue) => issue.code === 'QUIRE_RESCUE_HTML_REMOVED')
    expect(removed?.message).toBe(
      "removed from the page's HTML as unsafe, its text kept: " +
        '1 script, 1 style sheet, 2 event attributes, 1 image, 1 script link, 1 frame',
    )
  })

  it('closes what a line leaves open and opens it again on the next, and a stray close tag is dropped', () => {
    const page = `<html><body><p>Title: Crossed</p><hr><p><b>bold <i>both</b> italic</i> and <i>one
    <br>two</i> lines and a stray </em> close.</p><p>${PROSE.replace(/\n\n/gu, ' ')}</p></body></html>`
    const [first] = sectionsOfPage(page)
    expect(first?.html).toBe(
      '<b>bold <i>both</i></b> italic and <i>one </i><br /><i>two</i> lines and a stray  close.',
    )
  })

  it('leaves a plain-text story, and a text file with a tag typed in it, without markup', () => {
    const rescued = rescueText(`Title: Angles\n\nShe typed <b> into the box and laughed.\n\n${PROSE}\n`)
    for (const section of rescued.work.chapters.flatMap((chapter) => chapter.sections)) {
      expect(section.html).toBeUndefined()
    }
  })

  it('keeps a paragraph over the cap as its words alone, for sanitising it would take seconds', () => {
    const long = '<i>x</i> '.repeat(MARKED_SECTION_MAX / 2 + 1)
    const [section] = sectionsOfPage(`<html><body><p>Title: Long</p><hr><p>${long}</p></body></html>`)
    expect(section?.text.length).toBeGreaterThan(MARKED_SECTION_MAX)
    expect(section?.html).toBeUndefined()
  })

  it('tracks emphasis nested at most 32 deep, so a page of unclosed tags costs no more than its length', () => {
    const page = `<html><body><p>Title: Deep</p><hr><p>${'<i>deeper '.repeat(50)}${PROSE.replace(/\n\n/gu, ' ')}</p></body></html>`
    const [section] = sectionsOfPage(page)
    expect(section?.html?.match(/<i>/gu)).toHaveLength(32)
    expect(section?.text).toMatch(/^(?:deeper ){50}The rain/u)
  })

  it('keeps a line whose markup would pass the cap as its words alone, never cut short', () => {
    const words = 'a '.repeat(30_000)
    const page = `<html><body><p>Title: Dense</p><hr><p>${words.split(' ').join('<b> </b>')}</p></body></html>`
    const [section] = sectionsOfPage(page)
    expect(section?.text.length).toBeLessThan(MARKED_SECTION_MAX)
    expect(section?.html).toBeUndefined()
  })

  it('never lets anything but the allowlist through, whatever the page holds', () => {
    const piece = fc.oneof(
      fc.constantFrom('<i>', '</i>', '<b>', '</b>', '<em>', '<br>', '<p>', '</p>', '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">', '<a href="https://x.example/">', '</a>',
        '<svg onload=alert(1)>', '<iframe src=x>', '<i onmouseover="x()">', '<ruby>', '<rt>', '&lt;script&gt;',
        '<s>', '<<i>>', '<style>*{}</style>', '<center>', '</center>'),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('She watched the harbour lights go out one by one. ', '\n'),
    )
    const page = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => `<html><body><p>${parts.join('')}</p></body></html>`)
    fc.assert(
      fc.property(page, (html) => {
        let sections: Section[]
        try {
          sections = sectionsOfPage(html)
        } catch {
          return // A page with no story in it is refused by name: html-story.test.ts checks how.
        }
        for (const { html: markup } of sections) {
          if (markup === undefined) continue
          expect(markup).not.toMatch(/<(?!\/?(?:i|b|em|s|ruby|rt|a|br)\b)[a-z/]/iu)
          expect(markup).not.toMatch(/\son[a-z]+=|javascript:|<a (?!href="https:)/iu)
        }
      }),
      { numRuns: 400 },
    )
  })
})

describe('the story allowlist', () => {
  it('keeps emphasis, strike, underline and ruby, and drops scripts, handlers, styles, images and frames', () => {
    expect(sanitizeStoryHtml('<em>a</em><strong>b</strong><del>c</del><u>d</u><sup>e</sup><ruby>f<rt>g</rt></ruby>')).toBe(
      '<em>a</em><strong>b</strong><del>c</del><u>d</u><sup>e</sup><ruby>f<rt>g</rt></ruby>',
    )
    expect(sanitizeStoryHtml('<i onclick="x()" style="color:red" class="k">a</i><script>alert(1)</script>')).toBe('<i>a</i>')
    expect(sanitizeStoryHtml('<img src="http://x.example/a.gif">b<iframe src="x"></iframe><object>c</object>')).toBe('bc')
    expect(sanitizeStoryHtml('<a href="//x.example/">a</a> <a href="data:text/html,x">b</a>')).toBe(
      '<a rel="nofollow noopener noreferrer">a</a> <a rel="nofollow noopener noreferrer">b</a>',
    )
    expect(escapeStoryText(`<b>"Tom" & 'Ann'</b>`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &#39;Ann&#39;&lt;/b&gt;')
  })

  it('sanitises the fragments of a story together exactly as it would each alone', () => {
    const fragment = fc.array(
      fc.oneof(
        fc.constantFrom('<i>', '</i>', '<b>', '</b>', '<br>', '<script>x</script>', '<p>', '</p>', '<img src=x>',
          '<a href="https://x.example/">', '</a>', '<iframe>', '&amp;', '<', '<i title="a>', "<abbr title='b>", '"', "'"),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 12 },
    ).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 8 }), (fragments) => {
        expect(sanitizeStoryFragments(fragments)).toEqual(fragments.map(sanitizeStoryHtml))
      }),
      { numRuns: 500 },
    )
  })
})
