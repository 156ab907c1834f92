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

/**
 * A story's words, normalised so that copies of it in different formats agree: the text of its
 * paragraphs, verse and headings, across chapters, NFKC-normalised, case-folded, accents
 * dropped, and every run of punctuation and white space made one space. "He said -- “Don’t”"
 * and "he said—\"don't\"" both read `he said don t`.
 */
export function normaliseStoryText(chapters: readonly ChapterDraft[]): string {
  const texts: string[] = []
  for (const chapter of chapters) {
    for (const section of chapter.sections) {
      if (STORY_KINDS.has(section.kind)) texts.push(section.text)
    }
  }
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
