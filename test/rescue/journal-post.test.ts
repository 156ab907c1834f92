import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JOURNAL_POST } from '../../src/rescue/journal-post.js'
import { rescueText, sectionsOf, onlyRescueErrors } from './rescue-text.js'

// A Dreamwidth entry page as a browser saved it, trimmed, with an invented story: the header
// in bold labels in the body, a cut, mood and music, tags, the entry's links and comments.
const DREAMWIDTH = `<!DOCTYPE html><html><head><title>wren_adair: FIC: Harbour Lights (Smallville, Clark/Lois, PG-13)</title></head>
<body><div id="canvas"><div class="header"><h1><span lj:user="wren_adair" class="ljuser"><a href="https://wren-adair.dreamwidth.org/profile"><img src="user.png" alt="[personal profile] "></a><a href="https://wren-adair.dreamwidth.org/"><b>wren_adair</b></a></span></h1></div>
<div class="entry" id="entry-1234">
  <div class="header"><h3 class="entry-title"><a href="https://wren-adair.dreamwidth.org/1234.html">FIC: Harbour Lights (Smallville, Clark/Lois, PG-13)</a></h3>
  <span class="datetime"><span class="date"><a href="x">2009-03-02</a></span> <span class="time">10:30 pm</span></span></div>
  <span class="poster entry-poster"><span lj:user="wren_adair" class="ljuser"><a href="x"><b>wren_adair</b></a></span></span>
  <div class="contents"><div class="entry-content">
    <b>Title:</b> Harbour Lights<br />
    <b>Fandom:</b> Smallville<br />
    <b>Pairing:</b> Clark/Lois<br />
    <b>Rating:</b> PG-13<br />
    <b>Summary:</b> Lois waits for the ferry.<br />
    <a name="cutid1"></a>
    <p>The ferry was late again, and Lois had counted the lights along the harbour wall twice.</p>
    <p>She turned up her collar and did not look round, because she knew the footsteps.</p>
    <p>"You came," she said.</p>
  </div></div>
  <div class="metadata bottom-metadata"><ul><li><span class="metadata-label metadata-label-mood">mood:</span> <span class="metadata-item metadata-item-mood">tired</span></li>
    <li><span class="metadata-label metadata-label-music">music:</span> <span class="metadata-item metadata-item-music">Harbour Song</span></li></ul></div>
  <div class="tag"><span class="tag-text">Tags:</span><ul><li><a rel="tag" href="x">fic</a></li>, <li><a rel="tag" href="x">smallville</a></li></ul></div>
  <div class="footer"><ul class="entry-interaction-links text-links"><li><a href="x">Link</a></li><li><a href="x">Leave a comment</a></li><li><a href="x">Share</a></li></ul></div>
</div>
<div id="comments"><div class="comment-wrapper"><div class="comment"><span class="ljuser" lj:user="reader_one">reader_one</span>
  <div class="comment-content">Oh, this was lovely! More please?</div><a href="x">Reply</a> <a href="x">Thread</a></div></div></div>
</div></body></html>`

// A LiveJournal entry whose body states no header: the subject, poster, date and tags fill in.
const LIVEJOURNAL = `<html><head><title>nell_w: The Quiet</title></head><body>
<div class="b-singlepost">
<h1 class="b-singlepost-title entry-title">[fic] The Quiet</h1>
<p class="b-singlepost-author"><span class="ljuser i-ljuser" lj:user="nell_w"><a href="https://nell-w.livejournal.com/"><b>nell_w</b></a></span>
<time class="b-singlepost-author-date published dt-published">March 3rd, 2010</time></p>
<article class="b-singlepost-body entry-content e-content">
<p>Current Mood: hopeful</p>
<p>When the storm passed the stars came back, all of them at once, and neither of them said anything.</p>
<p>Nell counted them anyway, under her breath, and Kit let her.</p>
<div class="ljcut-decor"><a href="https://nell-w.livejournal.com/5678.html#cutid1">Read more...</a></div>
<p>By the morning the dust had settled on everything.</p>
</article>
<div class="b-singlepost-tags ljtags">Tags: <a rel="tag" href="x">my fic</a>, <a rel="tag" href="x">moonbase nine</a>, <a rel="tag" href="x">drabble</a></div>
<ul class="b-singlepost-standout"><li><a href="x">Share</a></li><li><a href="x">Leave a comment</a></li></ul>
</div>
<div class="b-tree"><div class="b-tree-twig"><div class="b-leaf">reader_two: Beautiful.</div></div></div>
</body></html>`

