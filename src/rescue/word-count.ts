// AO3's rule, as the archive states it: words are runs of letters, digits and apostrophes,
// split on white space and dashes, and each Chinese, Japanese or Korean character is a word of
// its own, since those scripts put no spaces between words.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu
// A run is matched whole and then checked, never backtracked into: linear on any input.
const RUN = /[\p{L}\p{M}\p{N}'’]+/gu
const APOSTROPHES = /^['’]+$/u

/** Counts words in text by AO3's rule. */
export function countWords(text: string): number {
  let count = 0
  const rest = text.replace(CJK, () => {
    count += 1
    return ' '
  })
  for (const [run] of rest.matchAll(RUN)) if (!APOSTROPHES.test(run)) count += 1
  return count
}
