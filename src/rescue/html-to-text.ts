import { Parser } from 'htmlparser2'

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
  const out = new TextOut()
  let skipping = 0
  let preformatted = 0
  let linkDepth = 0
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipping += 1
        if (skipping > 0) return
        if (name === 'pre') preformatted += 1
        if (name === 'a') linkDepth += 1
        if (name === 'hr') out.sceneBreak()
        else if (BLOCK_ELEMENTS.has(name)) out.endBlock()
        else if (LINE_ELEMENTS.has(name)) out.endLine()
        else if (name === 'td' || name === 'th') out.text(' ', false, false)
      },
      onclosetag(name) {
        if (SKIPPED_ELEMENTS.has(name)) {
          skipping = Math.max(0, skipping - 1)
          return
        }
        if (skipping > 0) return
        if (name === 'pre') preformatted = Math.max(0, preformatted - 1)
        if (name === 'a') linkDepth = Math.max(0, linkDepth - 1)
        if (BLOCK_ELEMENTS.has(name)) out.endBlock()
        else if (name === 'li' || name === 'tr' || name === 'dd' || name === 'dt') out.endLine()
      },
      ontext(text) {
        if (skipping === 0) out.text(text, preformatted > 0, linkDepth > 0)
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  )
  parser.write(html)
  parser.end()
  return out.finish()
}

/** Lines of text as they build up, each knowing whether all of its words sat inside links. */
class TextOut {
  readonly #lines: string[] = []
  #line = ''
  #linkedOnly = true

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

  endLine(): void {
    const line = this.#line.trim()
    const navigation = this.#linkedOnly && line !== '' && line.length <= NAVIGATION_MAX && this.#hadLink
    if (!navigation) this.#lines.push(line)
    this.#line = ''
    this.#linkedOnly = true
    this.#hadLink = false
  }

  endBlock(): void {
    if (this.#line.trim() !== '') this.endLine()
    if (this.#lines.length > 0 && this.#lines[this.#lines.length - 1] !== '') this.#lines.push('')
  }

  sceneBreak(): void {
    this.endBlock()
    this.#lines.push('* * *', '')
  }

  finish(): string {
    this.endBlock()
    return this.#lines.join('\n').replace(/\n{3,}/gu, '\n\n').trim() + '\n'
  }

  #hadLink = false

  #append(text: string, linked: boolean): void {
    if (linked && text.trim() !== '') this.#hadLink = true
    // Separators between a menu's links ("|", "::", "[ ]") keep it a menu; words do not.
    else if (!linked && /[\p{L}\p{N}]/u.test(text)) this.#linkedOnly = false
    this.#line += text
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
