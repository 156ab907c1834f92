import type { ContentTopic } from '../../domain/work-draft.js'
import type { Work } from '../../domain/work.js'
import type { CrisisResourcesForReader } from '../../safety/crisis-resources-for-locale.js'
import type { ReaderPreferences } from '../reader-preferences.js'
import type { ReadingGate } from '../reading-consent.js'
import { creditLine } from './credit-line.js'
import { CrisisResourcesView } from './crisis-resources-view.js'
import { Layout } from './layout.js'

// Safe-messaging guidance (Samaritans, WHO, reportingonsuicide.org): name the topic plainly,
// give no detail of method, offer help and hope. So this page never quotes the work's summary
// or notes, which may hold detail: it says only what the work deals with.
const TOPIC_WORDS = {
  suicide: 'suicide',
  'self-harm': 'self-harm',
} as const satisfies Record<ContentTopic, string>

/** "This work deals with suicide and self-harm." */
export function noticeSentence(topics: readonly ContentTopic[]): string {
  const words = topics.map((topic) => TOPIC_WORDS[topic])
  const list =
    words.length > 1
      ? `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`
      : (words[0] ?? '')
  return `This work deals with ${list}.`
}

/**
 * What a reader sees before a work's text when it asks for a choice: AO3's adult-content
 * question, a content notice with crisis resources, or both. None of the work's text is here.
 */
export function ReadingGatePage({
  work,
  gate,
  proceed,
  resources,
  formAction,
  keep,
  preferences,
  path,
}: {
  readonly work: Work
  readonly gate: ReadingGate
  /** The page with the choice made. */
  readonly proceed: string
  readonly resources: CrisisResourcesForReader
  readonly formAction: string
  readonly keep: Readonly<Record<string, string>>
  readonly preferences: ReaderPreferences
  readonly path: string
}) {
  const names = work.creators.map((creator) => creator.name)
  return (
    <Layout title={`${work.title} · Before you read · Quire`} preferences={preferences} path={path}>
      <h1 safe>{work.title}</h1>
      <p class="byline" safe>{`by ${creditLine(names)}`}</p>
      <section class="gate" aria-labelledby="gate-heading">
        <h2 id="gate-heading">Before you read</h2>
        {gate.adult && (
          <p>
            This work could have adult content. If you proceed you have agreed that you are willing
            to see such content.
          </p>
        )}
        {gate.topics.length > 0 && (
          <>
            <p class="notice">
              <strong safe>{noticeSentence(gate.topics)}</strong>
            </p>
            <p>
              You can go on to the work, or go back. If you are struggling right now, you are not
              alone, and help is there: the services below are free and confidential.
            </p>
          </>
        )}
        <p class="choices">
          <a class="button primary" href={proceed}>
            Proceed
          </a>
          <a class="button" href="/">
            Go back
          </a>
        </p>
      </section>
      {gate.topics.length > 0 && (
        <CrisisResourcesView resources={resources} formAction={formAction} keep={keep} />
      )}
    </Layout>
  )
}
