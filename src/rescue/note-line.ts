// An author's note inside the story: "A/N: …", "(A/N …)", "[AN: …]", "Author's note: …",
// "Note: …". "An" and "Note" need a colon or dash after them: "An hour later", "Note to self".
const NOTE_STARTS = [
  /^[([]?\s*(?:a\/n|a\.n\.)(?![\p{L}])/iu,
  /^[([]?\s*(?:author['’]?s?|authors?)\s+notes?\b/iu,
  /^[([]?\s*(?:an|notes?)\s*[:\-–]/iu,
]
const NOTE_LABEL =
  /^\s*(?:a\/n|a\.n\.|an|author['’]?s?\s+notes?|authors?\s+notes?|notes?)(?:\s*[:\-–]+|\s+|$)\s*/iu

/** Whether a line opens an author's note. */
export function isNoteLine(text: string): boolean {
  return NOTE_STARTS.some((start) => start.test(text))
}

/** A note's text without its "A/N:" label and surrounding brackets. */
export function stripNoteLabel(text: string): string {
  const unwrapped = /^\(.*\)$|^\[.*\]$/su.test(text) ? text.slice(1, -1) : text
  return unwrapped.replace(NOTE_LABEL, '').trim()
}
