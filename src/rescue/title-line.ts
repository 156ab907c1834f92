import { isNoteLine } from './note-line.js'

// An unlabelled title is one short line that does not read as a sentence, dialogue or note.
const TITLE_LINE_MAX = 100

/** Whether a line could be a story's title written without a "Title:" key. */
export function isTitleLike(text: string): boolean {
  return (
    text.length <= TITLE_LINE_MAX &&
    /[\p{L}\p{N}]/u.test(text) &&
    !/^["“'‘(]/u.test(text) &&
    !/[.:;,]$/u.test(text) &&
    !isNoteLine(text)
  )
}
