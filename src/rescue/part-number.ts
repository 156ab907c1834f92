import { readChapterHeading } from './chapter-heading.js'
import { readNumber } from './number-words.js'

/**
 * Where a story file's part number was read: its title, its mail subject, its name, its first
 * heading, or the address of a fetched chapter page.
 */
export type PartFrom = 'title' | 'subject' | 'file-name' | 'heading' | 'address'

/** Which part of a story a file is, and of how many when it says. */
export type PartNumber = Readonly<{ part: number; of: number | null; from: PartFrom }>

/**
 * A part marker found in a title: the title less the marker (`rest`, what the parts share) and
 * what follows the marker when something precedes it ("The Long Road, Part 2: Homecoming" has
 * the rest "The Long Road" and the subtitle "Homecoming").
 */
export type TitlePart = PartNumber & Readonly<{ rest: string; subtitle: string | null }>

// Parts past this are a year or an id, not a part ("Part 2004").
const MAX_PART = 999
const KEYWORD = '(?:part|pt\\.?|chapter|chap\\.?|ch\\.?)'
// A number as digits, in words ("Two", "Twenty-One") or as a Roman numeral ("IV").
const TOKEN = '(\\d{1,3}|[a-z]+(?:-[a-z]+)?)'
const COUNT = '(\\d{1,3}|\\?)'
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])'
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])'
// "(2/5)", "[2/5]", "(Part 2 of 5)": a count in brackets, as mailing lists and archives wrote it.
const BRACKETED = new RegExp(`[([]\\s*(?:${KEYWORD}\\s*)?(\\d{1,3})\\s*(?:/|\\bof\\b)\\s*${COUNT}\\+?\\s*[)\\]]`, 'giu')
// "Part 2", "Part Two", "pt. 3", "Chapter 4", "ch04", each perhaps "of 5" or "/5".
const KEYWORDED = new RegExp(
  `${NOT_WORD_BEFORE}${KEYWORD}\\s*${TOKEN}(?:\\s*(?:/|\\bof\\b)\\s*${COUNT})?${NOT_WORD_AFTER}`,
  'giu',
)
// "2 of 5": both numbers, so that no title with a lone number in it is read as a part.
const COUNTED = new RegExp(`${NOT_WORD_BEFORE}(\\d{1,3})\\s+of\\s+(\\d{1,3})${NOT_WORD_AFTER}`, 'giu')
// A Roman numeral as a part is written (I to XXXIX): "Part Civil" is no part.
const ROMAN = /^x{0,3}(?:ix|iv|v?i{0,3})$/iu
const EDGES = /^[\s,;:.~|*_–—-]+|[\s,;:~|*_–—-]+$/gu

/** The number a part token stands for ("2", "two", "IV"), or undefined. */
function readToken(token: string): number | undefined {
  const text = token.toLowerCase()
  if (/^[ivxlc]+$/u.test(text) && !ROMAN.test(text)) return undefined
  const number = readNumber(text)
  return number !== undefined && number >= 1 && number <= MAX_PART ? number : undefined
}

function readCount(raw: string | undefined, part: number): number | null | undefined {
  if (raw === undefined || raw === '?') return null
  const of = Number(raw)
  // "3 of 2" is no count of parts.
  return of >= part ? of : undefined
}

type Found = Readonly<{ part: number; of: number | null; index: number; length: number }>

function findMarker(text: string): Found | undefined {
  for (const pattern of [BRACKETED, KEYWORDED, COUNTED]) {
    for (const match of text.matchAll(pattern)) {
      const part = readToken(match[1] ?? '')
      if (part === undefined) continue
      const of = readCount(match[2], part)
      if (of === undefined) continue
      return { part, of, index: match.index, length: match[0].length }
    }
  }
  return undefined
}

/**
 * The part marker in a title or a mail subject: "Part 2", "Part Two", "pt. 3", "(2/5)",
 * "[2/5]", "2 of 5", "Chapter 4", "ch04". Undefined when there is none: "Catch-22",
 * "Route 66" and a title that is only a number name no part.
 */
