// Full-text engines find words by the spaces and punctuation between them. Chinese and Japanese
// put none between words, and Korean attaches particles to them, so an index would hold a whole
// sentence as one "word". Node's built-in Intl.Segmenter (ICU's dictionaries) splits those runs
// into words first; the index and the query both go through here, so they split alike.

/** Put between the words of a run written without spaces: invisible, and a separator to both
 * SQLite's unicode61 tokenizer and PostgreSQL's parser. */
export const WORD_SEPARATOR = '\u200b'

// Scripts written without spaces between words. U+30FC (the long vowel mark) and U+3005 (the
// iteration mark) are Common script but only ever occur inside such words.
const UNSPACED =
  String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}` +
  String.raw`\p{Script=Hangul}\u30fc\u3005`
const UNSPACED_RUN = new RegExp(`[${UNSPACED}]+`, 'gu')
const HAS_UNSPACED = new RegExp(`[${UNSPACED}]`, 'u')
const HANGUL_ONLY = /^[\p{Script=Hangul}]+$/u

// Control characters and lone surrogates (what invalid UTF-8 or UTF-16 leaves) are never text;
// tab and line feed stay. The store marks snippet matches with \u0002 and \u0003, which this
// removes, so indexed text can never forge a mark.
const NOT_TEXT = /[\p{Cs}\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu

// A word: letters, digits and the marks that belong to them. This is the SQLite tokenizer's
// `categories 'L* N* M*'`; a word needs at least one letter or digit.
const WORD = /[\p{L}\p{N}\p{M}]+/gu
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

// One shared instance: segmenting is pure, and making a segmenter loads ICU data. The locale
// barely matters: ICU uses one dictionary for Han in Chinese and Japanese text.
const SEGMENTER = new Intl.Segmenter('ja', { granularity: 'word' })

/**
 * `text` as the full-text index stores it: NFKC (full-width letters are letters), control
 * characters removed, and runs of Han, kana and Hangul split into words by WORD_SEPARATOR.
 */
export function searchableText(text: string): string {
  return text
    .replace(NOT_TEXT, ' ')
    .normalize('NFKC')
    .replace(UNSPACED_RUN, (run) => segmentRun(run).join(WORD_SEPARATOR))
}

/** The words of `text` in reading order, lower case, split as `searchableText` splits them. */
export function searchWords(text: string): string[] {
  const words = searchableText(text).toLowerCase().match(WORD) ?? []
  return words.filter((word) => LETTER_OR_DIGIT.test(word))
}

/** Whether `word` is in a script written without spaces, where one character can be a word. */
export function isUnspacedWord(word: string): boolean {
  return HAS_UNSPACED.test(word)
}

/** Whether `word` is Korean only: Korean attaches particles, so "학교" is also in "학교에". */
export function isHangulWord(word: string): boolean {
  return HANGUL_ONLY.test(word)
}

function segmentRun(run: string): string[] {
  return Array.from(SEGMENTER.segment(run), ({ segment }) => segment)
}
