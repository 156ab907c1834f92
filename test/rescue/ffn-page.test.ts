import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EFICTION_PAGE } from '../../src/rescue/efiction-page.js'
import { FFN_PAGE } from '../../src/rescue/ffn-page.js'
import { rescueText, sectionsOf, onlyRescueErrors } from './rescue-text.js'

// A FanFiction.Net story page as a browser saved it in 2009, trimmed, with an invented story:
// the breadcrumb, the profile with its grey story line, the chapter menu, the text, reviews.
const FFN = `<html><head><title>The Quiet Hour Chapter 2: Second Watch, a smallville fanfic | FanFiction</title>
<script>var storyid = 123456;</script></head><body>
<div id="top"><a href="/">FanFiction</a> | <a href="/login.php">Login</a></div>
<div id="pre_story_links"><span class="lc-left"><a class="xcontrast_txt" href="/tv/">TV Shows</a><span class="xcontrast_txt"> &#187; </span><a class="xcontrast_txt" href="/tv/Smallville/">Smallville</a></span></div>
<div id="profile_top" class="xcontrast_txt">
  <button class="btn pull-right" type="button">Follow/Fav</button>
  <b class="xcontrast_txt">The Quiet Hour</b>
  <span class="xcontrast_txt">By:</span> <a class="xcontrast_txt" href="/u/98765/Wren-Adair">Wren Adair</a>
  <a href="https://www.fanfiction.net/pm2/post.php?uid=98765"><span class="icon-mail-1"></span></a>
  <div style="margin-top:2px" class="xcontrast_txt">Chloe and Lex, one hour before dawn, three nights running.</div>
  <span class="xgray xcontrast_txt">Rated: <a class="xcontrast_txt" href="https://www.fictionratings.com/" target="rating">Fiction  T</a> - English - Hurt/Comfort/Romance - [Chloe S., Lex L.] Clark K. - Chapters: 3 - Words: 4,321 - Reviews: <a href="/r/123456/">17</a> - Favs: 9 - Follows: 12 - Updated: <span data-xutime="1235952000">3/2/2009</span> - Published: <span data-xutime="1231113600">1/5/2009</span> - Complete - id: 123456 </span>
</div>
<span class="lc-left"><select id="chap_select" title="Chapter Navigation" name="chapter" onChange="self.location = '/s/123456/'+ this.options[this.selectedIndex].value + '/The-Quiet-Hour';">
  <option value="1">1. First Watch</option><option value="2" selected>2. Second Watch</option><option value="3">3. Third Watch</option></select>
  <button class="btn" type="button" onClick="self.location='/s/123456/3/The-Quiet-Hour'">Next &gt;</button></span>
<div role="main" aria-label="story content" class="storytextp" id="storytextp">
<div class="storytext xcontrast_txt nocopy" id="storytext">
<p><strong>A/N: Thank you for the reviews!</strong></p>
<p>The clock in the hall said four, and Chloe had been awake for every one of those hours.</p>
<p align="center">xXx</p>
<p>Lex found her in the kitchen with two cups of coffee, one of them already cold.</p>
</div></div>
<div id="review"><table><tr><td>Review this chapter</td></tr><tr><td><textarea>Loved it!</textarea></td></tr></table></div>
<div class="z-list">Reviews: reviewer_one: Please update soon!</div>
<div id="gotop"><a href="#top">Top</a></div>
</body></html>`

// An eFiction 3 printable page: the title and author, the information block of labels, and
// two chapters with their notes.
const EFICTION = `<html><head><title>Moonbase Archive :: Dust and Starlight</title></head><body>
<div id="header"><a href="index.php">Home</a> | <a href="browse.php">Browse</a> | <a href="search.php">Search</a></div>
<div id="pagetitle"><a href="viewstory.php?sid=42">Dust and Starlight</a> by <a href="viewuser.php?uid=7">nell_w</a></div>
<div class="infobox">
<span class="label">Summary: </span>Nell and Kit wait out a dust storm in the observatory.<br />
<span class="label">Rated:</span> PG-13 <span class="label">Categories:</span> <a href="browse.php?type=categories&amp;catid=1">Moonbase Nine</a>, <a href="browse.php?type=categories&amp;catid=3">Het</a> <span class="label">Characters: </span> Nell, Kit<br />
<span class="label">Genres:</span> Romance, Angst <span class="label">Warnings:</span> None<br />
<span class="label">Challenges:</span> None <span class="label">Series:</span> None<br />
<span class="label">Chapters: </span> 2 <span class="label">Completed:</span> No <span class="label">Word count:</span> 98 <span class="label">Read:</span> 1024<br />
<span class="label">Published: </span>05/01/2006 <span class="label">Updated: </span>06/11/2006
</div>
<div class="chaptertitle">The Storm by nell_w</div>
<div class="notes"><span class="label">Author's Notes:</span> Written for the Moonbase ficathon.</div>
<div class="chapter">
<p>The dome shook, and Nell put her hand flat on the glass as if that would hold it.</p>
<p>Kit laughed at her, and then stopped laughing, and put his hand beside hers.</p>
</div>
<div class="chaptertitle">The Quiet by nell_w</div>
<div class="chapter">
<p>When the storm passed the stars came back, all of them at once, and neither of them said anything.</p>
</div>
<div id="footer">Powered by eFiction. <a href="reviews.php?sid=42">Reviews</a></div>
</body></html>`

