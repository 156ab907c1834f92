// How a reader likes to read: kept in two cookies that only change their own display, set by a
// plain GET link or form (see routes/preferences.ts), so the page needs no JavaScript to honour
// them and nothing jumps after load: the server writes them into <html> before the first paint.

/** "system" follows `prefers-color-scheme`; the others override it. */
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export const TEXT_SIZES = ['small', 'medium', 'large', 'larger'] as const
export type TextSize = (typeof TEXT_SIZES)[number]

export const THEME_NAMES = {
  system: 'Follow my device',
  light: 'Light',
  dark: 'Dark',
} as const satisfies Record<Theme, string>

export const TEXT_SIZE_NAMES = {
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
  larger: 'Larger',
} as const satisfies Record<TextSize, string>

export type ReaderPreferences = Readonly<{ theme: Theme; size: TextSize }>

export const DEFAULT_PREFERENCES: ReaderPreferences = { theme: 'system', size: 'medium' }

export const THEME_COOKIE = 'quire_theme'
export const TEXT_SIZE_COOKIE = 'quire_size'

/** The reader's preferences from their cookies; a missing or unknown value is the default. */
export function readerPreferences(
  cookies: Readonly<Record<string, string | undefined>>,
): ReaderPreferences {
  const theme = THEMES.find((value) => value === cookies[THEME_COOKIE])
  const size = TEXT_SIZES.find((value) => value === cookies[TEXT_SIZE_COOKIE])
  return { theme: theme ?? DEFAULT_PREFERENCES.theme, size: size ?? DEFAULT_PREFERENCES.size }
}
