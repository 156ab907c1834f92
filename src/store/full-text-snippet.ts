import { WORD_SEPARATOR } from '../domain/segment-words.js'
import type { SnippetSegment } from './full-text-engine.js'

// Control characters, which `searchableText` strips from all indexed text: a story can never
// contain a marker, so a mark always comes from the engine.
/** Put before a match by FTS5 snippet() and ts_headline. */
export const MATCH_START = '\u0002'
/** Put after a match. */
export const MATCH_END = '\u0003'

/** A snippet with marks, as segments a view can render with <mark> and escaping. */
export function snippetSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = []
  let match = false
  for (const piece of marked.split(/([\u0002\u0003])/u)) {
    if (piece === MATCH_START) match = true
    else if (piece === MATCH_END) match = false
    else if (piece !== '') appendSegment(segments, piece.replaceAll(WORD_SEPARATOR, ''), match)
  }
  return segments
}

function appendSegment(segments: SnippetSegment[], text: string, match: boolean): void {
  const last = segments.at(-1)
  if (text === '') return
  // Two marked words side by side read as one mark, as "exact phrase" is one thing found.
  if (last?.match === match) segments[segments.length - 1] = { text: last.text + text, match }
  else segments.push({ text, match })
}
