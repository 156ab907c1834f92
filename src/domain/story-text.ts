import type { ChapterDraft, SectionKind } from './work-draft.js'

// The story's own words: scene breaks, author's notes and the header are not, so a copy with a
// longer header or an added note still reads the same. As in AO3's word count.
const STORY_KINDS: ReadonlySet<SectionKind> = new Set(['paragraph', 'verse', 'heading'])

// Invisible formatting (soft hyphens, zero-width spaces and joiners, byte order marks): an HTML
// page may hold them inside words where a text copy has none.
const FORMAT_CHARACTERS = /\p{Cf}/gu
// Accents and other combining marks, once NFKD has split them off their letters: a text copy
// saved by an ASCII-only editor ("cafe") still matches its page ("café").
const COMBINING_MARKS = /\p{M}/gu
// Apostrophes and primes that Unicode files as letters (modifier letters), written for "'" by
// some editors and keyboards: they separate words as the apostrophe does.
const LETTER_APOSTROPHES = /[\u02b9\u02ba\u02bc]/gu
// Everything that is not a letter or a digit: punctuation, quotes and dashes of every style,
// symbols, replacement characters and white space all separate words, and only separate them.
const NOT_WORD = /[^\p{L}\p{N}]+/gu
// Text with nothing but ASCII and the general punctuation block's dashes, quotes, bullets and
// ellipsis (none of them a letter, digit, mark or format character) is normalised by the fast
// path. ASCII patterns without the u flag, which would make these scans many times slower.
const BEYOND_ASCII_PUNCTUATION = /[^\x00-\x7f\u2010-\u2027]/

/**
 * A story's words, normalised so that copies of it in different formats agree: the text of its
 * paragraphs, verse and headings, across chapters, NFKC-normalised, case-folded, accents
 * dropped, and every run of punctuation and white space made one space. "He said -- “Don’t”"
 * and "he said—\"don't\"" both read `he said don t`.
 */
export function normaliseStoryText(chapters: readonly ChapterDraft[]): string {
  const texts: string[] = []
  let isSimple = true
  for (const chapter of chapters) {
    for (const section of chapter.sections) {
      if (!STORY_KINDS.has(section.kind)) continue
      texts.push(section.text)
      isSimple &&= !BEYOND_ASCII_PUNCTUATION.test(section.text)
    }
  }
  // Most stories are ASCII with typographic quotes and dashes, where the steps below come to
  // lower case and one space for each run of anything but a-z and 0-9: a fifth of the time.
  if (isSimple) return normaliseAscii(texts)
  return (
    texts
      .join(' ')
      .normalize('NFKC')
      .replace(FORMAT_CHARACTERS, '')
      // Upper then lower case folds more than lower case alone: "ß" and "SS" both become "ss".
      .toUpperCase()
      .toLowerCase()
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .replace(LETTER_APOSTROPHES, ' ')
      .replace(NOT_WORD, ' ')
      .trim()
  )
}

// The fast path, one pass over the texts: a-z and 0-9 kept (A-Z lowered), every run of anything
// else (and the gap between two texts) one space, none at either end. A regular expression's
// replace of each run took 0.3 ms for a 20 KB story; this loop takes a fraction of that.
function normaliseAscii(texts: readonly string[]): string {
  let size = 0
  for (const text of texts) size += text.length + 1
  const out = new Uint8Array(size)
  let length = 0
  let gap = false
  for (const text of texts) {
    for (let at = 0; at < text.length; at += 1) {
      const code = ASCII_WORD[text.charCodeAt(at)] ?? 0
      if (code === 0) {
        gap = true
        continue
      }
      if (gap && length > 0) out[length++] = 0x20
      gap = false
      out[length++] = code
    }
    gap = true
  }
  return Buffer.from(out.buffer, 0, length).toString('latin1')
}

// For each ASCII code, the character it stands for in a normalised text, 0 for none.
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) => {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? code : 0
})
