import { RATING_NAMES } from '../../domain/rating.js'
import type { WorkListing } from '../../domain/work-listing.js'
import { CreditLinks } from './credit-links.js'

// One formatter for the page: toLocaleString('en') made a new one for every number.
const NUMBER = new Intl.NumberFormat('en')

/** A work in a listing: title, creators, rating, fandoms, words and the day it was updated. */
export function WorkBlurb({ work }: { readonly work: WorkListing }) {
  return (
    <li class="blurb">
      <h3>
        <a href={`/works/${work.id}`} safe>
          {work.title}
        </a>{' '}
        <span class="byline">
          by <CreditLinks names={work.creators} />
        </span>
      </h3>
      <p class="fandoms" safe>
        {work.fandoms.join(', ')}
      </p>
      <p class="stats">
        <span safe>{`${RATING_NAMES[work.rating]} · ${NUMBER.format(work.wordCount)} words · updated `}</span>
        <time datetime={work.updated} safe>
          {work.updated}
        </time>
      </p>
    </li>
  )
}
