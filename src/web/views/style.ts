// The archive's one style sheet, inline so a page needs no second request and nothing restyles
// after the first paint. No web fonts: system faces only, so text never reflows when one loads.
// Colours meet WCAG AA (4.5:1) on their own background in both themes.

const LIGHT = `
  color-scheme: light;
  --bg: #fbfaf6; --fg: #1d1d1d; --muted: #565656; --panel: #f1eee6; --rule: #bdb9ae;
  --link: #0a58a8; --visited: #6a3d9e; --focus: #b3461e;`

const DARK = `
  color-scheme: dark;
  --bg: #141414; --fg: #e8e6e1; --muted: #b0ada6; --panel: #1f1e1c; --rule: #4a4843;
  --link: #8cb8ff; --visited: #c9a8f5; --focus: #ffb86b;`

/** The style sheet every page carries. */
export const STYLE = `
:root {${LIGHT} }
@media (prefers-color-scheme: dark) { :root:not([data-theme=light]) {${DARK} } }
:root[data-theme=dark] {${DARK} }
html { font-size: 106.25%; background: var(--bg); color: var(--fg); }
html[data-size=small] { font-size: 93.75%; }
html[data-size=large] { font-size: 125%; }
html[data-size=larger] { font-size: 150%; }
body { font: 1rem/1.6 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 0 auto;
  max-width: 48rem; padding: 0 1rem 3rem; overflow-wrap: break-word; }
a { color: var(--link); }
a:visited { color: var(--visited); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 0.5rem; background: var(--bg); padding: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
.site-header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center;
  justify-content: space-between; border-bottom: 1px solid var(--rule); padding: 0.75rem 0;
  margin-bottom: 1.5rem; }
.site { margin: 0; font-weight: bold; }
.reader-settings { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center;
  font-size: 0.875rem; }
.setting { display: inline-flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; max-width: 100%; }
select { max-width: 100%; }
select, button, input { font: inherit; color: inherit; background: var(--panel);
  border: 1px solid var(--muted); border-radius: 4px; padding: 0.25rem 0.5rem; min-height: 2rem; }
button { cursor: pointer; }
input[type=checkbox] { min-height: 0; padding: 0; width: 1.1rem; height: 1.1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--rule);
  vertical-align: top; }
@media (max-width: 30rem) { table, thead, tbody, tr, th, td { display: block; }
  thead { display: none; } }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.25rem; line-height: 1.3; }
h3 { font-size: 1.1rem; }
.byline { margin-top: 0; color: var(--muted); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 0;
  border: 1px solid var(--rule); background: var(--panel); padding: 0.75rem 1rem;
  border-radius: 4px; }
.meta > dt { font-weight: 600; }
.meta > dd { margin: 0; }
@media (max-width: 30rem) { .meta { grid-template-columns: 1fr; gap: 0 1rem; }
  .meta > dd { margin-bottom: 0.5rem; } }
.tags { display: inline; margin: 0; padding: 0; list-style: none; }
.tags li { display: inline; }
.tags li:not(:last-child)::after { content: ', '; }
dl.stats { display: flex; flex-wrap: wrap; gap: 0 1rem; margin: 0; }
.stats div { display: flex; gap: 0.3rem; }
.stats dd { margin: 0; }
blockquote { margin: 0.5rem 0 1rem; padding-left: 1rem; border-left: 3px solid var(--rule); }
.userstuff { font-family: Georgia, 'Iowan Old Style', 'Palatino Linotype', 'Times New Roman', serif;
  font-size: 1.125rem; line-height: 1.7; max-width: 65ch; margin: 0 auto; }
.userstuff p { margin: 0 0 1em; }
.verse { font-style: italic; margin-left: 1.5em; }
.scene-break { text-align: center; margin: 1.75em 0; letter-spacing: 0.3em; color: var(--muted); }
.note { border-left: 3px solid var(--rule); padding: 0.25rem 1rem; margin: 1.5rem 0;
  font-family: system-ui, sans-serif; font-size: 0.95em; }
.chapter { margin: 2rem 0; }
.chapter-nav { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center;
  justify-content: center; margin: 2rem 0; padding: 0; list-style: none; }
.chapter-index { margin: 1rem 0; }
.chapter-index ol { columns: 2 14rem; }
.button { display: inline-block; padding: 0.4rem 0.9rem; border: 1px solid var(--link);
  border-radius: 4px; text-decoration: none; color: var(--link); }
a.button:visited { color: var(--link); }
.button.primary, a.button.primary:visited { background: var(--link); color: var(--bg); }
.gate { border: 2px solid var(--rule); background: var(--panel); padding: 0.5rem 1.25rem 1rem;
  border-radius: 6px; margin: 1.5rem 0; }
.choices { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.services { list-style: none; padding: 0; }
.services > li { border-top: 1px solid var(--rule); padding: 0.75rem 0; }
.services p, .contacts { margin: 0.2rem 0; }
.source { color: var(--muted); font-size: 0.875rem; }
.source a { color: inherit; }
.country-picker { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 1rem 0; }
.blurbs { list-style: none; padding: 0; }
.blurb { border-top: 1px solid var(--rule); padding: 0.75rem 0; }
.blurb h3 { margin: 0 0 0.25rem; font-size: 1.1em; }
.blurb p { margin: 0.2rem 0; }
.byline, .stats, .count { color: var(--muted); font-size: 0.9em; font-weight: normal; }
.filters fieldset { border: 1px solid var(--rule); margin: 0.75rem 0; padding: 0.5rem 0.75rem; }
/* Checkbox hung in the margin, so a long tag name wraps under itself, not under the box. */
.filters .choice { display: block; padding: 0.15rem 0 0.15rem 1.6rem; }
.filters .choice input { margin: 0 0.3rem 0 -1.6rem; vertical-align: -0.15rem; }
.pagination ol { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; list-style: none; padding: 0; }
`
