import { readNumber } from './number-words.js'

/** A chapter heading: its title (null when it gives only a number). */
export type ChapterHeading = Readonly<{ title: string | null }>

// Decoration around a heading: "~ Chapter 1 ~", "*** Part Two ***", "== CHAPTER 3 ==".
const DECORATION = /^[\s~*=#_<>[\]|+-]+|[\s~*=#_<>[\]|+-]+$/gu
const NUMBERED = /^(?:chapter|chap\.?|ch\.|part|book|volume|vol\.)\s*(.*)$/iu
const NAMED = /^(?:prologue|epilogue|interlude|afterword)(?=$|[\s:.,(–—-])(.*)$/iu
// The number after "Chapter": digits, a Roman numeral or a number in words ("Twenty-One").
const NUMBER_TOKEN = /^(\d{1,4}|[a-z]+(?:-[a-z]+)?)(?=$|[\s:.,()/–—-])(.*)$/iu
const SEPARATOR = /^\s*[:.,–—-]+\s*/u

function readTitle(rest: string): string | null | undefined {
  const afterCount = rest
    .replace(/^\s*(?:of|\/)\s*\d{1,4}\b/iu, '')
    .replace(/^\s*\(\d+\/\d+\)/u, '')
  const trimmed = afterCount.trim()
  if (trimmed === '') return null
  if (/^\(.+\)$/u.test(trimmed)) return trimmed.slice(1, -1).trim() || null
  if (SEPARATOR.test(afterCount)) return afterCount.replace(SEPARATOR, '').trim() || null
  // "Chapter 1 The Beginning": a title without a separator must look like one, or "Chapter
  // one of my life began" would be a heading.
  if (/^\p{Lu}/u.test(trimmed) && !/[.!?,;]$/u.test(trimmed)) return trimmed
  return undefined
}

/** Reads a line as a chapter heading ("Chapter 2: Title", "Part One", "Prologue"). */
export function readChapterHeading(text: string): ChapterHeading | undefined {
  if (text.length > 100) return undefined
  const cleaned = text.replace(DECORATION, '')
  const named = NAMED.exec(cleaned)
  if (named !== null) {
    const rest = named[1] ?? ''
    const isAlone = rest === '' || SEPARATOR.test(rest) || /^\s*\(/u.test(rest)
    return isAlone ? { title: cleaned } : undefined
  }
  const numbered = NUMBERED.exec(cleaned)
  if (numbered === null) return undefined
  const token = NUMBER_TOKEN.exec(numbered[1] ?? '')
  if (token === null || readNumber(token[1] ?? '') === undefined) return undefined
  const title = readTitle(token[2] ?? '')
  return title === undefined ? undefined : { title }
}
