import { RATING_NAMES } from '../../domain/rating.js'
import type { WorkListing } from '../../store/store.js'
import type { ReaderPreferences } from '../reader-preferences.js'
import { creditLine } from './credit-line.js'
import { Layout } from './layout.js'

/** The plain listing of imported works: title, creators, rating, fandoms. */
export function WorksPage({
  works,
  total,
  nextPage,
  preferences,
  path,
}: {
  readonly works: readonly WorkListing[]
  readonly total: number
  /** The URL of the next page, or null on the last. */
  readonly nextPage: string | null
  readonly preferences: ReaderPreferences
  readonly path: string
}) {
  return (
    <Layout title="Works · Quire" preferences={preferences} path={path}>
      <h1>Works</h1>
      <p safe>{`${String(total)} ${total === 1 ? 'work' : 'works'} in the archive`}</p>
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
                <td safe>{creditLine(work.creators)}</td>
                <td>{RATING_NAMES[work.rating]}</td>
                <td safe>{work.fandoms.join(', ')}</td>
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
