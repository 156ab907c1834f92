import { isUtf8 } from 'node:buffer'
import { RescueError } from '../domain/errors.js'
import type { RescueIssue } from '../domain/rescue-report.js'
import type { DecodedSource } from '../domain/source.js'
import { findBinarySignature, findNulByte, hasManyControlBytes } from './binary-signatures.js'
import { findByteOrderMark, guessUnmarkedUtf16 } from './byte-order-mark.js'
import { declaredEncoding, guessLegacyEncoding } from './legacy-encoding.js'
import { mayHoldMojibake, repairMojibake } from './mojibake.js'
import { normaliseText } from './normalise-text.js'
import { decodeMixedUtf8, lineOfByte, scanUtf8 } from './utf8-scan.js'

/** A file's text with LF line ends and NFC, how it was decoded, and what decoding noticed. */
export type DecodedText = Readonly<{
  text: string
  source: DecodedSource
  issues: readonly RescueIssue[]
}>

type RawText = Readonly<{ text: string; source: DecodedSource; issues: readonly RescueIssue[] }>

// One decoder each, made once: `decode` without `stream` keeps no state between calls, and making
// a decoder per file cost more than decoding a 20 KB one.
const UTF8 = new TextDecoder('utf-8')
const UTF16LE = new TextDecoder('utf-16le')
const UTF16BE = new TextDecoder('utf-16be')

function decodeUtf16(bytes: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE'): string {
  return (encoding === 'UTF-16LE' ? UTF16LE : UTF16BE).decode(bytes)
}

function replacedIssue(count: number, line: number): RescueIssue {
  return {
    code: 'QUIRE_RESCUE_REPLACED_CHARACTERS',
    line,
    field: null,
    message: `${String(count)} byte(s) are not valid UTF-8 and were replaced with U+FFFD`,
  }
}

function mixedIssue(count: number, line: number): RescueIssue {
  return {
    code: 'QUIRE_RESCUE_MIXED_ENCODING',
    line,
    field: null,
    message:
      `${String(count)} byte(s) are not UTF-8 and were read as windows-1252, as text pasted ` +
      `from another editor; the first is on line ${String(line)}`,
  }
}

// UTF-8 (declared by a mark, or mostly well-formed) with any stray bytes read as windows-1252
// where they read as text, and mojibake undone. A clean file pays for one byte search.
function readUtf8(bytes: Uint8Array, source: DecodedSource, isValid: boolean): RawText {
  const issues: RescueIssue[] = []
  let text: string
  if (isValid) {
    text = UTF8.decode(bytes)
  } else {
    const mixed = decodeMixedUtf8(bytes)
    text = mixed.text
    if (mixed.fallback > 0) issues.push(mixedIssue(mixed.fallback, lineOfByte(bytes, mixed.firstFallback)))
    if (mixed.replaced > 0) issues.push(replacedIssue(mixed.replaced, lineOfByte(bytes, mixed.firstReplaced)))
  }
  const repair = isValid && !mayHoldMojibake(bytes) ? undefined : repairMojibake(text)
  if (repair !== undefined && repair.repaired > 0) {
    issues.push({
      code: 'QUIRE_RESCUE_MOJIBAKE',
      line: repair.firstLine,
      field: null,
      message:
        `repaired ${String(repair.repaired)} place(s) where UTF-8 had been read as windows-1252 ` +
        `and saved again ("Ã©" for "é"); the first is on line ${String(repair.firstLine)}`,
    })
  }
  return { text: repair?.text ?? text, source, issues }
}

function guessedIssue(message: string): RescueIssue {
  return { code: 'QUIRE_RESCUE_GUESSED_ENCODING', line: 0, field: null, message }
}

function binary(file: string, line: number, detail: string): RescueError {
  return new RescueError('QUIRE_RESCUE_BINARY', { file, line }, detail)
}

