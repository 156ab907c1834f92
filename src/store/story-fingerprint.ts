import { createHash } from 'node:crypto'
import { normaliseStoryText } from '../domain/story-text.js'
import type { ChapterDraft } from '../domain/work-draft.js'

/**
 * Fewer letters and digits than this are never fingerprinted: a body that short ("Chapter
 * coming soon!", a lone title) is as likely a placeholder that unrelated files share as a
 * story. About 20 English words; a 100-word drabble is well over it.
 */
export const FINGERPRINT_MIN_CHARACTERS = 100

/**
 * The hex SHA-256 of a story's normalised words (see `normaliseStoryText`): copies of one story
 * in different formats have the same one. Null when the story is too short to tell apart.
 */
export function storyFingerprint(chapters: readonly ChapterDraft[]): string | null {
  const text = normaliseStoryText(chapters)
  if (countWordCharacters(text) < FINGERPRINT_MIN_CHARACTERS) return null
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

// The words are separated by single spaces, so what is not a space is a letter or a digit.
function countWordCharacters(text: string): number {
  let count = 0
  for (let at = 0; at < text.length; at += 1) if (text.charCodeAt(at) !== 0x20) count += 1
  return count
}
