import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AO3_DOWNLOAD } from '../../src/rescue/ao3-download.js'
import { PROSE, rescueText, sectionsOf, onlyRescueErrors } from './rescue-text.js'

// An AO3 "Download → HTML" file as otwarchive's downloads views write it, trimmed, with an
// invented work: two chapters of three written, per-chapter notes and end notes, an afterword.
const DOWNLOAD = `<!DOCTYPE html>
<html><head><meta charset="UTF-8"><title>The Lantern Keeper - Wren Adair - Smallville</title>
<style type="text/css">body { font-family: serif }</style></head>
<body>
<div id="preface">
  <h2 class="toc-heading">Preface</h2>
  <p class="message"><b>The Lantern Keeper</b><br/>
    Posted originally on the <a href="http://archiveofourown.org/">Archive of Our Own</a> at
    <a href="http://archiveofourown.org/works/1234567">http://archiveofourown.org/works/1234567</a>.</p>
  <div class="meta">
    <dl class="tags">
      <dt>Rating:</dt><dd><a href="http://archiveofourown.org/tags/Teen%20And%20Up%20Audiences">Teen And Up Audiences</a></dd>
      <dt>Archive Warning:</dt><dd><a href="http://archiveofourown.org/tags/No%20Archive%20Warnings%20Apply">No Archive Warnings Apply</a></dd>
      <dt>Categories:</dt><dd><a href="x">F/M</a>, <a href="x">Gen</a></dd>
      <dt>Fandom:</dt><dd><a href="x">Smallville</a></dd>
      <dt>Relationships:</dt><dd><a href="x">Chloe Sullivan/Lex Luthor</a>, <a href="x">Chloe Sullivan &amp; Clark Kent</a></dd>
      <dt>Characters:</dt><dd><a href="x">Chloe Sullivan</a>, <a href="x">Lex Luthor</a>, <a href="x">Clark Kent</a>, <a href="x">Loki (Marvel)</a>, <a href="x">Original Female Character(s)</a></dd>
      <dt>Additional Tags:</dt><dd><a href="x">Alternate Universe</a>, <a href="x">Slow Burn</a>, <a href="x">Lighthouses</a></dd>
      <dt>Language:</dt><dd>English</dd>
      <dt>Series:</dt><dd>Part 2 of <a href="x">Harbour Lights</a></dd>
      <dt>Collections:</dt><dd><a href="x">Winter Ficathon 2014</a></dd>
      <dt>Stats:</dt>
      <dd>Published: 2014-03-02
          Updated: 2014-04-11
        Words: 1,234
        Chapters: 2/3</dd>
    </dl>
    <h1>The Lantern Keeper</h1>
    <div class="byline">by <a rel="author" href="http://archiveofourown.org/users/wren/pseuds/Wren%20Adair">Wren Adair</a></div>
    <p>Summary</p>
    <blockquote class="userstuff"><p>Chloe keeps the lighthouse. Lex keeps coming back.</p>
      <p>Nobody keeps their secrets.</p></blockquote>
    <p>Notes</p>
    <blockquote class="userstuff"><p>For the winter ficathon.</p></blockquote>
    <div class="endnote-link">See the end of the work for more <a href="#endnotes">notes</a></div>
  </div>
</div>
<div id="chapters" class="userstuff">
  <div class="meta group">
    <h2 class="heading">Chapter 1: The Light</h2>
    <p>Chapter Summary</p>
    <blockquote class="userstuff"><p>Where the lamp is lit.</p></blockquote>
    <p>Chapter Notes</p>
    <blockquote class="userstuff"><p>Thanks to my beta.</p></blockquote>
    <div class="endnote-link">See the end of the chapter for <a href="#endnotes1">more notes</a></div>
  </div>
  <!--chapter content-->
  <div class="userstuff">
    <p>The lamp at the top of the tower needed oil every night, and Chloe climbed the hundred steps to give it.</p>
    <hr/>
    <p>Lex arrived on the Tuesday boat with a briefcase and no umbrella, which told her everything.</p>
  </div>
  <!--/chapter content-->
  <div class="meta" id="endnotes1"><p>Chapter End Notes</p>
    <blockquote class="userstuff"><p>More soon.</p></blockquote></div>
  <div class="meta group">
    <h2 class="heading">Chapter 2</h2>
  </div>
  <div class="userstuff">
    <p>The storm came in from the west, and the light went round and round above them both.</p>
    <p>"Stay," she said, and he <em>did</em>.</p>
  </div>
</div>
<div id="afterword">
  <h2 class="toc-heading">Afterword</h2>
  <div class="meta">
    <div id="endnotes"><p>End Notes</p>
      <blockquote class="userstuff"><p>The lighthouse is invented.</p></blockquote></div>
    <dl><dt>Works inspired by this one:</dt><dd><a href="x">Another Light</a> by <a href="x">someone_else</a></dd></dl>
  </div>
  <p class="message">Please <a href="http://archiveofourown.org/works/1234567/comments/new">drop by the archive and comment</a> to let the creator know if you enjoyed their work!</p>
</div>
</body></html>`

