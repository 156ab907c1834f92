import type { FastifyReply } from 'fastify'
import type { StoredSource } from '../domain/stored-source.js'

// An encoding label as rescue writes it ("UTF-8", "windows-1252"): safe inside a header.
const CHARSET = /^[A-Za-z0-9._:-]{1,40}$/u

/**
 * A stored file, byte for byte, as a download: never rendered by the browser (it may hold HTML
 * from an old archive), so it is an attachment with no sniffing and a sandbox if opened.
 */
export function sendSource(reply: FastifyReply, source: StoredSource): FastifyReply {
  return reply
    .type(contentType(source))
    .header('content-disposition', attachment(source.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .send(source.bytes)
}

function contentType(source: StoredSource): string {
  if (/\.epub$/iu.test(source.fileName)) return 'application/epub+zip'
  return CHARSET.test(source.encoding)
    ? `text/plain; charset=${source.encoding}`
    : 'application/octet-stream'
}

/**
 * RFC 6266: an ASCII `filename` for old clients and the exact name in `filename*` (RFC 8187).
 * Only the last part of a stored path is given, so the name cannot point into a folder.
 */
export function attachment(fileName: string): string {
  const name = fileName.split(/[\\/]/u).at(-1) ?? ''
  const base = name === '' ? 'source' : name
  const ascii = base.replace(/[^\x20-\x7e]|["\\%]/gu, '_')
  const exact = encodeURIComponent(base).replace(
    /['()*]/gu,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`
}
