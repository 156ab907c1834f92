import type { Children } from '@kitajs/html'

/** The page shell every page shares: language, viewport, title and a readable measure. */
export function Layout({ title, children }: { readonly title: string; readonly children: Children }) {
  return (
    <>
      {'<!doctype html>'}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <title safe>{title}</title>
          <style>{STYLE}</style>
        </head>
        <body>
          <header>
            <p class="site">
              <a href="/">Quire</a>
            </p>
          </header>
          <main id="main">{children}</main>
        </body>
      </html>
    </>
  )
}

const STYLE = `
body { font: 1.0625rem/1.6 system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: 1rem; }
a { color: LinkText; }
a:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid GrayText; vertical-align: top; }
.site { font-weight: bold; }
@media (max-width: 30rem) { table, thead, tbody, tr, th, td { display: block; } thead { display: none; } }
`
