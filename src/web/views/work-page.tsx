import type { SourceSummary } from '../../domain/stored-source.js'
import type { Work } from '../../domain/work.js'
import type { ReaderPreferences } from '../reader-preferences.js'
import { ChapterNav, chapterPath, type WorkView } from './chapter-nav.js'
import { chapterName, ChapterView } from './chapter-view.js'
import { Layout } from './layout.js'
import { PlainText } from './plain-text.js'
import { WorkPreface } from './work-preface.js'

/** A work to read: the preface, then one chapter or all of them, then the end notes. */
export function WorkPage({
  work,
  view,
  sources,
  preferences,
  path,
}: {
  readonly work: Work
  readonly view: WorkView
  readonly sources: readonly SourceSummary[]
  readonly preferences: ReaderPreferences
  readonly path: string
}) {
  const last = work.chapters.length
  const atEnd = view.kind === 'entire' || view.chapter.position === last
  const part =
    view.kind === 'entire' || work.chapters.length === 1 ? '' : ` - ${chapterName(view.chapter)}`
  const chapters = view.kind === 'entire' ? work.chapters : [view.chapter]
  return (
    <Layout title={`${work.title}${part} · Quire`} preferences={preferences} path={path}>
      <article class="work">
        <WorkPreface
          work={work}
          sources={sources}
          endNotesHref={atEnd ? '#work-end-notes' : `${chapterPath(work, last)}#work-end-notes`}
        />
        <ChapterNav work={work} view={view} place="top" />
        {chapters.map((chapter) => (
          <ChapterView work={work} chapter={chapter} />
        ))}
        {atEnd && work.notes.end !== null && (
          <section class="end-notes" id="work-end-notes" aria-labelledby="end-notes-heading">
            <h2 id="end-notes-heading">End notes:</h2>
            <blockquote>
              <PlainText text={work.notes.end} />
            </blockquote>
          </section>
        )}
        <ChapterNav work={work} view={view} place="bottom" />
      </article>
    </Layout>
  )
}
