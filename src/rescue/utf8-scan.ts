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
