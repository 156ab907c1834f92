import { archiveWarningFromName } from '../../domain/archive-warning.js'
import { categoryFromName } from '../../domain/category.js'
import { FILTER_SORTS, type FilterQuery, type FilterSort } from '../../domain/filter-query.js'
import { ratingFromName } from '../../domain/rating.js'
import { TAG_KIND_NAMES } from '../../domain/tag-kind-name.js'
import type { TagKind } from '../../domain/tag.js'
import type { Facets, FacetValue } from '../../search/facet-counts.js'

const SORT_NAMES = {
  updated: 'Date updated',
  posted: 'Date posted',
  title: 'Title',
  creator: 'Creator',
  words: 'Word count',
  kudos: 'Kudos',
  hits: 'Hits',
  comments: 'Comments',
  bookmarks: 'Bookmarks',
  best: 'Best match',
} as const satisfies Record<FilterSort, string>

// Facets in the order AO3's filter lists them, each with the URL parameter a choice sets.
const FACET_FIELDS: ReadonlyArray<readonly [TagKind, string]> = [
  ['rating', 'rating'],
  ['archive-warning', 'warning'],
  ['category', 'category'],
  ['fandom', 'include'],
  ['relationship', 'include'],
  ['character', 'include'],
  ['freeform', 'include'],
]

/** AO3's "Sort and Filter" form: it works with no JavaScript, as a GET of the listing's URL. */
export function FilterForm({ query, facets, action }: { readonly query: FilterQuery; readonly facets: Facets; readonly action: string }) {
  return (
    <form method="get" action={action} class="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">Sort and filter</h2>
      <p>
        <label for="sort">Sort by</label>{' '}
        <select id="sort" name="sort">
          {FILTER_SORTS.map((sort) => (
            <option value={sort} selected={sort === query.sort}>
              {SORT_NAMES[sort]}
            </option>
          ))}
        </select>
      </p>
      {FACET_FIELDS.map(([kind, param]) => (
        <FacetChoices kind={kind} param={param} values={facets[kind].top} more={facets[kind].more} query={query} />
      ))}
      <fieldset>
        <legend>Exclude</legend>
        {FACET_FIELDS.filter(([, param]) => param === 'include').flatMap(([kind]) =>
          facets[kind].top.map((value) => (
            <Choice name="exclude" value={value.name} label={value.name} count={value.count} checked={query.exclude.includes(value.name)} />
          )),
        )}
        {hiddenExcludes(query, facets).map((name) => (
          <Choice name="exclude" value={name} label={name} count={null} checked />
        ))}
        <p>
          <label for="exclude-other">Other tags to exclude</label>{' '}
          <input id="exclude-other" name="exclude" type="text" autocomplete="off" />
        </p>
      </fieldset>
      <fieldset>
        <legend>More options</legend>
        <p>
          <label for="include-other">Other tags to include</label>{' '}
          <input id="include-other" name="include" type="text" autocomplete="off" />
        </p>
        <p>
          <label for="crossover">Crossovers</label>{' '}
          <select id="crossover" name="crossover">
            <option value="include" selected={query.crossover === 'include'}>Include crossovers</option>
            <option value="exclude" selected={query.crossover === 'exclude'}>Exclude crossovers</option>
            <option value="only" selected={query.crossover === 'only'}>Only crossovers</option>
          </select>
        </p>
        <p>
          <label for="complete">Completion status</label>{' '}
          <select id="complete" name="complete">
            <option value="" selected={query.completion === 'any'}>All works</option>
            <option value="true" selected={query.completion === 'complete'}>Complete works only</option>
            <option value="false" selected={query.completion === 'in-progress'}>Works in progress only</option>
          </select>
        </p>
        <p>
          <label for="words_min">Words from</label>{' '}
          <input id="words_min" name="words_min" type="number" min="0" value={numberValue(query.words.min)} />{' '}
          <label for="words_max">to</label>{' '}
          <input id="words_max" name="words_max" type="number" min="0" value={numberValue(query.words.max)} />
        </p>
        <p>
          <label for="updated_after">Updated from</label>{' '}
          <input id="updated_after" name="updated_after" type="date" value={query.updated.min ?? ''} />{' '}
          <label for="updated_before">to</label>{' '}
          <input id="updated_before" name="updated_before" type="date" value={query.updated.max ?? ''} />
        </p>
        <p>
          <label for="language">Language (code, such as en)</label>{' '}
          <input id="language" name="language" type="text" size="4" value={query.language ?? ''} />
        </p>
        <p>
          <label for="q">Search within results (the story text)</label>{' '}
          <input id="q" name="q" type="search" value={query.text ?? ''} />
        </p>
      </fieldset>
      {hiddenIncludes(query, facets).map((name) => (
        <input type="hidden" name="include" value={name} />
      ))}
      <p>
        <button type="submit">Sort and filter</button> <a href={action}>Clear filters</a>
      </p>
    </form>
  )
}

function FacetChoices(props: {
  readonly kind: TagKind
  readonly param: string
  readonly values: readonly FacetValue[]
  readonly more: number
  readonly query: FilterQuery
}) {
  const { kind, param, values, more, query } = props
  if (values.length === 0) return <></>
  return (
    <fieldset>
      <legend>{TAG_KIND_NAMES[kind]}</legend>
      {values.map((value) => (
        <Choice name={param} value={value.name} label={value.name} count={value.count} checked={isChosen(kind, value.name, query)} />
      ))}
      {more > 0 && <p class="more" safe>{`and ${String(more)} more`}</p>}
    </fieldset>
  )
}

/** A tag to tick, with how many works carry it; `count` is null for one the results cannot carry. */
function Choice(props: { readonly name: string; readonly value: string; readonly label: string; readonly count: number | null; readonly checked: boolean }) {
  return (
    <label class="choice">
      <input type="checkbox" name={props.name} value={props.value} checked={props.checked} />{' '}
      <span safe>{props.label}</span>
      {props.count !== null && <> <span class="count" safe>{`(${String(props.count)})`}</span></>}
    </label>
  )
}

function isChosen(kind: TagKind, name: string, query: FilterQuery): boolean {
  switch (kind) {
    case 'rating': {
      const rating = ratingFromName(name)
      return rating !== undefined && query.ratings.includes(rating)
    }
    case 'archive-warning': {
      const warning = archiveWarningFromName(name)
      return warning !== undefined && query.warnings.includes(warning)
    }
    case 'category': {
      const category = categoryFromName(name)
      return category !== undefined && query.categories.includes(category)
    }
    default:
      return query.include.some((included) => included === name)
  }
}

// Included tags with no checkbox among the facets still travel with the form; the ones with a
// box travel only when it stays checked, so unchecking it removes the filter.
function hiddenIncludes(query: FilterQuery, facets: Facets): string[] {
  const shown = tagsWithBoxes(facets)
  return query.include.filter((name) => !shown.has(name))
}

// An excluded tag is in no result, so no facet offers its box: it gets one here, ticked, or the
// next submit (a new sort, say) would quietly bring its works back.
function hiddenExcludes(query: FilterQuery, facets: Facets): string[] {
  const shown = tagsWithBoxes(facets)
  return query.exclude.filter((name) => !shown.has(name))
}

/** The tag names the facets give a checkbox, in both the include and the exclude lists. */
function tagsWithBoxes(facets: Facets): ReadonlySet<string> {
  return new Set(
    FACET_FIELDS.filter(([, param]) => param === 'include').flatMap(([kind]) => facets[kind].top.map((value): string => value.name)),
  )
}

function numberValue(value: number | null): string {
  return value === null ? '' : String(value)
}