describe('a LiveJournal or Dreamwidth post', () => {
  it('is told from other pages by the markup the journal sites write', () => {
    expect(JOURNAL_POST.read(DREAMWIDTH, 'entry.txt')).toBeDefined()
    expect(JOURNAL_POST.read('<html><body><div class="entry-content"><p>Hi</p></div></body></html>', 'x.html')).toBeUndefined()
    expect(JOURNAL_POST.read('<html><body><p>Visit my livejournal.com page</p></body></html>', 'x.html')).toBeUndefined()
  })

  it('reads the header the entry states, with nothing from comments, metadata or links', () => {
    const rescued = rescueText(DREAMWIDTH, '1234.html')
    const { work } = rescued
    expect(rescued.report.format).toBe('journal-post')
    expect(work.title).toBe('Harbour Lights')
    expect(work.creators).toEqual(['wren_adair'])
    expect(work.rating).toBe('teen')
    expect(work.ratingOriginal).toBe('PG-13')
    expect(work.archiveWarnings).toEqual(['choose-not-to-warn'])
    expect(work.categories).toEqual([])
    expect(work.fandoms).toEqual(['Smallville'])
    expect(work.relationships).toEqual([expect.objectContaining({ name: 'Clark/Lois', platonic: false })])
    expect(work.characters).toEqual(['Clark', 'Lois'])
    expect(work.freeforms).toEqual([])
    expect(work.summary).toBe('Lois waits for the ferry.')
    expect(work.notes).toEqual({ beginning: null, end: null })
    expect(work.posted).toBe('2009-03-02')
    expect(work.updated).toBeNull()
    expect(work.complete).toBe(true)
    expect(work.chapters).toHaveLength(1)
    expect(sectionsOf(rescued, 'paragraph')).toHaveLength(3)
    expect(work.wordCount).toBe(35)
    const text = JSON.stringify(work)
    for (const gone of ['tired', 'Harbour Song', 'mood', 'Leave a comment', 'Share', 'Reply', 'lovely', 'reader_one', 'Tags']) {
      expect(text).not.toContain(gone)
    }
  })

  it('takes the subject, the poster, the date and the tags when the entry states no header', () => {
    const rescued = rescueText(LIVEJOURNAL, '5678.html')
    const { work } = rescued
    expect(rescued.report.format).toBe('journal-post')
    expect(work.title).toBe('The Quiet')
    expect(work.creators).toEqual(['nell_w'])
    expect(work.rating).toBe('not-rated')
    expect(work.ratingOriginal).toBeNull()
    expect(work.fandoms).toEqual([])
    expect(work.relationships).toEqual([])
    expect(work.characters).toEqual([])
    expect(work.freeforms).toEqual(['moonbase nine', 'drabble'])
    expect(work.summary).toBeNull()
    expect(work.posted).toBe('2010-03-03')
    expect(sectionsOf(rescued, 'paragraph')).toEqual([
      'When the storm passed the stars came back, all of them at once, and neither of them said anything.',
      'Nell counted them anyway, under her breath, and Kit let her.',
      'By the morning the dust had settled on everything.',
    ])
    expect(JSON.stringify(work)).not.toMatch(/Read more|hopeful|Beautiful|reader_two|Leave a comment|my fic/u)
  })

  it('reads a body typed with <lj-cut> as the story behind the cut', () => {
    const body = `<p><b>Title:</b> Dust<br><b>Author:</b> Kit Marlowe<br><b>Fandom:</b> Moonbase Nine</p>
<lj-cut text="Read the fic"><p>The dome shook, and Nell put her hand flat on the glass as if that would hold it.</p>
<p>Kit laughed at her, and then stopped laughing.</p></lj-cut>`
    const rescued = rescueText(body, 'draft.html')
    expect(rescued.report.format).toBe('journal-post')
    expect(rescued.work.title).toBe('Dust')
    expect(rescued.work.creators).toEqual(['Kit Marlowe'])
    expect(rescued.work.fandoms).toEqual(['Moonbase Nine'])
    expect(sectionsOf(rescued, 'paragraph')).toHaveLength(2)
    expect(JSON.stringify(rescued.work)).not.toContain('Read the fic')
    const typed = 'Title: Dust\nFandom: Moonbase Nine\n\n<lj-cut>\nThe dome shook, and Nell put her hand flat on the glass.\n\nKit laughed at her, and then stopped laughing.\n</lj-cut>\n'
    const plain = rescueText(typed, 'draft.txt')
    expect(plain.report.format).toBe('journal-post')
    expect(plain.work.title).toBe('Dust')
    expect(sectionsOf(plain, 'paragraph')).toEqual([
      'The dome shook, and Nell put her hand flat on the glass.',
      'Kit laughed at her, and then stopped laughing.',
    ])
  })

  it('reads an entry nested 20,000 tags deep without running out of stack (issue 5 fuzz run)', () => {
    const deep = `${'<blockquote><b>'.repeat(10_000)}Kit laughed at her, and then stopped laughing.`
    const rescued = rescueText(`<p><b>Title:</b> Dust</p>\n<lj-cut><p>The dome shook.</p>${deep}</lj-cut>`, 'draft.html')
    expect(rescued.report.format).toBe('journal-post')
    expect(sectionsOf(rescued, 'paragraph')).toEqual(['The dome shook.', 'Kit laughed at her, and then stopped laughing.'])
  })

  it('never makes its reader throw, and rescue only ever refuses with a RescueError', () => {
    const piece = fc.oneof(
      fc.constantFrom('<div class="entry-content">', '<article class="b-singlepost-body">', '</div>', '</article>',
        '<span class="ljuser" lj:user="x">', '</span>', '<lj-cut>', '</lj-cut>', '<h3 class="entry-title">', '</h3>',
        '<a rel="tag">fandom: x</a>', '<a rel="tag">', '</a>', '<b>Title:</b> ', '<br>', '<span class="datetime">2009-02-30',
        'Current Mood: x', '<div class="metadata">', '<a href="#cutid1">Read more</a>', '<', '&amp;'),
      fc.string({ maxLength: 30 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), (parts) => {
        const html = parts.join('')
        const story = JOURNAL_POST.read(html, 'x.html')
        expect(story === undefined || typeof story === 'string').toBe(true)
        onlyRescueErrors(() => rescueText(html, 'x.html'))
      }),
      { numRuns: 200 },
    )
    fc.assert(fc.property(fc.string(), (text) => {
      expect(() => JOURNAL_POST.read(text, 'x.txt')).not.toThrow()
    }))
  })
})
