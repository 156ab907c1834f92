import type { Rating } from './rating.js'

// Ratings as 1990s-2000s archives wrote them: film-style (MPAA), FanFiction.Net's K/K+/T/M/MA,
// French FR7-FR18, and words. Keys are lower case with hyphens removed, so "PG-13", "pg13" and
// "PG 13" meet one entry. Only the leading token counts, as in AO3's anchored patterns:
// "PG-13 for subject matter" is PG-13.
const LEGACY_RATING_TOKENS: Readonly<Record<string, Rating>> = {
  g: 'general',
  pg: 'general',
  k: 'general',
  'k+': 'general',
  fr7: 'general',
  general: 'general',
  pg13: 'teen',
  pg15: 'teen',
  t: 'teen',
  fr13: 'teen',
  teen: 'teen',
  teens: 'teen',
  r: 'mature',
  m: 'mature',
  fr15: 'mature',
  mature: 'mature',
  nc17: 'explicit',
  x: 'explicit',
  xxx: 'explicit',
  ma: 'explicit',
  fr18: 'explicit',
  adult: 'explicit',
  adults: 'explicit',
  explicit: 'explicit',
}

// Phrases read before tokens, longest first, so "All ages" is not the unknown token "all".
const LEGACY_RATING_PHRASES: ReadonlyArray<readonly [string, Rating]> = [
  ['teen and up audiences', 'teen'],
  ['general audiences', 'general'],
  ['teen and up', 'teen'],
  ['not rated', 'not-rated'],
  ['all ages', 'general'],
  ['unrated', 'not-rated'],
]

export type LegacyRating = Readonly<{ rating: Rating; recognised: boolean }>

/** Maps a rating as an old archive wrote it to AO3's; unknown text is Not Rated, unrecognised. */
export function mapLegacyRating(raw: string): LegacyRating {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/^(?:rated|rating)\s*[:\-]?\s*/u, '')
    // FanFiction.Net's story line: "Rated: Fiction T - English - Romance - …".
    .replace(/^fiction\s+(?=[a-z])/u, '')
  for (const [phrase, rating] of LEGACY_RATING_PHRASES) {
    if (text.startsWith(phrase)) return { rating, recognised: true }
  }
  const token = /^[a-z]+[\s-]?\d+\+?|^[a-z]+\+?/u.exec(text)?.[0] ?? ''
  const rating = LEGACY_RATING_TOKENS[token.replace(/[\s-]/gu, '')]
  return rating === undefined ? { rating: 'not-rated', recognised: false } : { rating, recognised: true }
}
