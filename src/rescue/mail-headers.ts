import iconv from 'iconv-lite'

/** A message's header fields, names lower case, values unfolded and decoded, in order. */
export type MailHeaders = ReadonlyArray<Readonly<{ name: string; value: string }>>

/** A header block and what follows it. */
export type MailParts = Readonly<{ headers: MailHeaders; body: string; bodyLine: number }>

// RFC 5322 §3.6.8: a field name is printable ASCII other than the colon. Real names are words
// and hyphens, and only those are read here, so "Note to self: …" in a story is no field.
const FIELD_LINE = /^([A-Za-z][A-Za-z0-9-]{0,60}):[ \t]?(.*)$/u
const CONTINUATION = /^[ \t]/u

/** Whether a line opens a header field ("Subject: …"). */
export function isFieldLine(line: string): boolean {
  return FIELD_LINE.test(line)
}

/**
 * Splits a message at the first blank line and unfolds its header (RFC 5322 §2.2.3: a line
 * starting with white space continues the field above). Values are RFC 2047-decoded.
 */
export function splitMessage(text: string): MailParts {
  const lines = text.split('\n')
  const headers: { name: string; value: string }[] = []
  let index = 0
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? ''
    if (line.trim() === '') break
    const last = headers[headers.length - 1]
    if (CONTINUATION.test(line) && last !== undefined) {
      last.value += ` ${line.trim()}`
      continue
    }
    const field = FIELD_LINE.exec(line)
    // Not a field: the header has ended without its blank line (a pasted message).
    if (field === null) break
    headers.push({ name: (field[1] ?? '').toLowerCase(), value: (field[2] ?? '').trim() })
  }
  const bodyStart = lines[index]?.trim() === '' ? index + 1 : index
  const decoded = headers.map(({ name, value }) => ({ name, value: decodeWords(value) }))
  return { headers: decoded, body: lines.slice(bodyStart).join('\n'), bodyLine: bodyStart + 1 }
}

/** The first value of a field, or undefined. */
export function headerValue(headers: MailHeaders, name: string): string | undefined {
  return headers.find((header) => header.name === name)?.value
}

/** A `type/subtype; key=value` header: the lower-case value and its parameters. */
export type HeaderParams = Readonly<{ value: string; params: ReadonlyMap<string, string> }>

/** Reads a Content-Type or Content-Disposition value (RFC 2045 §5.1). */
export function readParams(raw: string | undefined): HeaderParams {
  const [value = '', ...rest] = (raw ?? '').split(';')
  const params = new Map<string, string>()
  for (const part of rest) {
    const equals = part.indexOf('=')
    if (equals < 0) continue
    const key = part.slice(0, equals).trim().toLowerCase()
    params.set(key, part.slice(equals + 1).trim().replace(/^"(.*)"$/u, '$1'))
  }
  return { value: value.trim().toLowerCase(), params }
}

// Mail software labelled windows-1252 text as ISO-8859-1 (or plain ASCII) for decades; the
// larger codepage decodes both the same except where the label was wrong.
const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
}

/** Bytes as text in a message's charset; UTF-8 when the charset is missing or unknown. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const name = charset?.trim().toLowerCase() ?? 'utf-8'
  const known = CHARSET_ALIASES[name] ?? name
  const encoding = iconv.encodingExists(known) ? known : 'utf-8'
  return iconv.decode(Buffer.from(bytes), encoding)
}

/** Quoted-printable (RFC 2045 §6.7) to bytes: "=E9" is a byte, "=" at a line end joins lines. */
export function decodeQuotedPrintable(text: string, underscoreIsSpace = false): Uint8Array {
  const joined = text.replace(/=[ \t]*\n/gu, '')
  const bytes: number[] = []
  for (let index = 0; index < joined.length; index += 1) {
    const char = joined.charAt(index)
    const hex = char === '=' ? /^[0-9A-Fa-f]{2}/u.exec(joined.slice(index + 1, index + 3)) : null
    if (hex !== null) {
      bytes.push(Number.parseInt(hex[0], 16))
      index += 2
    } else if (underscoreIsSpace && char === '_') {
      bytes.push(0x20)
    } else {
      // A character that should have been encoded (the file was re-saved as UTF-8): its bytes.
      bytes.push(...Buffer.from(char, 'utf8'))
    }
  }
  return Uint8Array.from(bytes)
}

// RFC 2047 §2: =?charset?encoding?text?= (a language after "*" in the charset is ignored).
const ENCODED_WORD = /=\?([^?*\s]+)(?:\*[^?\s]*)?\?([QqBb])\?([^?\s]*)\?=/gu
const BETWEEN_WORDS = /(=\?[^?\s]+\?[QqBb]\?[^?\s]*\?=)[ \t]+(?==\?[^?\s]+\?[QqBb]\?)/gu

/** Decodes RFC 2047 encoded words in a header value; white space between two of them goes. */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value
  return value.replace(BETWEEN_WORDS, '$1').replace(ENCODED_WORD, (_, charset: string, kind: string, text: string) => {
    const bytes =
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text, true)
    return decodeCharset(bytes, charset)
  })
}
