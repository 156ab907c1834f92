import type { CreatorProfile, CreatorWorksPage } from '../../store/store.js'
import { creatorFeedPath } from '../feed-paths.js'
import type { ReaderPreferences } from '../reader-preferences.js'
import { Layout } from './layout.js'
import { WorkBlurb } from './work-blurb.js'

const NUMBER = new Intl.NumberFormat('en')

/** A creator's page: their name, how many works, and a page of those works, newest first. */
export function CreatorPage({
  creator,
  page,
  hrefs,
  preferences,
  path,
}: {
  readonly creator: CreatorProfile
  readonly page: CreatorWorksPage
  /** Where the newer and older pages are, or null at either end. */
  readonly hrefs: Readonly<{ newer: string | null; older: string | null }>
  readonly preferences: ReaderPreferences
  readonly path: string
}) {
  const first = page.newerCount + 1
  const last = page.newerCount + page.works.length
  const feed = { href: creatorFeedPath(creator.name), title: `Works by ${creator.name} · Quire (Atom)` }
  return (
    <Layout title={`${creator.name} · Quire`} preferences={preferences} path={path} feed={feed}>
      <h1 safe>{creator.name}</h1>
      <h2 safe>{`Works (${NUMBER.format(creator.workCount)})`}</h2>
      <p class="count" safe>
        {page.works.length === 0
          ? 'No works here.'
          : `${NUMBER.format(first)} – ${NUMBER.format(last)} of ${NUMBER.format(creator.workCount)} works by ${creator.name}`}
      </p>
      <p class="feed">
        <a href={feed.href} type="application/atom+xml">
          Subscribe (Atom)
        </a>
      </p>
      <ol class="blurbs">
        {page.works.map((work) => (
          <WorkBlurb work={work} />
        ))}
      </ol>
      {(hrefs.newer !== null || hrefs.older !== null) && (
        <nav aria-label="Pages" class="pagination">
          <ol>
            {hrefs.newer !== null && (
              <li>
                <a href={hrefs.newer} rel="prev">
                  ← Newer works
                </a>
              </li>
            )}
            {hrefs.older !== null && (
              <li>
                <a href={hrefs.older} rel="next">
                  Older works →
                </a>
              </li>
            )}
          </ol>
        </nav>
      )}
    </Layout>
  )
}
