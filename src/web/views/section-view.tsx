import type { Section } from '../../domain/work-draft.js'
import { shownText } from '../shown-text.js'
import { Lines } from './plain-text.js'

// A scene break keeps its marker as the author wrote it ("* * *", "~o~"); a separator's
// content is not read out, so screen readers hear "separator" and not the asterisks.
const DEFAULT_BREAK = '* * *'

/**
 * One block of a chapter's body. Headings are h3: the chapter's own heading is the h2. A
 * paragraph or verse with markup shows its `html`, which rescue sanitised by allowlist
 * (safety/story-html.ts) before it was stored.
 */
export function SectionView({ section }: { readonly section: Section }) {
  const text = shownText(section.text)
  const safeHtml = section.html === undefined ? undefined : shownText(section.html)
  switch (section.kind) {
    case 'paragraph':
      return safeHtml === undefined ? <p safe>{text}</p> : <p>{safeHtml}</p>
    case 'break':
      return (
        <div class="scene-break" role="separator" safe>
          {text === '' ? DEFAULT_BREAK : text}
        </div>
      )
    case 'verse':
      return <p class="verse">{safeHtml ?? <Lines text={text} />}</p>
    case 'heading':
      return <h3 safe>{text}</h3>
    case 'note':
      return (
        <aside class="note">
          <p>
            <Lines text={text} />
          </p>
        </aside>
      )
  }
}
