import { readChapterHeading } from './chapter-heading.js'
import { readByLine } from './header-line.js'
import { currentPageMarks } from './page-marks.js'
import { escapeStoryText } from '../safety/story-html.js'

/** A Markdown body as plain text, and the title (and "by" line) of its opening `# Heading`. */
export type MarkdownText = Readonly<{ text: string; title: string | null; author: string | null }>

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$|^ {0,3}(#{1,6})[ \t]*$/u
// CommonMark §4.1: three or more *, - or _ alone on a line, spaces allowed between them.
const THEMATIC_BREAK = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/u
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/u
const FENCE = /^ {0,3}(`{3,}|~{3,})/u
const BLOCKQUOTE = /^ {0,3}>[ \t]?/u
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S+/u
// A line ending in two spaces or a backslash ends a line inside its paragraph (§6.7).
const HARD_BREAK = /(?: {2,}|\\)$/u
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/u

/** Inline Markdown as the words a reader sees: links and images as their text, no markers. */
export function stripInline(text: string): string {
  const unmarked = text
    .replace(/`([^`]+)`/gu, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/gu, '$1')
    .replace(/~~(?=\S)(.+?)~~/gu, '$1')
  // Twice, for emphasis inside emphasis: "**she *never* said**".
  const strip = (found: string): string => replaceEmphasis(found, (_marks, inner) => inner)
  return unescapeMarkers(strip(strip(unmarked)))
}

// A backslash before a marker keeps the marker as a character.
function unescapeMarkers(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/gu, '$1')
}

const EMPHASIS = /(?<!\\)(\*{1,3}|_{1,3})(?=[^\s*_])([^*_\n]*?[^\s*_\\])\1(?![\p{L}\p{N}])/gu

// Each emphasised run as `render` writes it from its markers ("*", "**", "_"…) and its words.
function replaceEmphasis(text: string, render: (marks: string, inner: string) => string): string {
  return text.replace(EMPHASIS, (whole, marks: string, inner: string, offset: number, all: string) => {
    // "snake_case_words" keep their underscores: _ marks emphasis only at a word's edge.
    const before = all.charAt(offset - 1)
    return marks.startsWith('_') && /[\p{L}\p{N}]/u.test(before) ? whole : render(marks, inner)
  })
}

// The emphasis markers as the elements they stand for: *one* and _one_ emphasis, two strong.
const EMPHASIS_TAGS: Readonly<Record<number, readonly [string, string]>> = {
  1: ['<em>', '</em>'],
  2: ['<strong>', '</strong>'],
  3: ['<strong><em>', '</em></strong>'],
}

/**
 * Inline Markdown as the HTML a reader of the rendered page saw: emphasis, strong emphasis,
 * strike-through and code as their elements, links to web addresses as links and any other
 * as their text, images as their description. Sanitised again where a section takes it.
 */
export function markInline(text: string): string {
  const link = (label: string, href: string): string =>
    /^https?:\/\//iu.test(href) ? `<a href="${href}">${label}</a>` : label
  const marked = escapeStoryText(text)
    .replace(/`([^`]+)`/gu, '<code>$1</code>')
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]+)\]\(\s*([^)\s]*)[^)]*\)/gu, (_whole, label: string, href: string) => link(label, href))
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, '$1')
    .replace(/&lt;((?:https?|mailto):[^\s]+?)&gt;/gu, (_whole, href: string) => link(href, href))
    .replace(/~~(?=\S)(.+?)~~/gu, '<del>$1</del>')
  const mark = (found: string): string =>
    replaceEmphasis(found, (marks, inner) => {
      const [open, close] = EMPHASIS_TAGS[marks.length] ?? ['', '']
      return `${open}${inner}${close}`
    })
  return unescapeMarkers(mark(mark(marked)))
}

// CommonMark makes any paragraph above "---" a heading; writers who put "---" under prose
// meant a scene break, so only a short line without closing punctuation is a heading.
function isSetextUnderline(paragraph: readonly string[], line: string): boolean {
  if (paragraph.length === 0 || !SETEXT_UNDERLINE.test(line)) return false
  if (line.trim().startsWith('=')) return true
  const [only] = paragraph
  return paragraph.length === 1 && only !== undefined && only.length <= 60 && !/[.!?"”…]$/u.test(only.trim())
}

type State = {
  out: string[]
  paragraph: string[]
  title: string | null
  author: string | null
  seenText: boolean
}

function flush(state: State): void {
  if (state.paragraph.length === 0) return
  // Soft line breaks are spaces (§6.8); hard ones stay line ends, as in verse.
  const marks = currentPageMarks()
  let text = ''
  let html = ''
  state.paragraph.forEach((line, index) => {
    const isLast = index === state.paragraph.length - 1
    const hard = HARD_BREAK.test(line)
    const raw = line.replace(HARD_BREAK, '').trim()
    const end = isLast ? '' : hard ? '\n' : ' '
    text += stripInline(raw) + end
    if (marks !== undefined) html += markInline(raw) + end
  })
  // Each line the plain-text reader will see, with its markup where it has any.
  if (marks !== undefined) {
    const htmlLines = html.trim().split('\n')
    text.trim().split('\n').forEach((line, index) => {
      const markup = htmlLines[index]?.trim()
      if (markup !== undefined && markup !== escapeStoryText(line.trim())) marks.addLine(line.trim(), markup)
    })
  }
  const byLine = readByLine(text.trim())
  // "# Salt Road" then "by Wren Adair": the credit goes with the title, not into the story.
  if (state.title !== null && !state.seenText && byLine !== undefined) state.author = byLine
  else state.out.push(text.trim(), '')
  state.paragraph = []
  state.seenText = true
}

function pushHeading(state: State, level: number, raw: string): void {
  flush(state)
  const text = stripInline(raw.trim())
  if (text === '') return
  if (readChapterHeading(text) === undefined && level === 1 && !state.seenText && state.title === null) {
    state.title = text
    return
  }
  state.out.push(text, '')
  state.seenText = true
}

/**
 * Markdown to the plain text rescue reads: ATX and setext headings on lines of their own
 * ("## Chapter 2" reads as a chapter, an opening "# Title" as the title), thematic breaks as
 * `* * *`, block quotes as their text, emphasis, code and link markers removed, soft line
 * breaks joined and hard ones kept, fenced code as written.
 */
export function markdownToText(markdown: string): MarkdownText {
  const state: State = { out: [], paragraph: [], title: null, author: null, seenText: false }
  let fence: string | null = null
  for (const raw of markdown.split('\n')) {
    if (fence !== null) {
      if (raw.trim().startsWith(fence)) fence = null
      else state.out.push(raw.trimEnd())
      continue
    }
    const opens = FENCE.exec(raw)
    if (opens !== null) {
      flush(state)
      fence = opens[1] ?? '```'
      continue
    }
    const line = raw.replace(BLOCKQUOTE, '').replace(BLOCKQUOTE, '').replace(BLOCKQUOTE, '')
    const atx = ATX_HEADING.exec(line)
    if (line.trim() === '') {
      flush(state)
    } else if (isSetextUnderline(state.paragraph, line)) {
      const text = state.paragraph.join(' ')
      state.paragraph = []
      pushHeading(state, line.trim().startsWith('=') ? 1 : 2, text)
    } else if (THEMATIC_BREAK.test(line)) {
      flush(state)
      state.out.push('* * *', '')
    } else if (atx !== null) {
      pushHeading(state, (atx[1] ?? atx[3] ?? '#').length, atx[2] ?? '')
    } else if (!REFERENCE_DEFINITION.test(line)) {
      // Each list item is a line of its own, as a reader sees it.
      if (LIST_ITEM.test(line)) flush(state)
      state.paragraph.push(line.trimStart())
    }
  }
  flush(state)
  const text = state.out.join('\n').replace(/\n{3,}/gu, '\n\n').trim()
  return { text, title: state.title, author: state.author }
}
