import type { FastifyReply } from 'fastify'
import { CONTENT_TOPICS, type ContentTopic } from '../domain/work-draft.js'
import type { Work, WorkId } from '../domain/work.js'

// AO3 asks once per session before Mature and Explicit works (`?view_adult=true`); Quire does
// the same, and asks before each work with a content notice, since each deals with something
// else. The notice cookie's path is the work's own, so it covers its chapters and nothing more.
const ADULT_COOKIE = 'quire_view_adult'
const NOTICE_COOKIE = 'quire_view_notice'

/** The query parameters that carry a choice made on the gate page. */
export type ConsentQuery = Readonly<{ view_adult?: string; view_notice?: string }>

/** What the reader has agreed to see, now or earlier. */
export type Consent = Readonly<{ adult: boolean; notice: boolean }>

/** What stands between a reader and a work's text. */
export type ReadingGate = Readonly<{ adult: boolean; topics: readonly ContentTopic[] }>

/** What the reader has agreed to: in the query, as the gate's links give it, or earlier. */
export function readingConsent(
  query: ConsentQuery,
  cookies: Readonly<Record<string, string | undefined>>,
): Consent {
  return {
    adult: query.view_adult === 'true' || cookies[ADULT_COOKIE] === 'true',
    notice: query.view_notice === 'accepted' || cookies[NOTICE_COOKIE] === 'accepted',
  }
}

/** Remembers a choice made now in session cookies: a choice to read is not a standing order. */
export function rememberConsent(reply: FastifyReply, workId: WorkId, query: ConsentQuery): void {
  if (query.view_adult === 'true') {
    reply.setCookie(ADULT_COOKIE, 'true', { path: '/', httpOnly: true, sameSite: 'lax' })
  }
  if (query.view_notice === 'accepted') {
    const path = `/works/${workId}`
    reply.setCookie(NOTICE_COOKIE, 'accepted', { path, httpOnly: true, sameSite: 'lax' })
  }
}

/** What the reader still has to see before the text, or null when nothing. */
export function readingGate(work: Work, consent: Consent): ReadingGate | null {
  const adult = !consent.adult && (work.rating === 'mature' || work.rating === 'explicit')
  const topics = consent.notice
    ? []
    : CONTENT_TOPICS.filter((topic) => work.contentNotices.some((notice) => notice.topic === topic))
  return adult || topics.length > 0 ? { adult, topics } : null
}

/** The address that shows `url` with the gate's choices accepted. */
export function proceedPath(url: string, gate: ReadingGate): string {
  const proceed = new URL(url, 'http://quire.invalid')
  if (gate.adult) proceed.searchParams.set('view_adult', 'true')
  if (gate.topics.length > 0) proceed.searchParams.set('view_notice', 'accepted')
  return `${proceed.pathname}${proceed.search}`
}