// A chapter page of viewstory.php: the jump menu chooses chapter 2.
const EFICTION_CHAPTER = `<html><body>
<div id="pagetitle"><a href="viewstory.php?sid=42">Dust and Starlight</a> by <a href="viewuser.php?uid=7">nell_w</a></div>
<form name="jump"><select name="chapter"><option value="1">1. The Storm</option><option value="2" selected="selected">2. The Quiet</option></select></form>
<div id="chaptertitle">The Quiet by nell_w</div>
<div id="story"><span style="font-size: 12px;"><p>When the storm passed the stars came back, all of them at once, and neither of them said anything.</p><p>Nell counted them anyway.</p></span></div>
<div id="prev"><a href="viewstory.php?sid=42&amp;chapter=1">Previous</a></div>
<div class="reviews"><span class="label">Reviews</span> reviewer_two: So lovely!</div>
</body></html>`

describe('a FanFiction.Net page', () => {
  it('is told from other pages by its markup', () => {
    expect(FFN_PAGE.read(FFN, 'saved.txt')).toContain('Title: The Quiet Hour')
    expect(FFN_PAGE.read('<html><body><p>fanfiction.net</p></body></html>', 'a.html')).toBeUndefined()
    expect(FFN_PAGE.read(EFICTION, 'a.html')).toBeUndefined()
  })

  it('reads the profile, the grey story line and the breadcrumb into fields', () => {
    const rescued = rescueText(FFN, 'The Quiet Hour Chapter 2.html')
    const { work } = rescued
    expect(rescued.report.format).toBe('fanfiction-net')
    expect(work.title).toBe('The Quiet Hour')
    expect(work.creators).toEqual(['Wren Adair'])
    expect(work.rating).toBe('teen')
    expect(work.ratingOriginal).toBe('Fiction T')
    expect(work.archiveWarnings).toEqual(['choose-not-to-warn'])
    expect(work.categories).toEqual([])
    expect(work.fandoms).toEqual(['Smallville'])
    expect(work.relationships).toEqual([expect.objectContaining({ name: 'Chloe S./Lex L.', platonic: false })])
    expect(work.characters).toEqual(['Chloe S.', 'Lex L.', 'Clark K.'])
    expect(work.freeforms).toEqual(['Hurt/Comfort', 'Romance'])
    expect(work.summary).toBe('Chloe and Lex, one hour before dawn, three nights running.')
    expect(work.posted).toBe('2009-01-05')
    expect(work.updated).toBe('2009-03-02')
    expect(work.complete).toBe(true)
  })

  it('reads the chapter it holds under the title the chapter menu gives, and nothing else', () => {
    const rescued = rescueText(FFN, 'story.html')
    const { work } = rescued
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Second Watch'])
    expect(sectionsOf(rescued, 'note')).toEqual(['Thank you for the reviews!'])
    expect(sectionsOf(rescued, 'paragraph')).toHaveLength(2)
    expect(work.wordCount).toBe(34)
    const text = JSON.stringify(work)
    for (const gone of ['Follow/Fav', 'Login', 'Review this chapter', 'Loved it', 'Please update', 'Next', 'Favs', 'storyid', 'Top']) {
      expect(text).not.toContain(gone)
    }
  })

  it('reads dates written on the line when the page keeps no times, and "In Progress" when not complete', () => {
    const page = FFN.replace(/ data-xutime="\d+"/gu, '').replace(' - Complete', '').replace('<option value="2" selected>', '<option value="2">')
    const { work } = rescueText(page, 'story.html')
    expect(work.posted).toBe('2009-01-05')
    expect(work.updated).toBe('2009-03-02')
    expect(work.complete).toBe(false)
  })

  it('reads a crossover breadcrumb as two fandoms', () => {
    const page = FFN.replace('<a class="xcontrast_txt" href="/tv/Smallville/">Smallville</a>', '<a href="/Smallville_and_Moonbase_Nine_Crossovers/1/2/">Smallville + Moonbase Nine Crossover</a>')
    expect(rescueText(page, 'story.html').work.fandoms).toEqual(['Smallville', 'Moonbase Nine'])
  })
})

