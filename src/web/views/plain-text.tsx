import { escapeHtml } from '@kitajs/html'
import { shownText } from '../shown-text.js'

/** Lines of plain text, escaped one by one and joined by <br>: a verse, an address, a note. */
export function Lines({ text }: { readonly text: string }) {
  const safeLines = text
    .split('\n')
    .map((line) => escapeHtml(line))
    .join('<br />')
  return <>{safeLines}</>
}

/** Plain text an author wrote (a summary, notes): a paragraph per blank-line-separated block. */
export function PlainText({ text }: { readonly text: string }) {
  const paragraphs = shownText(text)
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p>
          <Lines text={paragraph} />
        </p>
      ))}
    </>
  )
}
