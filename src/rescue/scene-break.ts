// Scene breaks as legacy files drew them: rows of symbols ("* * *", "~~~", "-----", "#",
// "+++", "=====", "~*~", "<><><>"), letter ornaments built of o, 0 and x ("oOo", "xXx",
// "o0o", "XXX", "~o~"), and the words some writers typed ("[scene break]", "~break~").
const ORNAMENT = /^[oO0xX~*\-_=+.·•:|/\\<>()[\]{}]{3,}$/u
const BREAK_WORDS = new Set([
  'scene break',
  'break',
  'line break',
  'page break',
  'section break',
  'scenebreak',
  'linebreak',
])

function isSymbolsOnly(text: string): boolean {
  // Quotes and lone sentence punctuation ("?", "!", "…", "...") are a speaker's silence in a
  // dialogue, not a break.
  if (/["“”'‘’«»]/u.test(text) || /^[.?!…\s]+$/u.test(text)) return false
  return !/[\p{L}\p{N}]/u.test(text)
}

function isLetterOrnament(text: string): boolean {
  const compact = text.replace(/\s/gu, '')
  if (!ORNAMENT.test(compact)) return false
  const letters = compact.replace(/[^oO0xX]/gu, '')
  if (letters === '') return false
  if (letters.length < compact.length) return true
  if (/^[xX]+$/u.test(letters)) return true
  // "oOo" and "o0o" mix their shapes; "Ooo" and "OOO" are a sound someone makes.
  return new Set(letters).size > 1 && !/^[OX][ox]+$/u.test(letters)
}

function isBreakWord(text: string): boolean {
  const words = text.toLowerCase().replace(/[^a-z ]/gu, '').trim()
  return BREAK_WORDS.has(words) && /[[\]~*\-=<>()]/u.test(text)
}

/** Whether a whole line is a scene break. */
export function isSceneBreak(text: string): boolean {
  if (text.length === 0 || text.length > 80) return false
  return isSymbolsOnly(text) || isLetterOrnament(text) || isBreakWord(text)
}
