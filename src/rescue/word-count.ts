// AO3's rule, as the archive states it: words are runs of letters, digits and apostrophes,
// split on white space and dashes, and each Chinese, Japanese or Korean character is a word of
// its own, since those scripts put no spaces between words.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u

const RUN = { outside: 0, apostrophes: 1, word: 2 } as const

/**
 * Counts words in text by AO3's rule. One pass over the characters, with a table-free fast
 * path for ASCII: counting with a regular expression made an array per word and was a sixth
 * of the time rescue spent on a story.
 */
export function countWords(text: string): number {
  let count = 0
  // Inside a run: only apostrophes so far (not a word yet), or a word already counted.
  let state: number = RUN.outside
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let kind: 'word' | 'apostrophe' | 'cjk' | 'other'
    if (code < 0x80) {
      kind =
        (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)
          ? 'word'
          : code === 0x27
            ? 'apostrophe'
            : 'other'
    } else {
      const point = text.codePointAt(i) ?? code
      const char = String.fromCodePoint(point)
      if (point > 0xffff) i++
      kind = code === 0x2019 ? 'apostrophe' : CJK.test(char) ? 'cjk' : WORD_CHARACTER.test(char) ? 'word' : 'other'
    }
    if (kind === 'word') {
      if (state !== RUN.word) count++
      state = RUN.word
    } else if (kind === 'apostrophe') {
      if (state === RUN.outside) state = RUN.apostrophes
    } else {
      if (kind === 'cjk') count++
      state = RUN.outside
    }
  }
  return count
}