const ONE_SHOT = `<html><body>
<div id="preface"><p class="message">Posted originally on the Archive of Our Own.</p>
<div class="meta"><dl class="tags">
<dt>Rating:</dt><dd><a href="x">General Audiences</a></dd>
<dt>Archive Warning:</dt><dd><a href="x">Creator Chose Not To Use Archive Warnings</a></dd>
<dt>Category:</dt><dd><a href="x">Gen</a></dd>
<dt>Fandom:</dt><dd><a href="x">Moonbase Nine</a></dd>
<dt>Stats:</dt><dd>Published: 2019-07-20 Words: 80 Chapters: 1/1</dd>
</dl><h1>Dust</h1><div class="byline">by <a rel="author" href="x">Kit Marlowe</a>, <a rel="author" href="x">nell_w (nell)</a></div></div></div>
<div id="chapters" class="userstuff"><div class="userstuff">${PROSE.split('\n\n').map((paragraph) => `<p>${paragraph}</p>`).join('')}</div></div>
<div id="afterword"><p class="message">Please drop by the archive and comment to let the creator know if you enjoyed their work!</p></div>
</body></html>`

describe('an AO3 download', () => {
  it('is told from any other page by the markup AO3 writes, not by its name', () => {
    expect(AO3_DOWNLOAD.read(DOWNLOAD, 'anything.txt')).toContain('Title: The Lantern Keeper')
    expect(AO3_DOWNLOAD.read('<html><body><div id="preface"><p>Hi</p></div></body></html>', 'x.html')).toBeUndefined()
    expect(AO3_DOWNLOAD.read(PROSE, 'The_Lantern_Keeper.html')).toBeUndefined()
  })

  it('keeps every AO3 tag as AO3 wrote it', () => {
    const rescued = rescueText(DOWNLOAD, 'downloads/The_Lantern_Keeper.html')
    const { work } = rescued
    expect(rescued.report.format).toBe('ao3-html')
    expect(work.title).toBe('The Lantern Keeper')
    expect(work.creators).toEqual(['Wren Adair'])
    expect(work.rating).toBe('teen')
    expect(work.ratingOriginal).toBe('Teen And Up Audiences')
    expect(work.archiveWarnings).toEqual(['no-warnings'])
    expect(work.categories).toEqual(['fm', 'gen'])
    expect(work.fandoms).toEqual(['Smallville'])
    expect(work.relationships).toEqual([
      expect.objectContaining({ name: 'Chloe Sullivan/Lex Luthor', platonic: false }),
      expect.objectContaining({ name: 'Chloe Sullivan & Clark Kent', platonic: true }),
    ])
    expect(work.characters).toEqual(['Chloe Sullivan', 'Lex Luthor', 'Clark Kent', 'Loki (Marvel)', 'Original Female Character(s)'])
    expect(work.freeforms).toEqual(['Alternate Universe', 'Slow Burn', 'Lighthouses'])
  })

  it('reads summary, notes, dates, chapters and completeness', () => {
    const rescued = rescueText(DOWNLOAD, 'The_Lantern_Keeper.html')
    const { work } = rescued
    expect(work.summary).toBe('Chloe keeps the lighthouse. Lex keeps coming back.\n\nNobody keeps their secrets.')
    expect(work.notes.beginning).toBe('For the winter ficathon.\n\nSeries: Part 2 of Harbour Lights')
    expect(work.notes.end).toBe('The lighthouse is invented.')
    expect(work.posted).toBe('2014-03-02')
    expect(work.updated).toBe('2014-04-11')
    expect(work.complete).toBe(false)
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['The Light', null])
    expect(work.chapters[0]?.sections.map((section) => section.kind)).toEqual([
      'note', 'note', 'paragraph', 'break', 'paragraph', 'note',
    ])
    expect(sectionsOf(rescued, 'note')).toEqual(['Chapter Summary: Where the lamp is lit.', 'Thanks to my beta.', 'More soon.'])
    // A chapter's emphasis is kept as the markup of its paragraph; a plain paragraph has none.
    expect(work.chapters[1]?.sections.map((section) => section.html)).toEqual([undefined, '"Stay," she said, and he <em>did</em>.'])
    expect(work.wordCount).toBeGreaterThan(50)
    expect(work.wordCount).toBeLessThan(70)
  })

  it('leaves out the preface message, collections, related works and the request to comment', () => {
    const { work } = rescueText(DOWNLOAD, 'The_Lantern_Keeper.html')
    const text = JSON.stringify(work)
    for (const gone of ['Posted originally', 'Winter Ficathon 2014', 'Another Light', 'drop by the archive', 'See the end', 'Preface', 'Afterword']) {
      expect(text).not.toContain(gone)
    }
  })

  it('reads a one-shot by two creators, with no warnings chosen, as complete', () => {
    const rescued = rescueText(ONE_SHOT, 'dust.html')
    const { work } = rescued
    expect(rescued.report.format).toBe('ao3-html')
    expect(work.title).toBe('Dust')
    expect(work.creators).toEqual(['Kit Marlowe', 'nell_w (nell)'])
    expect(work.rating).toBe('general')
    expect(work.ratingOriginal).toBe('General Audiences')
    expect(work.archiveWarnings).toEqual(['choose-not-to-warn'])
    expect(work.categories).toEqual(['gen'])
    expect(work.fandoms).toEqual(['Moonbase Nine'])
    expect(work.relationships).toEqual([])
    expect(work.characters).toEqual([])
    expect(work.freeforms).toEqual([])
    expect(work.summary).toBeNull()
    expect(work.notes).toEqual({ beginning: null, end: null })
    expect(work.complete).toBe(true)
    expect(work.posted).toBe('2019-07-20')
    expect(work.updated).toBeNull()
    expect(work.chapters).toHaveLength(1)
    expect(work.chapters[0]?.title).toBeNull()
    expect(sectionsOf(rescued, 'paragraph')).toEqual(PROSE.split('\n\n'))
  })

  it('maps each of AO3 archive warnings to its own warning', () => {
    const warned = DOWNLOAD.replace(
      '<a href="http://archiveofourown.org/tags/No%20Archive%20Warnings%20Apply">No Archive Warnings Apply</a>',
      '<a href="x">Graphic Depictions Of Violence</a>, <a href="x">Major Character Death</a>',
    ).replace('Teen And Up Audiences</a>', 'Explicit</a>')
    const { work } = rescueText(warned, 'warned.html')
    expect(work.archiveWarnings).toEqual(['violence', 'major-character-death'])
    expect(work.rating).toBe('explicit')
    expect(work.ratingOriginal).toBe('Explicit')
  })

  it('never throws on any text or tag soup, only returns text or nothing', () => {
    const piece = fc.oneof(
      fc.constantFrom('<div id="preface">', '<div id="chapters">', '<dl class="tags">', '<dt>Rating:</dt>', '<dd>',
        '</dd>', '<h1>', '</h1>', '<div class="byline">', '<a rel="author">', '</a>', '<div class="meta group">',
        '<h2 class="heading">Chapter 1: X</h2>', '<div class="userstuff">', '</div>', '<p>Summary</p>',
        '<blockquote class="userstuff">', '</blockquote>', 'Chapters: 2/?', '<', '&amp;'),
      fc.string({ maxLength: 30 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), (parts) => {
        const html = parts.join('')
        const story = AO3_DOWNLOAD.read(html, 'x.html')
        expect(story === undefined || typeof story === 'string').toBe(true)
        onlyRescueErrors(() => rescueText(html, 'x.html'))
      }),
      { numRuns: 200 },
    )
    fc.assert(fc.property(fc.string(), (text) => {
      expect(() => AO3_DOWNLOAD.read(text, 'x.txt')).not.toThrow()
    }))
  })
})
