import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { QuireError } from '../domain/errors.js'
import { checkAddress, type CheckedAddress, type ResolveHost } from './address-guard.js'
import { errorMessage, formatBytes } from './read-story-file.js'

/** One page fetched for an import: its address after redirects, its bytes, its chapter if known. */
export type FetchedPage = Readonly<{ url: string; bytes: Buffer; chapter: number | null }>

export type FetchOptions = Readonly<{
  /** The largest page taken, as --max-size is the largest file. */
  maxSize: number
  /** Loopback, private, link-local and the like may be fetched (--allow-private-addresses). */
  allowPrivate: boolean
  timeoutMs?: number
  resolve?: ResolveHost
}>

/** 30 s a page: an old archive on a slow host answers in that, or not at all. */
export const FETCH_TIMEOUT_MS = 30_000
// Browsers follow 20; an archive's page needs one or two (http to https, a moved host).
const MAX_REDIRECTS = 5
/** The most chapters followed from one eFiction chapter page to the next. */
export const MAX_CHAPTERS = 200

/** Whether an import path is an address to fetch ("https://…") rather than a file. */
export function isAddressPath(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//iu.test(path)
}

/**
 * The pages of the story at `address`: the page itself, or, for an eFiction chapter page
 * (`viewstory.php?sid=N&chapter=K`, not the printable one), it and each next chapter's page in
 * turn, up to MAX_CHAPTERS. Every hop of every page is checked by the address guard.
 */
export async function fetchStory(address: string, options: FetchOptions): Promise<FetchedPage[]> {
  let url: URL
  try {
    url = new URL(address)
  } catch (error) {
    throw new QuireError('QUIRE_FETCH_REFUSED', `${address}: not an address that can be read`, { cause: error })
  }
  const chain = readEfictionChapter(url)
  if (chain === undefined) return [{ ...(await fetchPage(url, options)), chapter: null }]
  const pages: FetchedPage[] = []
  const seen = new Set<number>()
  for (let next: URL | undefined = url, chapter = chain.chapter; next !== undefined; chapter += 1) {
    if (seen.has(chapter) || pages.length >= MAX_CHAPTERS) break
    seen.add(chapter)
    const page = await fetchPage(next, options)
    pages.push({ ...page, chapter })
    next = findNextChapter(page.bytes.toString('utf8'), new URL(page.url), chain.sid, chapter + 1)
  }
  return pages
}

type EfictionChapter = Readonly<{ sid: string; chapter: number }>

// eFiction 3.x: `viewstory.php?sid=12&chapter=3`; the printable page holds every chapter already.
function readEfictionChapter(url: URL): EfictionChapter | undefined {
  if (!/\/viewstory\.php$/iu.test(url.pathname)) return undefined
  const sid = url.searchParams.get('sid')
  if (sid === null || !/^\d+$/u.test(sid) || url.searchParams.get('action') === 'printable') return undefined
  const chapter = Number(url.searchParams.get('chapter') ?? '1')
  return Number.isInteger(chapter) && chapter >= 1 ? { sid, chapter } : undefined
}

/** The link to chapter `wanted` of story `sid` on the same site, as the page's "Next" link gives it. */
function findNextChapter(html: string, base: URL, sid: string, wanted: number): URL | undefined {
  for (const match of html.matchAll(/<a\s[^>]*?href\s*=\s*["']([^"']*viewstory\.php[^"']*)["']/giu)) {
    let link: URL
    try {
      link = new URL((match[1] ?? '').replace(/&amp;/giu, '&'), base)
    } catch {
      continue // A broken link is no next chapter; the rest of the page may hold one.
    }
    const isNext = link.searchParams.get('sid') === sid && link.searchParams.get('chapter') === String(wanted)
    if (isNext && link.origin === base.origin && link.searchParams.get('action') !== 'printable') return link
  }
  return undefined
}

/** One page, redirects followed by hand so that each hop is checked and pinned. */
async function fetchPage(start: URL, options: FetchOptions): Promise<Readonly<{ url: string; bytes: Buffer }>> {
  let url = start
  for (let hop = 0; ; hop += 1) {
    const pinned = await checkAddress(url, options)
    const answer = await request(url, pinned, options)
    if (answer.kind === 'page') return { url: url.href, bytes: answer.bytes }
    if (hop >= MAX_REDIRECTS) {
      throw new QuireError('QUIRE_FETCH_FAILED', `${start.href}: more than ${String(MAX_REDIRECTS)} redirects`)
    }
    url = new URL(answer.location, url)
  }
}

type Answer = Readonly<{ kind: 'page'; bytes: Buffer }> | Readonly<{ kind: 'redirect'; location: string }>

// Connects to the checked address only: the lookup the socket makes answers with it.
function pinnedLookup({ address, family }: CheckedAddress): LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all === true) callback(null, [{ address, family }])
    else callback(null, address, family)
  }
}

function request(url: URL, pinned: CheckedAddress, options: FetchOptions): Promise<Answer> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS
  const failed = (detail: string, cause?: unknown): QuireError =>
    new QuireError('QUIRE_FETCH_FAILED', `${url.href}: ${detail}`, cause === undefined ? undefined : { cause })
  return new Promise<Answer>((resolve, reject) => {
    const get = url.protocol === 'https:' ? https.get : http.get
    const outgoing = get(url, {
      lookup: pinnedLookup(pinned),
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': 'quire-import (+fan fiction archive rescue)', accept: 'text/html, text/plain, */*' },
      // A fresh socket per request: a pooled one may have been opened to another address.
      agent: false,
    }, (response) => {
      const status = response.statusCode ?? 0
      const location = response.headers.location
      if (status >= 300 && status < 400 && location !== undefined) {
        response.resume()
        resolve({ kind: 'redirect', location })
        return
      }
      if (status < 200 || status >= 300) {
        response.resume()
        reject(failed(`the server answered ${String(status)} ${response.statusMessage ?? ''}`.trim()))
        return
      }
      const tooLarge = (size: number): QuireError => new QuireError(
        'QUIRE_RESCUE_TOO_LARGE',
        `${url.href}: ${formatBytes(size)} is over the ${formatBytes(options.maxSize)} limit (raise it with --max-size)`,
      )
      const declared = Number(response.headers['content-length'] ?? '0')
      if (declared > options.maxSize) {
        response.destroy()
        reject(tooLarge(declared))
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.byteLength
        if (size > options.maxSize) {
          response.destroy()
          reject(tooLarge(size))
          return
        }
        chunks.push(chunk)
      })
      response.on('end', () => resolve({ kind: 'page', bytes: Buffer.concat(chunks) }))
      response.on('error', (error) => reject(failed(`reading the answer: ${errorMessage(error)}`, error)))
    })
    outgoing.on('error', (error) => {
      const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError'
      reject(failed(timedOut ? `no answer within ${String(timeoutMs / 1000)} s` : errorMessage(error), error))
    })
  })
}
