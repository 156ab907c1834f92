import { Parser } from 'htmlparser2'
import { escapeStoryText, STORY_INLINE_TAGS } from '../safety/story-html.js'
import { currentPageMarks, MARKED_SECTION_MAX, type PageMarks } from './page-marks.js'

// Elements that end a line of text where they open or close, and those that end a paragraph.
const LINE_ELEMENTS: ReadonlySet<string> = new Set(['br', 'li', 'tr', 'dt', 'dd', 'option'])
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'div', 'center', 'blockquote', 'table', 'ul', 'ol', 'dl', 'pre', 'section', 'article',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'body', 'main', 'header', 'footer', 'form',
])
// Elements whose content is never story text: code, styling, embedded things, a site's menu.
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'head', 'script', 'style', 'noscript', 'iframe', 'object', 'embed', 'svg', 'nav', 'select',
  'button', 'template', 'map',
])
// Elements left out as unsafe, counted in the report by these names; images too, for a remote
// image tells its host who reads the story.
const REMOVED_ELEMENTS: Readonly<Record<string, string>> = {
  script: 'script', style: 'style sheet', iframe: 'frame', frame: 'frame', object: 'embedded object',
  embed: 'embedded object', applet: 'embedded object', img: 'image',
}
// Inline elements tracked open at once. Every text and line end looks through them, so a page
// of thousands of unclosed <b>s would cost the square of its length; no story nests emphasis
// this deep, and past it elements are read as their text alone.
const INLINE_DEPTH_MAX = 32
// Lyrics and poems set apart by centring or italics, with short lines.
const VERSE_LINE_MAX = 72

// A line made only of links is a site's navigation ("Back to index", "Next chapter"), unless
// it is long enough to be a sentence that happens to be a link.
const NAVIGATION_MAX = 80

/**
 * An HTML page as the plain text its reader saw: paragraphs, headings and table cells on lines
 * of their own with blank lines between blocks, `<br>` as a line end (so lyrics set with `<br>`
 * stay one line each), `<hr>` as a `* * *` scene break, entities decoded, white space collapsed
 * as a browser collapses it (kept inside `<pre>`), and scripts, styles, the head and lines made
 * only of links left out. The plain-text reader then finds the header fields, breaks, verse and
 * chapters in it as it does in any old text file: a bold "Title:" label reads as "Title:".
 */
export function htmlToText(html: string): string {
  const reader = createTextReader()
  const parser = new Parser(reader, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    recognizeSelfClosing: true,
  })
  parser.write(html)
  parser.end()
  return reader.finish()
}

/** The parser events htmlToText reads a page from, and the text they make at the end. */
export type TextReader = Readonly<{
  onopentag: (name: string, attribs: Record<string, string>) => void
  onclosetag: (name: string) => void
  ontext: (text: string) => void
  finish: () => string
}>

/**
 * A reader of parser events as htmlToText reads them: fed by htmlparser2's Parser, or by a walk
 * of a page already parsed (page-dom's blockText), so a page is never parsed twice.
 */
export function createTextReader(): TextReader {
  const marks = currentPageMarks()
  const out = new TextOut(marks)
  let skipping = 0
  let preformatted = 0
  let linkDepth = 0
  // Blocks open, whether each is centred, and how many are: what is inside a centred one is
  // set apart, as lyrics often were.
  const centred: boolean[] = []
  let centredOpen = 0
  return {
    onopentag(name, attribs) {
      // Counted in the head as well: a script there is left out of the story as surely.
      if (marks !== undefined) countRemoved(marks, name, attribs)
      if (SKIPPED_ELEMENTS.has(name)) skipping += 1
      if (skipping > 0) return
      if (name === 'pre') preformatted += 1
      if (name === 'a') linkDepth += 1
      if (name === 'hr') out.sceneBreak()
      else if (BLOCK_ELEMENTS.has(name)) {
        out.endBlock()
        const isCentredBlock = name === 'center' || isCentred(attribs)
        centred.push(isCentredBlock)
        if (isCentredBlock) centredOpen += 1
        out.setCentred(centredOpen > 0)
      } else if (LINE_ELEMENTS.has(name)) out.endLine()
      else if (name === 'td' || name === 'th') out.text(' ', false, false)
      if (STORY_INLINE_TAGS.has(name)) out.openInline(name, attribs)
    },
    onclosetag(name) {
      if (SKIPPED_ELEMENTS.has(name)) {
        skipping = Math.max(0, skipping - 1)
        return
      }
      if (skipping > 0) return
      if (STORY_INLINE_TAGS.has(name)) out.closeInline(name)
      if (name === 'pre') preformatted = Math.max(0, preformatted - 1)
      if (name === 'a') linkDepth = Math.max(0, linkDepth - 1)
      if (BLOCK_ELEMENTS.has(name)) {
        out.endBlock()
        if (centred.pop() === true) centredOpen -= 1
        out.setCentred(centredOpen > 0)
      } else if (name === 'li' || name === 'tr' || name === 'dd' || name === 'dt') out.endLine()
    },
    ontext(text) {
      if (skipping === 0) out.text(text, preformatted > 0, linkDepth > 0)
    },
    finish: () => out.finish(),
  }
}