describe('an eFiction page', () => {
  it('is told from other pages by its markup', () => {
    expect(EFICTION_PAGE.read(EFICTION, 'print.txt')).toContain('Title: Dust and Starlight')
    expect(EFICTION_PAGE.read(FFN, 'a.html')).toBeUndefined()
    expect(EFICTION_PAGE.read('<p><a href="viewuser.php?uid=1">me</a></p>', 'a.html')).toBeUndefined()
  })

  it('reads the labels of a printable page into fields and its chapters with their notes', () => {
    const rescued = rescueText(EFICTION, 'printable.html')
    const { work } = rescued
    expect(rescued.report.format).toBe('efiction')
    expect(work.title).toBe('Dust and Starlight')
    expect(work.creators).toEqual(['nell_w'])
    expect(work.rating).toBe('teen')
    expect(work.ratingOriginal).toBe('PG-13')
    expect(work.archiveWarnings).toEqual(['no-warnings'])
    expect(work.categories).toEqual(['fm'])
    expect(work.fandoms).toEqual(['Moonbase Nine'])
    expect(work.relationships).toEqual([])
    expect(work.characters).toEqual(['Nell', 'Kit'])
    expect(work.freeforms).toEqual(['Romance', 'Angst'])
    expect(work.summary).toBe('Nell and Kit wait out a dust storm in the observatory.')
    expect(work.notes).toEqual({ beginning: null, end: null })
    expect(work.posted).toBe('2006-05-01')
    expect(work.updated).toBe('2006-06-11')
    expect(work.complete).toBe(false)
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['The Storm', 'The Quiet'])
    expect(work.chapters[0]?.sections[0]).toEqual({ kind: 'note', text: 'Written for the Moonbase ficathon.' })
    expect(work.wordCount).toBe(51)
    const text = JSON.stringify(work)
    for (const gone of ['Browse', 'Powered by', 'Read:', '1024', 'Reviews']) expect(text).not.toContain(gone)
  })

  it('reads a chapter page as the chapter its jump menu chose', () => {
    const rescued = rescueText(EFICTION_CHAPTER, 'viewstory.php')
    expect(rescued.report.format).toBe('efiction')
    expect(rescued.work.title).toBe('Dust and Starlight')
    expect(rescued.work.creators).toEqual(['nell_w'])
    expect(rescued.work.chapters.map((chapter) => chapter.title)).toEqual(['The Quiet'])
    expect(sectionsOf(rescued, 'paragraph')).toHaveLength(2)
    expect(JSON.stringify(rescued.work)).not.toMatch(/Previous|reviewer_two|So lovely/u)
  })

  it('reads a chapter nested 20,000 tags deep without running out of stack (issue 5 fuzz run)', () => {
    const deep = `${'<div>'.repeat(20_000)}The dust settled over the dome at last.${'</div>'.repeat(20_000)}`
    const page = EFICTION_CHAPTER.replace('<div id="story">', `<div id="story">${deep}`)
    const rescued = rescueText(page, 'viewstory.php')
    expect(rescued.report.format).toBe('efiction')
    expect(sectionsOf(rescued, 'paragraph')).toContain('The dust settled over the dome at last.')
  })
})

describe('FanFiction.Net and eFiction pages of any shape', () => {
  it('never make a reader throw, and rescue only ever refuses with a RescueError', () => {
    const piece = fc.oneof(
      fc.constantFrom('<div id="storytext">', '<div id="profile_top">', '<b class="xcontrast_txt">', '</b>',
        '<span class="xgray">Rated: Fiction T - English - ', ' - Chapters: 2', ' - Complete', '<span data-xutime="99999999999999">',
        '<select id="chap_select"><option selected>2. X', '</select>', '<div id="pre_story_links"><a>', '</a>', '</div>', '</span>',
        '<div id="pagetitle">', '<a href="viewuser.php?uid=1">', '<span class="label">Rated:</span>', '<div class="chaptertitle">',
        '<div class="chapter">', '<div id="story">', '<div class="notes">', '<br>', '<p>', '<', '&#0;'),
      fc.string({ maxLength: 30 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), (parts) => {
        const html = parts.join('')
        for (const format of [FFN_PAGE, EFICTION_PAGE]) {
          const story = format.read(html, 'x.html')
          expect(story === undefined || typeof story === 'string').toBe(true)
        }
        onlyRescueErrors(() => rescueText(html, 'x.html'))
      }),
      { numRuns: 200 },
    )
    fc.assert(fc.property(fc.string(), (text) => {
      expect(() => FFN_PAGE.read(text, 'x.txt')).not.toThrow()
      expect(() => EFICTION_PAGE.read(text, 'x.txt')).not.toThrow()
    }))
  })
})
