import type { Children } from '@kitajs/html'
import { DEFAULT_PREFERENCES, type ReaderPreferences } from '../reader-preferences.js'
import { ReaderSettings } from './reader-settings.js'
import { READER_SCRIPT } from './reader-script.js'
import { STYLE } from './style.js'

/**
 * The page shell every page shares: language, viewport, title, the reader's theme and text size
 * (written into <html> so the first paint is already right), and the reading settings form.
 */
export function Layout({
  title,
  children,
  preferences = DEFAULT_PREFERENCES,
  path = '/',
  feed,
}: {
  readonly title: string
  readonly children: Children
  readonly preferences?: ReaderPreferences
  /** This page's address, where the settings form brings the reader back to. */
  readonly path?: string
  /** An Atom feed of what the page lists, for feed readers and browsers to discover. */
  readonly feed?: Readonly<{ href: string; title: string }> | undefined
}) {
  return (
    <>
      {'<!doctype html>'}
      <html lang="en" data-theme={preferences.theme} data-size={preferences.size}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content={COLOR_SCHEMES[preferences.theme]} />
          <title safe>{title}</title>
          {feed !== undefined && (
            <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />
          )}
          <style>{STYLE}</style>
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <p class="site">
              <a href="/">Quire</a>
            </p>
            <nav aria-label="Site">
              <a href="/works">Browse works</a> <a href="/search">Search</a>
            </nav>
            <ReaderSettings preferences={preferences} path={path} />
          </header>
          <main id="main" tabindex="-1">
            {children}
          </main>
          <script>{READER_SCRIPT}</script>
        </body>
      </html>
    </>
  )
}

const COLOR_SCHEMES = {
  system: 'light dark',
  light: 'light',
  dark: 'dark',
} as const satisfies Record<ReaderPreferences['theme'], string>