function isCentred(attribs: Readonly<Record<string, string>>): boolean {
  return /^center$/iu.test(attribs['align'] ?? '') || /text-align\s*:\s*center/iu.test(attribs['style'] ?? '')
}

// What of an element the story leaves out as unsafe: the element, its event attributes
// ("onclick") and script links; counted once where the element opens.
function countRemoved(marks: PageMarks, name: string, attribs: Readonly<Record<string, string>>): void {
  const removed = REMOVED_ELEMENTS[name]
  if (removed !== undefined) marks.addRemoved(removed)
  for (const attribute in attribs) {
    if (attribute.startsWith('on')) marks.addRemoved('event attribute')
    else if (/^\s*(?:javascript|vbscript|data):/iu.test(attribs[attribute] ?? '')) marks.addRemoved('script link')
  }
}

// An inline element as the markup of a line opens it: a link keeps only a web address (one
// without is no link), an abbreviation its expansion (sanitize-html has the last word on both).
function openingTag(name: string, attribs: Readonly<Record<string, string>>): string | undefined {
  const href = attribs['href']?.trim()
  if (name === 'a') {
    return href !== undefined && /^https?:\/\//iu.test(href) ? `<a href="${escapeStoryText(href)}">` : undefined
  }
  const title = attribs['title']
  if ((name === 'abbr' || name === 'acronym') && title !== undefined) {
    return `<${name} title="${escapeStoryText(title)}">`
  }
  return `<${name}>`
}

type OpenInline = Readonly<{ name: string; tag: string }>

/**
 * Lines of text as they build up, each knowing whether all of its words sat inside links, and,
 * when a rescue collects page marks, each line's inline markup: the inline elements open at a
 * line's end are closed there and opened again on the next, so every line's markup stands
 * alone. A block whose every word is centred or in italics, on two or more short lines, is
 * marked as verse.
 */
class TextOut {
  readonly #lines: string[] = []
  readonly #marks: PageMarks | undefined
  #line = ''
  #linkedOnly = true
  #hadLink = false
  #markup = ''
  #isMarked = false
  #isCut = false
  readonly #open: OpenInline[] = []
  #isCentred = false
  #blockStart = 0
  #blockLetters = 0
  #blockSetApart = 0

  constructor(marks: PageMarks | undefined) {
    this.#marks = marks
  }

  text(raw: string, preformatted: boolean, linked: boolean): void {
    if (preformatted) {
      const [first = '', ...rest] = raw.split(/\r\n?|\n/u)
      this.#append(first, linked)
      for (const line of rest) {
        this.endLine()
        this.#append(line, linked)
      }
      return
    }
    const collapsed = raw.replace(/[ \t\r\n\f]+/gu, ' ')
    // A space at the start of a line is the collapsed end of the markup before it.
    this.#append(this.#line === '' ? collapsed.trimStart() : collapsed, linked)
  }

