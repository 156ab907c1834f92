/** Page links: first, previous, the pages around this one, next and last; any page is a URL. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  readonly page: number
  readonly pageCount: number
  readonly hrefFor: (page: number) => string
}) {
  if (pageCount <= 1) return <></>
  const around = [page - 2, page - 1, page, page + 1, page + 2].filter((p) => p > 1 && p < pageCount)
  const pages = [1, ...around, pageCount]
  return (
    <nav aria-label="Pages" class="pagination">
      <ol>
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              ← Previous
            </a>
          </li>
        )}
        {pages.map((p, i) => (
          <>
            {i > 0 && p - (pages[i - 1] ?? p) > 1 && <li aria-hidden="true">…</li>}
            <li>
              {p === page ? (
                <span aria-current="page" safe>{String(p)}</span>
              ) : (
                <a href={hrefFor(p)} safe>{String(p)}</a>
              )}
            </li>
          </>
        ))}
        {page < pageCount && (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              Next →
            </a>
          </li>
        )}
      </ol>
    </nav>
  )
}
