import {
  TEXT_SIZE_NAMES,
  TEXT_SIZES,
  THEME_NAMES,
  THEMES,
  type ReaderPreferences,
} from '../reader-preferences.js'

/**
 * Theme and text size: a GET form, so it works without JavaScript; the page's small script
 * applies a change at once and saves it in the background (views/reader-script.ts).
 */
export function ReaderSettings({
  preferences,
  path,
}: {
  readonly preferences: ReaderPreferences
  readonly path: string
}) {
  return (
    <form class="reader-settings" method="get" action="/preferences" aria-label="Reading settings">
      <span class="setting">
        <label for="reader-theme">Theme</label>
        <select id="reader-theme" name="theme">
          {THEMES.map((theme) => (
            <option value={theme} selected={theme === preferences.theme}>
              {THEME_NAMES[theme]}
            </option>
          ))}
        </select>
      </span>
      <span class="setting">
        <label for="reader-size">Text size</label>
        <select id="reader-size" name="size">
          {TEXT_SIZES.map((size) => (
            <option value={size} selected={size === preferences.size}>
              {TEXT_SIZE_NAMES[size]}
            </option>
          ))}
        </select>
      </span>
      <input type="hidden" name="return" value={path} />
      <button type="submit">Apply</button>
    </form>
  )
}
