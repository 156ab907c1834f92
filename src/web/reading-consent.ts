import { randomBytes } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import { CONTENT_TOPICS, type ContentTopic } from '../domain/work-draft.js'
import type { Work, WorkId } from '../domain/work.js'

// AO3 asks once per session before Mature and Explicit works (`?view_adult=true`); Quire does
// the same, and asks before each work with a content notice, since each deals with something
// else. The notice cookie's path is the work's own, so it covers its chapters and nothing more.
const ADULT_COOKIE = 'quire_view_adult'
const NOTICE_COOKIE = 'quire_view_notice'
// A random token for this browser's session. The notice's "Proceed" link carries it, and only a
// request that also carries it in this cookie counts as the reader's choice: a link copied into
// a chat or a rec list, token and all, shows the next reader the notice, not the text.
const READER_COOKIE = 'quire_reader'
const READER_TOKEN = /^[A-Za-z0-9_-]{16}$/u
const SESSION_COOKIE = { path: '/', httpOnly: true, sameSite: 'lax' } as const

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
    notice: acceptsNoticeNow(query, cookies) || cookies[NOTICE_COOKIE] === 'accepted',
  }
}

function acceptsNoticeNow(
  query: ConsentQuery,
  cookies: Readonly<Record<string, string | undefined>>,
): boolean {
  const token = cookies[READER_COOKIE]
  return token !== undefined && READER_TOKEN.test(token) && query.view_notice === token
}

/**
 * This browser's reader token, made and set in a session cookie when it has none yet (or a
 * malformed one), for a gate page's "Proceed" link.
 */
export function readerToken(
  reply: FastifyReply,
  cookies: Readonly<Record<string, string | undefined>>,
): string {
  const known = cookies[READER_COOKIE]
  if (known !== undefined && READER_TOKEN.test(known)) return known
  const token = randomBytes(12).toString('base64url')
  reply.setCookie(READER_COOKIE, token, SESSION_COOKIE)
  return token
}

/** Remembers a choice made now in session cookies: a choice to read is not a standing order. */
export function rememberConsent(
  reply: FastifyReply,
  workId: WorkId,
  query: ConsentQuery,
  cookies: Readonly<Record<string, string | undefined>>,
): void {
  if (query.view_adult === 'true') reply.setCookie(ADULT_COOKIE, 'true', SESSION_COOKIE)
  if (acceptsNoticeNow(query, cookies)) {
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

/** The address that shows `url` with the gate's choices accepted, by this reader's token. */
export function proceedPath(url: string, gate: ReadingGate, token: string): string {
  const proceed = new URL(url, 'http://quire.invalid')
  if (gate.adult) proceed.searchParams.set('view_adult', 'true')
  if (gate.topics.length > 0) proceed.searchParams.set('view_notice', token)
  return `${proceed.pathname}${proceed.search}`
}
