import { readEndMarker } from './end-marker.js'

// In-chapter headings of legacy stories: point-of-view lines ("Lex's PoV", "Chloe POV",
// "POV: Clark"), a name or place set off by ornaments ("~Chloe~", "*Clark*", "-Lex-",
// "== Metropolis, 2003 =="), the few words writers used to frame a scene ("Flashback"), and
// short lines in capitals ("THREE YEARS LATER").
const POV = /\b(?:pov|p\.o\.v\.?|point of view)(?=$|[\s:)\].~*-])/iu
const DECORATED = /^([~*=\-_#+<([]+)\s*([^~*=_#+<>()[\]]{1,40}?)\s*([~*=\-_#+>)\]]+)$/u
const SCENE_WORDS = new Set([
  'flashback',
  'end flashback',
  'end of flashback',
  'flashback ends',
  'present day',
  'the present',
  'present time',
  'meanwhile',
  'dream',
  'end dream',
])
const CAPITALS = /^[\p{Lu}\p{N}][\p{Lu}\p{N}\s'’,&.-]{1,39}$/u

function isNameLike(text: string): boolean {
  const words = text.split(/\s+/u)
  return words.length <= 4 && /^[\p{Lu}\p{N}]/u.test(text) && !/[.!?;:"“”]$/u.test(text)
}

/** Whether a whole line is a heading inside a chapter. */
export function isSectionHeading(text: string): boolean {
  if (text.length > 60 || /["“”]/u.test(text) || readEndMarker(text) !== undefined) return false
  if (POV.test(text) && !/[.!?]$/u.test(text)) return true
  const decorated = DECORATED.exec(text)
  if (decorated !== null && isNameLike(decorated[2] ?? '')) return true
  const words = text.toLowerCase().replace(/[^\p{L} ]/gu, '').trim()
  if (SCENE_WORDS.has(words)) return true
  return CAPITALS.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/[.!?]$/u.test(text)
}
