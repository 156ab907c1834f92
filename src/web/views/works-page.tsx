import { RATING_NAMES } from '../../domain/rating.js'
import type { WorkListing } from '../../store/store.js'
import { Layout } from './layout.js'

/** The plain listing of imported works: title, creators, rating, fandoms. */
export function WorksPage({
  works,
  total,
  nextPage,
}: {
  readonly works: readonly WorkListing[]
  readonly total: number
  /** The URL of the next page, or null on the last. */
  readonly nextPage: string | null
}) {
  return (
    <Layout title="Works · Quire">
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
                <td safe>{work.title}</td>
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

/** "Jen, Kit", or "Anonymous" for a rescued work whose file named no one. */
function creditLine(creators: readonly string[]): string {
  return creators.length > 0 ? creators.join(', ') : 'Anonymous'
}
