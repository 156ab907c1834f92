import { RescueError } from '../domain/errors.js'
import { type FrontLine, type FrontMatter, type FrontValue, readFrontMatter } from './front-matter.js'
import { markdownToText } from './markdown-body.js'
import type { StoryFormat } from './story-formats.js'

/** The header keys rescue reads, in the order they are written out. */
type HeaderKey =
  | 'Title' | 'Author' | 'Fandom' | 'Rating' | 'Warnings' | 'Category' | 'Pairing' | 'Characters'
  | 'Tags' | 'Genre' | 'Series' | 'Language' | 'Status' | 'Date' | 'Updated' | 'Disclaimer'
  | 'Summary' | 'Notes'

// Front-matter keys of Jekyll, Hugo, Eleventy and archive exports, lower case, "_" and "-" as
// spaces, and the header key each one is.
const FRONT_KEYS: Readonly<Record<string, HeaderKey>> = {
  title: 'Title',
  author: 'Author', authors: 'Author', creator: 'Author', creators: 'Author', by: 'Author',
  fandom: 'Fandom', fandoms: 'Fandom',
  rating: 'Rating',
  warning: 'Warnings', warnings: 'Warnings', 'archive warnings': 'Warnings',
  category: 'Category', categories: 'Category',
  pairing: 'Pairing', pairings: 'Pairing', ship: 'Pairing', ships: 'Pairing',
  relationship: 'Pairing', relationships: 'Pairing',
  character: 'Characters', characters: 'Characters',
  tags: 'Tags', keywords: 'Tags', freeforms: 'Tags', 'additional tags': 'Tags',
  genre: 'Genre', genres: 'Genre',
  series: 'Series',
  language: 'Language', lang: 'Language',
  status: 'Status',
  date: 'Date', published: 'Date', posted: 'Date',
  updated: 'Updated', modified: 'Updated', lastmod: 'Updated',
  disclaimer: 'Disclaimer',
  summary: 'Summary', description: 'Summary',
  notes: 'Notes', note: 'Notes',
}
// Tag prefixes: "c:Lois Lane" is a character, "p:Lois/Clark" a pairing, and so on.
const TAG_PREFIXES: Readonly<Record<string, HeaderKey>> = {
  c: 'Characters', char: 'Characters', character: 'Characters',
  p: 'Pairing', pairing: 'Pairing', ship: 'Pairing', rel: 'Pairing', relationship: 'Pairing',
  f: 'Fandom', fandom: 'Fandom',
  w: 'Warnings', warning: 'Warnings',
  r: 'Rating', rating: 'Rating',
  a: 'Author', author: 'Author',
}
// Keys whose value holds one thing; the rest are lists, comma-joined.
const SINGLE: ReadonlySet<HeaderKey> = new Set(['Title', 'Rating', 'Language', 'Status', 'Date', 'Updated'])
// Keys whose value may run over paragraphs (header-keys.ts MULTI_PARAGRAPH_FIELDS); warnings
// in front matter are a list, comma-joined like tags.
const PROSE: ReadonlySet<HeaderKey> = new Set(['Summary', 'Notes', 'Disclaimer'])
// The plain-text reader takes a paragraph opening with a quote or longer than this for story.
const STORY_PARAGRAPH = 600

const OPENING = /^---[ \t]*$/u
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/u
const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkd)$/iu
// Markdown a writer would not type in a plain text file: headings, links, **strong**, _em_,
// fenced code.
const MARKDOWN_SYNTAX =
  /^ {0,3}#{1,6}[ \t]+\S|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\s][^*\n]*\*\*|(?<![\p{L}\p{N}_])_[^_\s][^_\n]*_(?![\p{L}\p{N}_])|^ {0,3}```/mu
