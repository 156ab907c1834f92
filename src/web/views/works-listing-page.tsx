import { makePageNumber, type FilterQuery } from '../../domain/filter-query.js'
import { filterQueryToParams } from '../../search/filter-params.js'
import { worksFeedPath } from '../feed-paths.js'
import type { ReaderPreferences } from '../reader-preferences.js'
import { LISTING_PAGE_SIZE, type WorksListing } from '../works-listing.js'
import { FilterForm } from './filter-form.js'
import { Layout } from './layout.js'
import { Pagination } from './pagination.js'
import { WorkBlurb } from './work-blurb.js'

// One formatter for the page: toLocaleString('en') made a new one for every number.
const NUMBER = new Intl.NumberFormat('en')

/**
 * A filtered listing: the exact count, the page's works, page links and the filter form. A tag's
 * works (`/tags/<tag>/works`) use it with their own heading and address, the tag being implied by
 * the address rather than written in `listing.query`.
 */
export function WorksListingPage({
  listing,
  preferences,
  path,
  title = 'Works',
  heading = <>Works</>,
  basePath = '/works',
  feedPath = basePath === '/works' ? worksFeedPath(listing.query) : undefined,
}: {
  readonly listing: WorksListing
  readonly preferences: ReaderPreferences
  readonly path: string
  /** The page's title, before " · Quire". */
  readonly title?: string
  /** The h1's content, escaped by the caller. */
  readonly heading?: JSX.Element
  /** The address the form and the page links go to. */
  readonly basePath?: string
  /** The Atom feed of these works (see feed-paths.ts); /works finds its own. */
  readonly feedPath?: string | undefined
}) {
  const { query, result, works } = listing
  const hrefFor = (page: number): string => listingHref(basePath, { ...query, page: makePageNumber(page) ?? query.page })
  const first = (result.page - 1) * LISTING_PAGE_SIZE + 1
  return (
    <Layout
      title={`${title} · Quire`}
      preferences={preferences}
      path={path}
      feed={feedPath === undefined ? undefined : { href: feedPath, title: `${title} · Quire (Atom)` }}
    >
      <h1>{heading}</h1>
      <p class="count" safe>
        {result.total === 0
          ? 'No works match these filters.'
          : `${NUMBER.format(first)} – ${NUMBER.format(first + works.length - 1)} of ${NUMBER.format(result.total)} works`}
      </p>
      {feedPath !== undefined && (
        <p class="feed">
          <a href={feedPath} type="application/atom+xml">
            Subscribe (Atom)
          </a>
        </p>
      )}
      {result.unknownTags.length > 0 && (
        <p class="notice" safe>{`No tag is named ${result.unknownTags.map((name) => `“${name}”`).join(', ')}.`}</p>
      )}
      <div class="listing">
        <section aria-labelledby="results-heading" class="results">
          {/* Hidden, but there: the blurbs' h3s need an h2 above them, and the form has its own. */}
          <h2 id="results-heading" class="visually-hidden">
            Results
          </h2>
          <ol class="blurbs">
            {works.map((work) => (
              <WorkBlurb work={work} />
            ))}
          </ol>
          <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
        </section>
        <FilterForm query={query} facets={result.facets} action={basePath} />
      </div>
    </Layout>
  )
}

function listingHref(basePath: string, query: FilterQuery): string {
  const params = filterQueryToParams(query).toString()
  return params === '' ? basePath : `${basePath}?${params}`
}