  openInline(name: string, attribs: Readonly<Record<string, string>>): void {
    if (this.#marks === undefined || this.#open.length >= INLINE_DEPTH_MAX) return
    const tag = openingTag(name, attribs)
    if (tag === undefined) return
    this.#open.push({ name, tag })
    this.#markup += tag
    this.#isMarked = true
  }

  closeInline(name: string): void {
    if (this.#marks === undefined) return
    if (this.#open[this.#open.length - 1]?.name === name) {
      this.#open.pop()
      this.#markup += `</${name}>`
      return
    }
    const at = this.#open.map((open) => open.name).lastIndexOf(name)
    if (at < 0) return
    // Elements closed out of order ("<b><i>x</b></i>") close what was opened inside them and
    // open it again, as a browser does.
    const inside = this.#open.splice(at)
    this.#markup += inside.map((open) => `</${open.name}>`).reverse().join('')
    for (const open of inside.slice(1)) {
      this.#open.push(open)
      this.#markup += open.tag
    }
  }

  setCentred(isCentred: boolean): void {
    this.#isCentred = isCentred
  }

  endLine(): void {
    const line = this.#line.trim()
    const navigation = this.#linkedOnly && line !== '' && line.length <= NAVIGATION_MAX && this.#hadLink
    if (!navigation) {
      this.#lines.push(line)
      if (this.#isMarked && !this.#isCut && line !== '') {
        const closing = this.#open.map((open) => `</${open.name}>`).reverse().join('')
        this.#marks?.addLine(line, `${this.#markup}${closing}`.trim())
      }
    }
    this.#line = ''
    this.#linkedOnly = true
    this.#hadLink = false
    this.#markup = this.#open.map((open) => open.tag).join('')
    this.#isMarked = this.#open.length > 0
    this.#isCut = false
  }

  endBlock(): void {
    if (this.#line.trim() !== '') this.endLine()
    this.#markVerse()
    if (this.#lines.length > 0 && this.#lines[this.#lines.length - 1] !== '') this.#lines.push('')
    this.#blockStart = this.#lines.length
  }

  sceneBreak(): void {
    this.endBlock()
    this.#lines.push('* * *', '')
    this.#blockStart = this.#lines.length
  }

  finish(): string {
    this.endBlock()
    return this.#lines.join('\n').replace(/\n{3,}/gu, '\n\n').trim() + '\n'
  }

  // The block just ended, when it was set apart as verse is.
  #markVerse(): void {
    const lines = this.#lines.slice(this.#blockStart).filter((line) => line !== '')
    const isSetApart = this.#blockLetters > 0 && this.#blockSetApart === this.#blockLetters
    // Most lines left open, as a lyric's are: a letter in italics ends its sentences.
    const open = lines.filter((line) => /[\p{L}\p{N},]$/u.test(line)).length
    const isShort = lines.every((line) => line.length <= VERSE_LINE_MAX)
    if (isSetApart && lines.length >= 2 && isShort && open * 2 > lines.length) this.#marks?.addVerse(lines)
    this.#blockLetters = 0
    this.#blockSetApart = 0
  }

  #append(text: string, linked: boolean): void {
    if (linked && text.trim() !== '') this.#hadLink = true
    // Separators between a menu's links ("|", "::", "[ ]") keep it a menu; words do not.
    else if (!linked && /[\p{L}\p{N}]/u.test(text)) this.#linkedOnly = false
    this.#line += text
    if (this.#marks === undefined) return
    // A line longer than any section keeps its markup for is read as its words alone.
    if (this.#markup.length <= MARKED_SECTION_MAX) this.#markup += escapeStoryText(text)
    else this.#isCut = true
    // Characters, spaces and all: a block is set apart when all of its text is.
    const letters = text.trim().length
    this.#blockLetters += letters
    if (this.#isCentred || this.#open.some((open) => open.name === 'i' || open.name === 'em')) {
      this.#blockSetApart += letters
    }
  }
}

// A page, not a text file: a document type or an <html>, <head> or <body> tag at its start, or
// markup in a file named as HTML, or text whose lines are mostly paragraphs and breaks.
const STARTS_AS_HTML = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/iu
const HTML_NAME = /\.(?:x?html?|php|asp|shtml)$/iu
const BLOCK_TAG = /<(?:p|br|div|hr|center|table|font|b|i)\b[^>]*>/giu

/** Whether decoded text is an HTML page rather than a plain-text story with a stray tag. */
export function looksLikeHtml(text: string, fileName: string): boolean {
  const head = text.slice(0, 4_096)
  if (STARTS_AS_HTML.test(head)) return true
  const tags = head.match(BLOCK_TAG)?.length ?? 0
  if (HTML_NAME.test(fileName)) return tags > 0 || /<\/?[a-z][^>]*>/iu.test(head)
  // Plain-text stories quote a tag now and then; a page has them on most of its lines.
  return tags >= 8 && tags * 4 >= head.split('\n').length
}
