import { RATING_NAMES } from '../../domain/rating.js'
import type { TagCount } from '../../search/tag-counts.js'
import type { WorkListing } from '../../store/store.js'
import type { ReaderPreferences } from '../reader-preferences.js'
import { tagWorksPath } from '../tag-path.js'
import { CreditLinks } from './credit-links.js'
import { Layout } from './layout.js'
import { FandomCounts } from './media-page.js'

/**
 * The home page: ways in (every work with the filter, the fandom directory), the fandoms with
 * the most works, then the plain listing of recent works: title, creators, rating, fandoms.
 */
export function WorksPage({
  works,
  total,
  topFandoms,
  nextPage,
  preferences,
  path,
}: {
  readonly works: readonly WorkListing[]
  readonly total: number
  /** The fandoms with the most works, most first; empty past the first page. */
  readonly topFandoms: readonly TagCount[]
  /** The URL of the next page, or null on the last. */
  readonly nextPage: string | null
  readonly preferences: ReaderPreferences
  readonly path: string
}) {
  return (
    <Layout title="Works · Quire" preferences={preferences} path={path}>
      <h1>Works</h1>
      <p safe>{`${String(total)} ${total === 1 ? 'work' : 'works'} in the archive`}</p>
      <nav aria-label="Browse">
        <ul>
          <li>
            <a href="/works">All works, to sort and filter</a>
          </li>
          <li>
            <a href="/media">Fandoms, by media</a>
          </li>
        </ul>
      </nav>
      {topFandoms.length > 0 && (
        <section aria-labelledby="top-fandoms">
          <h2 id="top-fandoms">Fandoms with the most works</h2>
          <FandomCounts fandoms={topFandoms} />
        </section>
      )}
      <h2>Recent works</h2>
      {works.length === 0 ? (
        <p>
          No works yet. Import some with <code>quire import FOLDER</code>.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Creators</th>
              <th scope="col">Rating</th>
              <th scope="col">Fandoms</th>
            </tr>
          </thead>
          <tbody>
            {works.map((work) => (
              <tr>
                <td>
                  <a href={`/works/${work.id}`} safe>
                    {work.title}
                  </a>
                </td>
                <td>
                  <CreditLinks names={work.creators} />
                </td>
                <td>{RATING_NAMES[work.rating]}</td>
                <td>
                  {work.fandoms.map((fandom, index) => (
                    <>
                      {index > 0 && ', '}
                      <a href={tagWorksPath(fandom)} safe>
                        {fandom}
                      </a>
                    </>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextPage !== null && (
        <nav aria-label="Pages">
          <a href={nextPage} rel="next">
            Next page
          </a>
        </nav>
      )}
    </Layout>
  )
}
