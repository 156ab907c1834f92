/** AO3's six categories, as ids. */
export const CATEGORIES = ['gen', 'ff', 'fm', 'mm', 'multi', 'other'] as const
export type Category = (typeof CATEGORIES)[number]

export const CATEGORY_NAMES = {
  gen: 'Gen',
  ff: 'F/F',
  fm: 'F/M',
  mm: 'M/M',
  multi: 'Multi',
  other: 'Other',
} as const satisfies Record<Category, string>

/** The category whose AO3 name is `name` ("M/M", "gen"), case-insensitively. */
export function categoryFromName(name: string): Category | undefined {
  const wanted = name.trim().toLowerCase()
  return CATEGORIES.find((category) => CATEGORY_NAMES[category].toLowerCase() === wanted)
}
