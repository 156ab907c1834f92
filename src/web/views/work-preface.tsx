import type { SourceSummary } from '../../domain/stored-source.js'
import { TAG_KIND_NAMES } from '../../domain/tag-kind-name.js'
import { TAG_KIND_PLURALS } from '../../domain/tag-kind-plural.js'
import { TAG_KINDS } from '../../domain/tag.js'
import type { Work } from '../../domain/work.js'
import { CreditLinks } from './credit-links.js'
import { PlainText } from './plain-text.js'
import { SourceLinks } from './source-links.js'
import { TagList } from './tag-list.js'
import { WorkStats } from './work-stats.js'

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' })

/** "English" for "en"; the code itself when it is not one Intl knows. */
function languageName(code: string): string {
  return /^[a-z]{2,3}$/u.test(code) ? (LANGUAGE_NAMES.of(code) ?? code) : code
}

/** The preface as AO3 readers know it: tags and stats, title, creators, summary and notes. */
export function WorkPreface({
  work,
  sources,
  endNotesHref,
}: {
  readonly work: Work
  readonly sources: readonly SourceSummary[]
  /** Where the work's end notes are: this page or its last chapter. */
  readonly endNotesHref: string
}) {
  const names = work.creators.map((creator) => creator.name)
  return (
    <div class="preface">
      <dl class="meta">
        {TAG_KINDS.map((kind) => {
          const tags = work.tags.filter((tag) => tag.kind === kind)
          if (tags.length === 0) return ''
          // AO3 always says "Additional Tags"; the other kinds are singular for one tag.
          const label =
            tags.length > 1 || kind === 'freeform' ? TAG_KIND_PLURALS[kind] : TAG_KIND_NAMES[kind]
          return (
            <>
              <dt safe>{`${label}:`}</dt>
              <dd>
                <TagList tags={tags} />
              </dd>
            </>
          )
        })}
        {work.language !== null && (
          <>
            <dt>Language:</dt>
            <dd safe>{languageName(work.language)}</dd>
          </>
        )}
        <dt>Stats:</dt>
        <dd>
          <WorkStats work={work} />
        </dd>
        {sources.length > 0 && (
          <>
            <dt>{sources.length > 1 ? 'Original files:' : 'Original file:'}</dt>
            <dd>
              <SourceLinks workId={work.id} sources={sources} />
            </dd>
          </>
        )}
      </dl>
      <h1 safe>{work.title}</h1>
      <p class="byline">
        by <CreditLinks names={names} />
      </p>
      <PrefaceText name="summary" heading="Summary:" text={work.summary} />
      {(work.notes.beginning !== null || work.notes.end !== null) && (
        <section class="notes" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes:</h2>
          {work.notes.beginning !== null && (
            <blockquote>
              <PlainText text={work.notes.beginning} />
            </blockquote>
          )}
          {work.notes.end !== null && (
            <p>
              (See the end of the work for <a href={endNotesHref}>more notes</a>.)
            </p>
          )}
        </section>
      )}
      <PrefaceText name="disclaimer" heading="Disclaimer:" text={work.disclaimer} />
    </div>
  )
}

/** A titled block of the author's text (summary, disclaimer); nothing when there is none. */
function PrefaceText({
  name,
  heading,
  text,
}: {
  readonly name: string
  readonly heading: string
  readonly text: string | null
}) {
  if (text === null) return ''
  return (
    <section class={name} aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`} safe>
        {heading}
      </h2>
      <blockquote>
        <PlainText text={text} />
      </blockquote>
    </section>
  )
}
