/** What a pass over bytes as UTF-8 found: well-formed multi-byte characters and bad bytes. */
export type Utf8Scan = Readonly<{ multibyte: number; invalid: number; firstInvalid: number }>

// The well-formed byte sequences of RFC 3629, section 4: no overlongs, no surrogates, nothing
// past U+10FFFF.
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0
  const next = bytes[at + 1] ?? 0
  const inTail = (offset: number): boolean => ((bytes[at + offset] ?? 0) & 0xc0) === 0x80
  if (lead >= 0xc2 && lead <= 0xdf) return inTail(1) ? 2 : 0
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80
    const high = lead === 0xed ? 0x9f : 0xbf
    return next >= low && next <= high && inTail(2) ? 3 : 0
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80
    const high = lead === 0xf4 ? 0x8f : 0xbf
    return next >= low && next <= high && inTail(2) && inTail(3) ? 4 : 0
  }
  return 0
}

/** Counts well-formed multi-byte UTF-8 characters and bytes that are not UTF-8, in one pass. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0
  let invalid = 0
  let firstInvalid = -1
  let index = 0
  while (index < bytes.length) {
    if ((bytes[index] ?? 0) < 0x80) {
      index += 1
      continue
    }
    const length = sequenceLength(bytes, index)
    if (length === 0) {
      if (firstInvalid < 0) firstInvalid = index
      invalid += 1
      index += 1
    } else {
      multibyte += 1
      index += length
    }
  }
  return { multibyte, invalid, firstInvalid }
}

/** The 1-based line holding byte `offset`, counting line feeds and lone carriage returns. */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let index = 0; index < offset && index < bytes.length; index += 1) {
    const byte = bytes[index]
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) line += 1
  }
  return line
}

/** UTF-8 decoded with its stray bytes read as windows-1252 where that reads as text. */
export type MixedUtf8 = Readonly<{
  text: string
  /** Bytes read as windows-1252, and the offset of the first (-1 if none). */
  fallback: number
  firstFallback: number
  /** Bytes replaced with U+FFFD, and the offset of the first (-1 if none). */
  replaced: number
  firstReplaced: number
}>

// windows-1252's 0x80-0x9F; the five bytes it leaves undefined are 0 here.
const WINDOWS_1252_C1 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
]
const UTF8_LENIENT = new TextDecoder('utf-8', { ignoreBOM: true })

function isLetterByte(byte: number | undefined): boolean {
  if (byte === undefined) return false
  return byte >= 0x80 || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a)
}

// A stray byte as windows-1252, or undefined when that would not be text: the five undefined
// bytes, and a letter (0xC0-0xFF) with no letter beside it, which is more likely a broken
// UTF-8 sequence than the "é" of "café".
function windows1252Char(bytes: Uint8Array, at: number): string | undefined {
  const byte = bytes[at] ?? 0
  if (byte < 0xa0) {
    const code = WINDOWS_1252_C1[byte - 0x80] ?? 0
    return code === 0 ? undefined : String.fromCharCode(code)
  }
  if (byte >= 0xc0 && byte !== 0xd7 && byte !== 0xf7) {
    if (!isLetterByte(bytes[at - 1]) && !isLetterByte(bytes[at + 1])) return undefined
  }
  return String.fromCharCode(byte)
}

/**
 * Decodes UTF-8 whose bad bytes came from another editor: well-formed runs as UTF-8, each
 * stray byte as windows-1252 when it reads as text there, else U+FFFD.
 */
export function decodeMixedUtf8(bytes: Uint8Array): MixedUtf8 {
  const parts: string[] = []
  let fallback = 0
  let firstFallback = -1
  let replaced = 0
  let firstReplaced = -1
  let runStart = 0
  let index = 0
  while (index < bytes.length) {
    if ((bytes[index] ?? 0) < 0x80) {
      index += 1
      continue
    }
    const length = sequenceLength(bytes, index)
    if (length > 0) {
      index += length
      continue
    }
    parts.push(UTF8_LENIENT.decode(bytes.subarray(runStart, index)))
    const char = windows1252Char(bytes, index)
    if (char === undefined) {
      if (firstReplaced < 0) firstReplaced = index
      replaced += 1
      parts.push('\ufffd')
    } else {
      if (firstFallback < 0) firstFallback = index
      fallback += 1
      parts.push(char)
    }
    index += 1
    runStart = index
  }
  parts.push(UTF8_LENIENT.decode(bytes.subarray(runStart)))
  return { text: parts.join(''), fallback, firstFallback, replaced, firstReplaced }
}
