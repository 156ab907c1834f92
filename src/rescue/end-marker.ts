/** What a closing line says: the work is finished, it continues, or only a chapter ended. */
export type EndMarker = 'complete' | 'to-be-continued' | 'chapter-end'

// Markers as written, once their decoration is gone: "~*~Fin~*~", "-END-", "[The End]",
// "The End?", "tbc...", "To Be Continued in Part 2".
const DECORATION = /^[\s~*\-_=+#()[\]<>{}|.!?:;,…'"“”]+|[\s~*\-_=+#()[\]<>{}|.!?:;,…'"“”]+$/gu
const COMPLETE = new Set([
  'end',
  'the end',
  'fin',
  'finis',
  'fini',
  'finite',
  'owari',
  'end of story',
  'end of fic',
  'story end',
  'el fin',
  'ende',
  'the very end',
  'complete',
])
const CONTINUED = new Set([
  'tbc',
  'to be continued',
  'continued',
  'cont',
  'more to come',
  'tbc maybe',
])
const CONTINUED_PREFIX = /^(?:to be continued|tbc|continued)\s+(?:in|on|next|with)\b/u
const CHAPTER_END = /^end\s+(?:of\s+)?(?:chapter|part|ch)\b/u

/** Reads a line as an end marker, or undefined. */
export function readEndMarker(text: string): EndMarker | undefined {
  if (text.length > 60) return undefined
  const words = text.toLowerCase().replace(DECORATION, '').replace(/\s+/gu, ' ')
  if (COMPLETE.has(words)) return 'complete'
  if (CONTINUED.has(words) || CONTINUED_PREFIX.test(words)) return 'to-be-continued'
  if (CHAPTER_END.test(words)) return 'chapter-end'
  // "The End... or is it?" and "The End (for now)" still close the work.
  if (/^the end\b/u.test(words) && words.split(' ').length <= 6) return 'complete'
  return undefined
}
