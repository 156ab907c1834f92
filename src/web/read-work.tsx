import type { IncomingHttpHeaders } from 'node:http'
import type { FastifyReply } from 'fastify'
import { Type, type Static } from 'typebox'
import type { Work } from '../domain/work.js'
import {
  countryCodeFrom,
  countryFromAcceptLanguage,
  crisisResourcesFor,
} from '../safety/crisis-resources-for-locale.js'
import type { Store } from '../store/store.js'
import { readerPreferences } from './reader-preferences.js'
import {
  proceedPath,
  readingConsent,
  readerToken,
  readingGate,
  rememberConsent,
  type ReadingGate,
} from './reading-consent.js'
import { sendHtml } from './send-html.js'
import type { WorkView } from './views/chapter-nav.js'
import { ReadingGatePage } from './views/reading-gate-page.js'
import { WorkPage } from './views/work-page.js'

/** The query a reading page understands: AO3's view_adult and view_full_work, and ours. */
export const ReadingQuery = Type.Object({
  view_adult: Type.Optional(Type.String({ maxLength: 16 })),
  view_notice: Type.Optional(Type.String({ maxLength: 16 })),
  view_full_work: Type.Optional(Type.String({ maxLength: 16 })),
  /** The country whose crisis services the notice shows, picked by the reader. */
  country: Type.Optional(Type.String({ maxLength: 16 })),
})

/** What of a request a reading page needs. */
export type ReadingRequest = Readonly<{
  url: string
  query: Static<typeof ReadingQuery>
  cookies: Readonly<Record<string, string | undefined>>
  headers: IncomingHttpHeaders
}>

/** Answers a reading page: the gate when the reader has a choice to make, else the text. */
export async function readWork(
  store: Store,
  work: Work,
  view: WorkView,
  request: ReadingRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  rememberConsent(reply, work.id, request.query, request.cookies)
  const gate = readingGate(work, readingConsent(request.query, request.cookies))
  if (gate !== null) {
    // Only a notice's link needs the token; an adult gate's does not.
    const token = gate.topics.length > 0 ? readerToken(reply, request.cookies) : ''
    return sendHtml(reply, await gatePage(work, gate, request, token))
  }
  const sources = await store.sources.listByWork(work.id)
  const preferences = readerPreferences(request.cookies)
  const page = await (
    <WorkPage
      work={work}
      view={view}
      sources={sources}
      preferences={preferences}
      path={request.url}
    />
  )
  return sendHtml(reply, page)
}

function gatePage(work: Work, gate: ReadingGate, request: ReadingRequest, token: string): JSX.Element {
  const { query } = request
  const country =
    query.country === undefined
      ? countryFromAcceptLanguage(request.headers['accept-language'])
      : countryCodeFrom(query.country)
  const keep: Record<string, string> =
    query.view_full_work === 'true' ? { view_full_work: 'true' } : {}
  return (
    <ReadingGatePage
      work={work}
      gate={gate}
      proceed={proceedPath(request.url, gate, token)}
      resources={crisisResourcesFor(country)}
      formAction={new URL(request.url, 'http://quire.invalid').pathname}
      keep={keep}
      preferences={readerPreferences(request.cookies)}
      path={request.url}
    />
  )
}
