// Formats that arrive in folders of old stories but are not plain text. Magic numbers from each
// format's specification (PNG, ZIP "PK\3\4", PDF "%PDF-", OLE2 for Word 97 .doc files, …).
const SIGNATURES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a BMP image', [0x42, 0x4d]],
  ['a ZIP archive (or an EPUB or DOCX)', [0x50, 0x4b, 0x03, 0x04]],
  ['an empty ZIP archive', [0x50, 0x4b, 0x05, 0x06]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a Word 97-2003 document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['an executable', [0x4d, 0x5a, 0x90, 0x00]],
]

/** The kind of binary file `bytes` starts like ("a PNG image"), or undefined. */
export function findBinarySignature(bytes: Uint8Array): string | undefined {
  for (const [kind, magic] of SIGNATURES) {
    // "BM" also starts ordinary text ("BMX ..."), so a bitmap needs its header size too.
    if (magic.length === 2 && kind === 'a BMP image' && bytes.length >= 14 && bytes[14] !== 40) {
      continue
    }
    if (magic.length <= bytes.length && magic.every((byte, index) => bytes[index] === byte)) {
      return kind
    }
  }
  return undefined
}

/** Byte offset of the first NUL byte, or -1. */
export function findNulByte(bytes: Uint8Array): number {
  return bytes.indexOf(0)
}

// Text keeps tab, line feed, vertical tab, form feed, carriage return, escape (old printer
// codes) and SUB (0x1A, DOS's end-of-file mark); any other C0 byte is rare in a story. A table,
// not a Set: this runs on every byte of every file.
const CONTROL_BYTE = new Uint8Array(256)
for (let byte = 0; byte < 0x20; byte++) CONTROL_BYTE[byte] = 1
for (const byte of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a, 0x1b]) CONTROL_BYTE[byte] = 0

/** Whether more than 1% of the first 64 KiB are control bytes no text file holds. */
export function hasManyControlBytes(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 65_536)
  let count = 0
  for (let index = 0; index < end; index += 1) {
    count += CONTROL_BYTE[bytes[index] ?? 0] ?? 0
  }
  return count > Math.max(2, end / 100)
}
