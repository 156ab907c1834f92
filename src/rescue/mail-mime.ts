import { htmlToText } from './html-to-text.js'
import {
  decodeCharset,
  decodeQuotedPrintable,
  headerValue,
  type MailHeaders,
  readParams,
  splitMessage,
} from './mail-headers.js'

// MIME nests rarely more than three deep (mixed > alternative > related); a deeper message is
// built to hurt a parser, and its innermost parts are not read.
const DEPTH_MAX = 8

type Readable = Readonly<{ kind: 'plain' | 'html'; text: string }>

function decodeTransfer(headers: MailHeaders, body: string): string {
  const encoding = (headerValue(headers, 'content-transfer-encoding') ?? '').trim().toLowerCase()
  const charset = readParams(headerValue(headers, 'content-type')).params.get('charset')
  if (encoding === 'quoted-printable') return decodeCharset(decodeQuotedPrintable(body), charset)
  if (encoding === 'base64') return decodeCharset(Buffer.from(body, 'base64'), charset)
  // 7bit and 8bit text was decoded with the whole file.
  return body
}

// RFC 3676 format=flowed: a line that starts with a space had one added ("space-stuffed") so
// that a reader would not take it for a quote or a "From " line.
function unstuff(text: string, flowed: boolean): string {
  return flowed ? text.replace(/^ /gmu, '') : text
}

function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = []
  let current: string[] | null = null
  for (const line of body.split('\n')) {
    const trimmed = line.trimEnd()
    if (trimmed === `--${boundary}` || trimmed === `--${boundary}--`) {
      if (current !== null) parts.push(current.join('\n'))
      if (trimmed === `--${boundary}--`) return parts
      current = []
    } else {
      current?.push(line)
    }
  }
  if (current !== null) parts.push(current.join('\n'))
  return parts
}

function isAttachment(headers: MailHeaders): boolean {
  return readParams(headerValue(headers, 'content-disposition')).value === 'attachment'
}

function readPart(headers: MailHeaders, body: string, depth: number): Readable[] {
  const type = readParams(headerValue(headers, 'content-type') ?? 'text/plain')
  if (type.value.startsWith('multipart/')) {
    const boundary = type.params.get('boundary')
    if (boundary === undefined || boundary === '' || depth >= DEPTH_MAX) return []
    const parts = splitMultipart(body, boundary).map((part) => {
      const split = splitMessage(part)
      return readPart(split.headers, split.body, depth + 1)
    })
    if (type.value === 'multipart/alternative') {
      // RFC 2046 §5.1.4 puts the richest last; a story reads best from its plain text.
      return parts.find((each) => each.some((part) => part.kind === 'plain')) ?? parts.find((each) => each.length > 0) ?? []
    }
    return parts.flat()
  }
  const isText = type.value === '' || type.value === 'text/plain'
  if (!isText && type.value !== 'text/html') return []
  // A plain-text attachment is often the story itself ("fic attached"); an HTML one a copy.
  if (type.value === 'text/html' && isAttachment(headers)) return []
  const text = decodeTransfer(headers, body)
  if (!isText) return [{ kind: 'html', text }]
  return [{ kind: 'plain', text: unstuff(text, type.params.get('format') === 'flowed') }]
}

/**
 * The readable text of a message body: the text/plain part of a multipart/alternative (its
 * HTML only when there is no plain text), every text part of a multipart/mixed in order,
 * quoted-printable and base64 decoded in the part's charset.
 */
export function readMessageText(headers: MailHeaders, body: string): string {
  const parts = readPart(headers, body, 0)
  const hasPlain = parts.some((part) => part.kind === 'plain')
  return parts
    .filter((part) => !hasPlain || part.kind === 'plain')
    .map((part) => (part.kind === 'html' ? htmlToText(part.text) : part.text))
    .map((text) => text.replace(/\r\n?/gu, '\n').normalize('NFC'))
    .join('\n\n')
}
