import type { Chapter, Work } from '../../domain/work.js'
import { chapterName } from './chapter-view.js'

/** Which part of a work a page shows. */
export type WorkView = Readonly<{ kind: 'chapter'; chapter: Chapter } | { kind: 'entire' }>

/** A chapter's own page; chapter 1 is also the work's page. */
export function chapterPath(work: Work, position: number): string {
  return `/works/${work.id}/chapters/${String(position)}`
}

/** The whole work on one page, as AO3's "Entire Work" link gives it. */
export function entireWorkPath(work: Work): string {
  return `/works/${work.id}?view_full_work=true`
}

/**
 * Previous and next chapter, the other way to read (entire work or chapter by chapter) and,
 * at the top, a chapter index: plain links, so it works without JavaScript.
 */
export function ChapterNav({
  work,
  view,
  place,
}: {
  readonly work: Work
  readonly view: WorkView
  readonly place: 'top' | 'bottom'
}) {
  if (work.chapters.length < 2) return ''
  const position = view.kind === 'chapter' ? view.chapter.position : null
  const index = view.kind === 'chapter' ? work.chapters.indexOf(view.chapter) : -1
  const previous = index > 0 ? work.chapters[index - 1] : undefined
  const next = index >= 0 ? work.chapters[index + 1] : undefined
  return (
    <nav aria-label={place === 'top' ? 'Chapters' : 'Chapters, after the text'}>
      <ul class="chapter-nav">
        {previous !== undefined && (
          <li>
            <a class="button" href={chapterPath(work, previous.position)} rel="prev">
              ← Previous chapter
            </a>
          </li>
        )}
        <li>
          {view.kind === 'entire' ? (
            <a class="button" href={chapterPath(work, 1)}>
              Chapter by chapter
            </a>
          ) : (
            <a class="button" href={entireWorkPath(work)}>
              Entire work
            </a>
          )}
        </li>
        {next !== undefined && (
          <li>
            <a class="button" href={chapterPath(work, next.position)} rel="next">
              Next chapter →
            </a>
          </li>
        )}
      </ul>
      {place === 'top' && (
        <details class="chapter-index">
          <summary>Chapter index</summary>
          <ol>
            {work.chapters.map((chapter) => (
              <li>
                <a
                  href={
                    view.kind === 'entire'
                      ? `#chapter-${String(chapter.position)}`
                      : chapterPath(work, chapter.position)
                  }
                  aria-current={chapter.position === position ? 'page' : undefined}
                  safe
                >
                  {chapterName(chapter)}
                </a>
              </li>
            ))}
          </ol>
        </details>
      )}
    </nav>
  )
}
