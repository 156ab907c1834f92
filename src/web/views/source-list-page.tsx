import type { SourceSummary } from '../../domain/stored-source.js'
import type { Work } from '../../domain/work.js'
import type { ReaderPreferences } from '../reader-preferences.js'
import { Layout } from './layout.js'
import { SourceLinks } from './source-links.js'

/** The files a work was rescued from, when there are several to choose between. */
export function SourceListPage({
  work,
  sources,
  preferences,
  path,
}: {
  readonly work: Work
  readonly sources: readonly SourceSummary[]
  readonly preferences: ReaderPreferences
  readonly path: string
}) {
  return (
    <Layout title={`Original files of ${work.title} · Quire`} preferences={preferences} path={path}>
      <h1 safe>{`Original files of ${work.title}`}</h1>
      <p>Each file is given back byte for byte as it was imported.</p>
      <SourceLinks workId={work.id} sources={sources} />
      <p>
        <a href={`/works/${work.id}`}>Back to the work</a>
      </p>
    </Layout>
  )
}