function rejectBinary(bytes: Uint8Array, fileName: string): void {
  const kind = findBinarySignature(bytes)
  if (kind !== undefined) {
    throw binary(fileName, 0, `is ${kind}, not text`)
  }
  const nul = findNulByte(bytes)
  if (nul >= 0) {
    const detail = `holds a NUL byte at offset ${String(nul)}; text never does`
    throw binary(fileName, lineOfByte(bytes, nul), detail)
  }
  if (hasManyControlBytes(bytes)) {
    throw binary(fileName, 0, 'is mostly control bytes, not text')
  }
}

function decodeUnmarked(bytes: Uint8Array, fileName: string): RawText {
  const utf16 = guessUnmarkedUtf16(bytes)
  if (utf16 !== undefined) {
    const issue = guessedIssue(`read as ${utf16} without a byte order mark (every other byte is NUL)`)
    const source = { encoding: utf16, encodingConfidence: 0.8 }
    return { text: decodeUtf16(bytes, utf16), source, issues: [issue] }
  }
  rejectBinary(bytes, fileName)
  // Node's native check answers the common case, valid UTF-8, at memory speed.
  if (isUtf8(bytes)) return readUtf8(bytes, { encoding: 'UTF-8', encodingConfidence: 1 }, true)
  const scan = scanUtf8(bytes)
  // Mostly UTF-8 with some bad bytes (a file pasted together from two editors) is UTF-8 with
  // windows-1252 in it, not a codepage: a codepage would turn every good multi-byte character
  // into two. Windows-1252 prose seldom forms a UTF-8 sequence by chance ("É”" does), and
  // every accented letter before ASCII is a bad byte, so at least as many good as bad decides.
  const firstBadLine = lineOfByte(bytes, scan.firstInvalid)
  if (scan.multibyte >= 4 && scan.multibyte >= scan.invalid) {
    return readUtf8(bytes, { encoding: 'UTF-8', encodingConfidence: 0.7 }, false)
  }
  const declared = declaredEncoding(bytes)
  if (declared !== undefined) {
    const issue = guessedIssue(`not UTF-8; read as ${declared.encoding}, the encoding the page declares`)
    return { text: declared.text, source: { encoding: declared.encoding, encodingConfidence: 0.95 }, issues: [issue] }
  }
  const guess = guessLegacyEncoding(bytes)
  if (guess === undefined) {
    throw new RescueError(
      'QUIRE_RESCUE_BAD_ENCODING',
      { file: fileName, line: firstBadLine },
      `is not UTF-8 (first bad byte at offset ${String(scan.firstInvalid)}) and no codepage ` +
        'decodes it to plausible text',
    )
  }
  const issue = guessedIssue(`not UTF-8; guessed ${guess.encoding} with confidence ${guess.confidence.toFixed(2)}`)
  const source = { encoding: guess.encoding, encodingConfidence: guess.confidence }
  return { text: guess.text, source, issues: [issue] }
}

function decodeRaw(bytes: Uint8Array, fileName: string): RawText {
  const mark = findByteOrderMark(bytes)
  if (mark === undefined) return decodeUnmarked(bytes, fileName)
  const body = bytes.subarray(mark.length)
  const source = { encoding: mark.encoding, encodingConfidence: 1 }
  if (mark.encoding !== 'UTF-8') {
    return { text: decodeUtf16(body, mark.encoding), source, issues: [] }
  }
  rejectBinary(body, fileName)
  return readUtf8(body, source, isUtf8(body))
}

/**
 * Bytes to text: a byte order mark (UTF-8, UTF-16) is believed; valid UTF-8 is UTF-8, with
 * mojibake repaired; mostly-UTF-8 reads its stray bytes as windows-1252; anything else is a
 * declared or guessed codepage (Western or East Asian), reported with its confidence, or a
 * RescueError.
 * Binary files (images, archives, NUL bytes) are refused by name.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const raw = decodeRaw(bytes, fileName)
  const normalised = normaliseText(raw.text.startsWith('\ufeff') ? raw.text.slice(1) : raw.text)
  const issues = [...raw.issues, ...normalised.issues]
  return { text: normalised.text, source: raw.source, issues }
}
