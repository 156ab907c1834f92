/** AO3's five ratings, as ids; pages, JSON and files show `RATING_NAMES`. */
export const RATINGS = ['not-rated', 'general', 'teen', 'mature', 'explicit'] as const
export type Rating = (typeof RATINGS)[number]

export const RATING_NAMES = {
  'not-rated': 'Not Rated',
  general: 'General Audiences',
  teen: 'Teen And Up Audiences',
  mature: 'Mature',
  explicit: 'Explicit',
} as const satisfies Record<Rating, string>

/** The rating whose AO3 name is `name`, case-insensitively; undefined when none is. */
export function ratingFromName(name: string): Rating | undefined {
  const wanted = name.trim().toLowerCase()
  return RATINGS.find((rating) => RATING_NAMES[rating].toLowerCase() === wanted)
}
