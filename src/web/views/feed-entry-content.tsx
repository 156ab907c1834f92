import { TAG_KIND_NAMES } from '../../domain/tag-kind-name.js'
import { TAG_KINDS } from '../../domain/tag.js'
import type { WorkDigest } from '../../domain/work-digest.js'
import { tagWorksPath } from '../tag-path.js'
import { CreditLinks } from './credit-links.js'
import { PlainText } from './plain-text.js'
import { noticeSentence } from './reading-gate-page.js'
import { chapterCountLine } from './work-stats.js'

const NUMBER = new Intl.NumberFormat('en')
const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })

/**
 * What a feed entry shows of a work, as AO3's feeds do: byline, summary, stats and tags by kind,
 * every link absolute (`base`), since a feed reader shows it away from the archive. A work with
 * a content notice shows the notice, never its summary, as its own page does before the text.
 */
export function FeedEntryContent({ work, base }: { readonly work: WorkDigest; readonly base: string }) {
  const language = work.language === null ? '' : `, Language: ${LANGUAGES.of(work.language) ?? work.language}`
  return (
    <>
      <p>
        by <CreditLinks names={work.creators} base={base} />
      </p>
      {work.contentTopics.length > 0 ? (
        <p safe>{noticeSentence(work.contentTopics)}</p>
      ) : (
        work.summary !== null && <PlainText text={work.summary} />
      )}
      <p safe>{`Words: ${NUMBER.format(work.wordCount)}, Chapters: ${chapterCountLine(work)}${language}`}</p>
      <ul>
        {TAG_KINDS.map((kind) => {
          const tags = work.tags.filter((tag) => tag.kind === kind)
          if (tags.length === 0) return ''
          return (
            <li>
              <span safe>{`${TAG_KIND_NAMES[kind]}: `}</span>
              {tags.map((tag, index) => (
                <>
                  {index > 0 && ', '}
                  <a href={`${base}${tagWorksPath(tag.name)}`} safe>
                    {tag.name}
                  </a>
                </>
              ))}
            </li>
          )
        })}
      </ul>
    </>
  )
}