// Without a .md name, front matter is only front matter when it reads as YAML at a glance.
const YAML_LINE = /^(?:[A-Za-z_][\w-]*:(?:\s|$)|\s|-\s|#|$)/u

function frontKey(key: string): HeaderKey | undefined {
  return FRONT_KEYS[key.toLowerCase().replace(/[_-]+/gu, ' ').trim()]
}

function valueItems(value: FrontValue): string[] {
  return value.kind === 'list' ? [...value.items] : [value.text]
}

function collect(front: FrontMatter): Map<HeaderKey, string[]> {
  const values = new Map<HeaderKey, string[]>()
  const add = (key: HeaderKey, items: readonly string[]): void => {
    const kept = items.map((item) => item.trim()).filter((item) => item !== '')
    values.set(key, [...(values.get(key) ?? []), ...kept])
  }
  for (const [written, value] of front) {
    const key = frontKey(written)
    if (key === undefined) continue
    if (key !== 'Tags') {
      add(key, valueItems(value))
      continue
    }
    for (const item of valueItems(value)) {
      const prefixed = /^([A-Za-z]{1,12}):(.+)$/u.exec(item)
      const prefix = prefixed === null ? undefined : TAG_PREFIXES[(prefixed[1] ?? '').toLowerCase()]
      if (prefix === undefined) add('Tags', [item])
      else add(prefix, [prefixed?.[2] ?? ''])
    }
  }
  return values
}

function isSafeParagraph(text: string): boolean {
  return text.length <= STORY_PARAGRAPH && !/^["“'‘]/u.test(text)
}

// Header lines as the plain-text reader reads them. A value's paragraphs stay paragraphs only
// where the reader will join them back: a field follows, and none looks like story.
function writeHeader(values: ReadonlyMap<HeaderKey, string[]>): string {
  const entries = [...values].filter(([, items]) => items.length > 0)
  const ordered = [
    ...entries.filter(([key]) => PROSE.has(key)),
    ...entries.filter(([key]) => !PROSE.has(key)),
  ]
  const hasFieldAfter = (index: number): boolean => ordered.slice(index + 1).some(([key]) => !PROSE.has(key))
  return ordered
    .map(([key, items], index) => {
      if (SINGLE.has(key)) return `${key}: ${(items[0] ?? '').replace(/\s+/gu, ' ')}`
      const joined = PROSE.has(key) ? items.join('\n\n') : items.join(', ')
      const paragraphs = joined.split(/\n{2,}/u).map((text) => text.replace(/\s+/gu, ' ').trim())
      const keep = PROSE.has(key) && hasFieldAfter(index) && paragraphs.every(isSafeParagraph)
      return `${key}: ${paragraphs.join(keep ? '\n\n' : ' ')}`
    })
    .join('\n')
}

function findClosing(lines: readonly string[]): number {
  return lines.findIndex((line, index) => index > 0 && CLOSING.test(line))
}

function readFront(lines: readonly string[], fileName: string): { front: FrontMatter; bodyStart: number } | undefined {
  const isMarkdownName = MARKDOWN_NAME.test(fileName)
  const closing = findClosing(lines)
  if (closing < 0) {
    if (!isMarkdownName) return undefined
    throw new RescueError('QUIRE_RESCUE_BAD_HEADER', { file: fileName, line: 1 }, 'front matter opened with "---" is never closed by a "---" line')
  }
  const inner = lines.slice(1, closing)
  const looksLikeYaml = inner.every((line) => YAML_LINE.test(line)) && inner.some((line) => /^[A-Za-z_][\w-]*:/u.test(line))
  if (!isMarkdownName && !looksLikeYaml) return undefined
  const numbered: FrontLine[] = inner.map((text, index) => ({ number: index + 2, text }))
  const front = readFrontMatter(numbered, fileName, (key) => frontKey(key) !== undefined)
  if (!isMarkdownName && front.size === 0) return undefined
  return { front, bodyStart: closing + 1 }
}

/**
 * Reads a Markdown story: YAML front matter (title, author, rating, pairing, characters,
 * fandom, summary, warnings, date, and `tags` whose `c:`, `p:`, `f:`, `w:`, `r:` prefixes name
 * what each tag is) as header fields, and the body as plain text. A file without front matter
 * is Markdown only when named .md and written in Markdown; else undefined.
 */
export function readMarkdownStory(text: string, fileName: string): string | undefined {
  const lines = text.split('\n')
  const hasFront = OPENING.test(lines[0] ?? '')
  const read = hasFront ? readFront(lines, fileName) : undefined
  if (read === undefined && !(MARKDOWN_NAME.test(fileName) && MARKDOWN_SYNTAX.test(text))) return undefined
  const values = collect(read?.front ?? new Map<string, FrontValue>())
  const body = markdownToText(lines.slice(read?.bodyStart ?? 0).join('\n'))
  const isMissing = (key: HeaderKey): boolean => (values.get(key) ?? []).length === 0
  if (body.title !== null && isMissing('Title')) values.set('Title', [body.title])
  if (body.author !== null && isMissing('Author')) values.set('Author', [body.author])
  const header = writeHeader(values)
  return `${header === '' ? '' : `${header}\n\n`}${body.text}\n`
}

/** Markdown files, with or without YAML front matter. */
export const MARKDOWN_STORY: StoryFormat = {
  name: 'markdown',
  label: 'a Markdown file',
  read: readMarkdownStory,
}