export function readTitlePart(title: string, from: 'title' | 'subject' = 'title'): TitlePart | undefined {
  const found = findMarker(title)
  if (found === undefined) return undefined
  const before = title.slice(0, found.index).replace(EDGES, '')
  const after = title.slice(found.index + found.length).replace(EDGES, '')
  const rest = before !== '' ? before : after
  const subtitle = before !== '' && after !== '' ? after : null
  return { part: found.part, of: found.of, from, rest, subtitle }
}

// "story-part2", "story-ch1", "chapter3", "part2": a keyword before the number at the end.
const FILE_KEYWORD = /(?:^|[\s._-])(?:part|pt|chapter|chap|ch)[\s._-]?(\d{1,3})$/iu
// "story_02", "story-02", "story-2": a number alone needs an underscore, a leading zero or one
// digit, so that "catch-22" and "route-66" are no parts.
const FILE_NUMBER = /\p{L}[^\s._-]*(?:_(\d{1,3})|[-\s.](0\d{1,2})|[-\s](\d))$/u

/** The part number a file's name ends with ("story_02.txt", "story-part2.htm", "ch1.txt"). */
export function readFileNamePart(fileName: string): PartNumber | undefined {
  const base = fileName.split(/[/\\]/u).pop() ?? ''
  const stem = base.replace(/\.[a-z0-9]{1,5}$/iu, '')
  const match = FILE_KEYWORD.exec(stem) ?? FILE_NUMBER.exec(stem)
  const raw = match?.slice(1).find((group) => group !== undefined)
  if (raw === undefined) return undefined
  const part = Number(raw)
  return part >= 1 && part <= MAX_PART ? { part, of: null, from: 'file-name' } : undefined
}

const HEADING = new RegExp(`^(?:chapter|chap\\.?|ch\\.|part)\\s*${TOKEN}(?:\\s*(?:/|\\bof\\b)\\s*${COUNT})?(?=$|[\\s:.,(–—-])`, 'iu')
const DECORATION = /^[\s~*=#_<>[\]|+-]+|[\s~*=#_<>[\]|+-]+$/gu

/** The number of a chapter heading line ("Chapter 3: The Return", "~ Part Two ~"), or undefined. */
export function readHeadingPart(line: string): PartNumber | undefined {
  // Rescue's own test of a heading first: "Chapter one of my life began…" is prose.
  if (readChapterHeading(line) === undefined) return undefined
  const match = HEADING.exec(line.replace(DECORATION, ''))
  const part = match === null ? undefined : readToken(match[1] ?? '')
  if (match === null || part === undefined) return undefined
  const of = readCount(match[2], part)
  return of === undefined ? undefined : { part, of, from: 'heading' }
}

// Lines of a story's beginning that are looked at for a subject or a first heading.
const HEAD_LINES = 80
const SUBJECT = /^subject:[ \t]*(.+)$/imu

/**
 * The part number of a story from the beginning of its text (`head`, tags already out): a mail
 * subject's marker, else its first chapter heading.
 */
export function readHeadPart(head: string): PartNumber | undefined {
  const lines = head.split(/\r?\n/u, HEAD_LINES)
  // A mail's headers end at its first blank line; the subject is among them.
  const headerEnd = lines.findIndex((line) => line.trim() === '')
  const headers = lines.slice(0, headerEnd < 0 ? lines.length : headerEnd).join('\n')
  const subject = /^(?:from|date|to|message-id|newsgroups|received|return-path):/imu.test(headers)
    ? SUBJECT.exec(headers)?.[1]
    : undefined
  const fromSubject = subject === undefined ? undefined : readTitlePart(subject, 'subject')
  if (fromSubject !== undefined) return { part: fromSubject.part, of: fromSubject.of, from: 'subject' }
  for (const line of lines) {
    const heading = readHeadingPart(line.trim())
    if (heading !== undefined) return heading
  }
  return undefined
}
