import type { Chapter, Work } from '../../domain/work.js'
import { PlainText } from './plain-text.js'
import { SectionView } from './section-view.js'

/** "Chapter 2: The Bridge", or "Chapter 2" when the chapter has no title. */
export function chapterName(chapter: Chapter): string {
  const number = `Chapter ${String(chapter.position)}`
  return chapter.title === null ? number : `${number}: ${chapter.title}`
}

/**
 * One chapter: its heading (an h2, hidden on a one-chapter work with no chapter title, as AO3
 * shows none there), notes, text and end notes.
 */
export function ChapterView({ work, chapter }: { readonly work: Work; readonly chapter: Chapter }) {
  const id = `chapter-${String(chapter.position)}`
  const unnamed = work.chapters.length === 1 && chapter.title === null
  return (
    <section class="chapter" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class={unnamed ? 'visually-hidden' : undefined} safe>
        {unnamed ? 'Work text' : chapterName(chapter)}
      </h2>
      {chapter.notes.beginning !== null && (
        <div class="chapter-notes">
          <h3>Chapter notes:</h3>
          <blockquote>
            <PlainText text={chapter.notes.beginning} />
          </blockquote>
        </div>
      )}
      <div class="userstuff">
        {chapter.sections.map((section) => (
          <SectionView section={section} />
        ))}
      </div>
      {chapter.notes.end !== null && (
        <div class="chapter-notes end">
          <h3>Chapter end notes:</h3>
          <blockquote>
            <PlainText text={chapter.notes.end} />
          </blockquote>
        </div>
      )}
    </section>
  )
}
