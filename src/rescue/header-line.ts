import { findHeaderField, type HeaderFieldName } from './header-keys.js'

/** A `Key: value` line: the key as written, the field it names (null if unknown), the value. */
export type HeaderLine = Readonly<{ key: string; field: HeaderFieldName | null; value: string }>

// A list bullet or a quote mark before the key: "- Title: …", "• Rating: …", "> Summary: …".
const BULLET = /^(?:[-–•·>+]|\*(?=\s))\s*/u
// Plain-text emphasis around the key: "**Title:**", "*Title*:", "_Rating_:".
const EMPHASIS = /^[*_]{1,2}|[*_]{1,2}$/gu
// A key is a short label: a letter, then letters, digits, spaces, "/", "'", "." or "-".
const KEY_SHAPE = /^\p{L}[\p{L}\p{N} /'’.-]{0,29}$/u
// "Title - Stepping Back" and "Rating = PG": only for keys rescue knows, since prose says
// "Lex - he was …".
const DASHED = /^(\p{L}[\p{L}'’ /]{0,24}?)\s+(?:[-–—=]{1,2})\s+(\S.*)$/u

function cleanKey(raw: string): string {
  return raw.replace(BULLET, '').trim().replace(EMPHASIS, '').trim()
}

function cleanValue(raw: string): string {
  return raw.replace(/^[*_]{1,2}(?=\s|$)/u, '').trim()
}

function readColonLine(text: string): HeaderLine | undefined {
  const colon = text.indexOf(':')
  if (colon <= 0 || colon > 40) return undefined
  const key = cleanKey(text.slice(0, colon))
  if (!KEY_SHAPE.test(key) || key.split(' ').length > 4) return undefined
  const value = cleanValue(text.slice(colon + 1))
  // "http://…" and "10:30" are not keys; the shape already refuses digits first.
  if (value.startsWith('//')) return undefined
  return { key, field: findHeaderField(key) ?? null, value }
}

/** Reads one line as a header field, or undefined when it is not shaped like one. */
export function readHeaderLine(text: string): HeaderLine | undefined {
  const colonLine = readColonLine(text)
  if (colonLine !== undefined) return colonLine
  const dashed = DASHED.exec(text.replace(BULLET, ''))
  if (dashed === null) return undefined
  const key = cleanKey(dashed[1] ?? '')
  const field = findHeaderField(key)
  return field === undefined ? undefined : { key, field, value: cleanValue(dashed[2] ?? '') }
}

// "by Jane Doe", "written by Jane Doe": a credit line without a colon, short and name-like.
const BY_LINE = /^(?:(?:a\s+(?:story|fic|fanfic)\s+)?(?:written\s+)?by)\s+(\S.{0,60})$/iu

/** The name in a "by Jane Doe" credit line, or undefined. */
export function readByLine(text: string): string | undefined {
  const name = BY_LINE.exec(text)?.[1]?.trim()
  if (name === undefined || /[.!?]$/u.test(name) || name.split(/\s+/u).length > 6) return undefined
  return name
}
