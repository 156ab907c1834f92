import type { FastifyRequest } from 'fastify'
import { QuireError } from '../domain/errors.js'

/**
 * The archive's public address from QUIRE_PUBLIC_URL ("https://fic.example.org", perhaps with a
 * path), without a trailing slash; undefined when unset. Feeds need absolute addresses that stay
 * the same however a request arrived (behind a proxy, by IP), and this is where they come from.
 */
export function parsePublicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined
  const problem = `QUIRE_PUBLIC_URL "${raw}": expected an absolute http or https address with no query, such as https://fic.example.org`
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch (error) {
    throw new QuireError('QUIRE_CONFIG_BAD_PUBLIC_URL', problem, { cause: error })
  }
  const isHttp = url.protocol === 'http:' || url.protocol === 'https:'
  if (!isHttp || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new QuireError('QUIRE_CONFIG_BAD_PUBLIC_URL', problem)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/u, '')}`
}

/** Where absolute links start: the configured public address, else this request's own. */
export function siteBase(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`
}
