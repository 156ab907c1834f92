import type { ReaderPreferences } from '../reader-preferences.js'
import type { TextSearchResult } from '../text-search-results.js'
import { Layout } from './layout.js'
import { Pagination } from './pagination.js'

const NUMBER = new Intl.NumberFormat('en')

/** Search inside the story text: the form, the exact count, and each match linking to its chapter. */
export function SearchPage(props: {
  readonly query: string
  readonly total: number
  readonly page: number
  readonly pageCount: number
  readonly results: readonly TextSearchResult[]
  readonly preferences: ReaderPreferences
  readonly path: string
}) {
  const { query, total, page, pageCount, results } = props
  const hrefFor = (p: number): string => `/search?${new URLSearchParams({ q: query, page: String(p) }).toString()}`
  return (
    <Layout title="Search · Quire" preferences={props.preferences} path={props.path}>
      <h1>Search inside the stories</h1>
      <form method="get" action="/search" role="search">
        <p>
          <label for="q">Words, "exact phrases", -excluded, prefix*, OR</label>{' '}
          <input id="q" name="q" type="search" value={query} />{' '}
          <button type="submit">Search</button>
        </p>
      </form>
      {query !== '' && (
        <>
          <p class="count" safe>
            {total === 0 ? 'No story text matches.' : `${NUMBER.format(total)} ${total === 1 ? 'work matches' : 'works match'}`}
          </p>
          <ol class="blurbs">
            {results.map((result) => (
              <li class="blurb">
                <h2>
                  <a href={`/works/${result.work.id}/chapters/${String(result.chapter)}`} safe>
                    {result.work.title}
                  </a>
                </h2>
                <p class="snippet">
                  {result.snippet.map((segment) =>
                    segment.match ? <mark safe>{segment.text}</mark> : <span safe>{segment.text}</span>,
                  )}
                </p>
              </li>
            ))}
          </ol>
          <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
        </>
      )}
    </Layout>
  )
}
