// Song lyrics and poems in legacy stories: short lines, each starting with a capital as lyric
// sheets print them, mostly without the full stop that ends a prose sentence, and not
// dialogue (which opens with a quote mark). Prose wrapped at 72 columns fails the capital
// test on most lines; a one-line reaction ("He nods.") fails the full stop test.
const VERSE_MAX = 72
const OPENS_LIKE_VERSE = /^[\p{Lu}\p{N}]/u
const ENDS_LIKE_PROSE = /(?<!\.)\.$|[:;"”]$/u
const ENDS_OPEN = /[\p{L}\p{N}]$/u

/** Whether one line could be a line of verse. */
export function isVerseLine(text: string): boolean {
  if (text.length > VERSE_MAX || !OPENS_LIKE_VERSE.test(text) || ENDS_LIKE_PROSE.test(text)) {
    return false
  }
  return text.split(/\s+/u).length >= 2
}

/** Whether lines that could each be verse read as a stanza: two or more, mostly open-ended. */
export function isStanza(lines: readonly string[]): boolean {
  if (lines.length < 2 || !lines.every(isVerseLine)) return false
  const open = lines.filter((line) => ENDS_OPEN.test(line) || /,$/u.test(line)).length
  return open * 2 >= lines.length
}
