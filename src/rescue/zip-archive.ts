import { Inflate } from 'fflate'
import { RescueError } from '../domain/errors.js'

/** How much a zip may make rescue hold: entries, and uncompressed bytes per entry and in all. */
export type ZipLimits = Readonly<{ entries: number; entryBytes: number; totalBytes: number }>

/** 64 MB, as for a file read whole (cli/read-story-file.ts); a book with more is not a story. */
export const ZIP_LIMITS: ZipLimits = {
  entries: 2_000,
  entryBytes: 64 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
}

/** One file in a zip, as the central directory describes it. */
export type ZipEntry = Readonly<{
  name: string
  flags: number
  method: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
}>

/** A zip's central directory, or what makes it unreadable. */
export type ZipDirectory =
  | Readonly<{ kind: 'zip'; entries: readonly ZipEntry[] }>
  | Readonly<{ kind: 'damaged'; problem: string }>

/** A zip whose names and declared sizes passed the limits; `read` keeps to them while inflating. */
export type ZipArchive = Readonly<{
  find: (name: string) => ZipEntry | undefined
  read: (entry: ZipEntry) => Uint8Array
}>

// Signatures and field offsets from PKWARE's APPNOTE.TXT, sections 4.3.7 (local file header),
// 4.3.12 (central directory header) and 4.3.16 (end of central directory record).
const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_RECORD = 0x06054b50
const END_RECORD_SIZE = 22
const COMMENT_MAX = 0xffff
// Inflating 4 KiB at a time, one push makes at most about 4 MiB (DEFLATE's ratio tops out near
// 1032:1), so a bomb is stopped a few MiB past the limit, never after inflating all of itself.
const INFLATE_CHUNK = 4_096
const NAMES = new TextDecoder('utf-8')

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** Whether the bytes start with a zip's local file header ("PK\3\4"). */
export function startsAsZip(bytes: Uint8Array): boolean {
  return bytes.length >= 30 && view(bytes).getUint32(0, true) === LOCAL_HEADER
}

/** The first entry's name and, when stored uncompressed, its bytes (an EPUB's `mimetype`). */
export function readFirstEntry(bytes: Uint8Array): Readonly<{ name: string; stored: Uint8Array | null }> {
  const data = view(bytes)
  const nameLength = data.getUint16(26, true)
  const start = 30 + nameLength + data.getUint16(28, true)
  const name = NAMES.decode(bytes.subarray(30, Math.min(30 + nameLength, bytes.length)))
  const end = start + data.getUint32(18, true)
  const isStored = data.getUint16(8, true) === 0 && end <= bytes.length
  return { name, stored: isStored ? bytes.subarray(start, end) : null }
}

function findEndRecord(bytes: Uint8Array): number {
  const data = view(bytes)
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - COMMENT_MAX)
  for (let at = bytes.length - END_RECORD_SIZE; at >= lowest; at -= 1) {
    if (data.getUint32(at, true) === END_RECORD) return at
  }
  return -1
}

/** Reads the central directory: every entry's name, method, sizes and offset, checked to fit. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const damaged = (problem: string): ZipDirectory => ({ kind: 'damaged', problem })
  const end = findEndRecord(bytes)
  if (end < 0) return damaged('has no end of central directory record')
  const data = view(bytes)
  const count = data.getUint16(end + 10, true)
  const start = data.getUint32(end + 16, true)
  if (data.getUint16(end + 4, true) !== 0) return damaged('is one part of a multi-part zip')
  if (count === 0xffff || start === 0xffffffff) return damaged('is a ZIP64 archive')
  if (start > end) return damaged('has its central directory past its end record')
  const entries: ZipEntry[] = []
  let at = start
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || data.getUint32(at, true) !== CENTRAL_HEADER) {
      return damaged(`has a broken central directory at entry ${String(index + 1)}`)
    }
    const nameLength = data.getUint16(at + 28, true)
    const next = at + 46 + nameLength + data.getUint16(at + 30, true) + data.getUint16(at + 32, true)
    if (next > end) return damaged(`has a broken central directory at entry ${String(index + 1)}`)
    entries.push({
      name: NAMES.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      crc: data.getUint32(at + 16, true),
      compressedSize: data.getUint32(at + 20, true),
      size: data.getUint32(at + 24, true),
      localOffset: data.getUint32(at + 42, true),
    })
    at = next
  }
  return { kind: 'zip', entries }
}

// A name that could reach outside the folder the book is read into, were it ever written out.
function unsafeName(name: string): string | undefined {
  if (name.includes('\\')) return 'holds a backslash'
  if (name.startsWith('/') || /^[a-z]:/iu.test(name)) return 'is an absolute path'
  if (name.split('/').includes('..')) return 'has a ".." segment'
  if (name.includes('\0')) return 'holds a NUL character'
  return undefined
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** A RescueError about one entry of a book: "book.epub: entry "x.html" …". */
export function entryError(
  code: 'QUIRE_RESCUE_BAD_EPUB' | 'QUIRE_RESCUE_ZIP_BOMB',
  fileName: string,
  entry: string,
  detail: string,
  options?: ErrorOptions,
): RescueError {
  return new RescueError(code, { file: fileName, line: 0 }, `entry "${entry}" ${detail}`, options)
}

function checkEntries(entries: readonly ZipEntry[], fileName: string, limits: ZipLimits): void {
  if (entries.length > limits.entries) {
    const detail = `holds ${String(entries.length)} entries; a book may hold ${String(limits.entries)}`
    throw new RescueError('QUIRE_RESCUE_ZIP_BOMB', { file: fileName, line: 0 }, detail)
  }
  const seen = new Set<string>()
  let total = 0
  for (const { name, size } of entries) {
    const unsafe = unsafeName(name)
    if (unsafe !== undefined) throw entryError('QUIRE_RESCUE_BAD_EPUB', fileName, name, `${unsafe}; refused`)
    if (seen.has(name)) throw entryError('QUIRE_RESCUE_BAD_EPUB', fileName, name, 'appears twice')
    seen.add(name)
    total += size
    if (size > limits.entryBytes || total > limits.totalBytes) {
      const limit = size > limits.entryBytes ? limits.entryBytes : limits.totalBytes
      const what = size > limits.entryBytes ? 'an entry' : 'the whole book'
      const detail = `declares ${megabytes(size)} uncompressed, over the ${megabytes(limit)} limit for ${what}`
      throw entryError('QUIRE_RESCUE_ZIP_BOMB', fileName, name, detail)
    }
  }
}

// CRC-32 (ISO 3309, as zip uses it): a bad CRC means the bytes are damaged, not another story.
const CRC_TABLE = new Uint32Array(256)
for (let byte = 0; byte < 256; byte += 1) {
  let crc = byte
  for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
  CRC_TABLE[byte] = crc >>> 0
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function joinChunks(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

/**
 * Inflates DEFLATE data, counting bytes as they come: past `declared` (what the central
 * directory says) or past `allowance` (what the limits leave), it throws at once.
 */
function inflateCounted(
  data: Uint8Array,
  declared: number,
  allowance: number,
  tooMuch: (detail: string) => RescueError,
): Uint8Array {
  const chunks: Uint8Array[] = []
  let length = 0
  const inflate = new Inflate((chunk) => {
    length += chunk.length
    if (length > declared) {
      throw tooMuch(`inflates past the ${String(declared)} bytes its header declares`)
    }
    if (length > allowance) throw tooMuch(`inflates past the ${megabytes(allowance)} left under the limit`)
    chunks.push(chunk)
  })
  for (let at = 0; at < data.length || at === 0; at += INFLATE_CHUNK) {
    const last = at + INFLATE_CHUNK >= data.length
    inflate.push(data.subarray(at, at + INFLATE_CHUNK), last)
  }
  return joinChunks(chunks, length)
}

function readEntryBytes(
  bytes: Uint8Array,
  entry: ZipEntry,
  allowance: number,
  fileName: string,
): Uint8Array {
  const bad = (detail: string, options?: ErrorOptions): RescueError =>
    entryError('QUIRE_RESCUE_BAD_EPUB', fileName, entry.name, detail, options)
  if ((entry.flags & 1) !== 0) throw bad('is encrypted')
  const local = entry.localOffset
  if (local + 30 > bytes.length || view(bytes).getUint32(local, true) !== LOCAL_HEADER) {
    throw bad('has no local header where the central directory says')
  }
  const start = local + 30 + view(bytes).getUint16(local + 26, true) + view(bytes).getUint16(local + 28, true)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (start + entry.compressedSize > bytes.length) throw bad('runs past the end of the file')
  let out: Uint8Array
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw bad('is stored with two different sizes')
    out = data
  } else if (entry.method === 8) {
    const tooMuch = (detail: string): RescueError =>
      entryError('QUIRE_RESCUE_ZIP_BOMB', fileName, entry.name, detail)
    try {
      out = inflateCounted(data, entry.size, allowance, tooMuch)
    } catch (error) {
      if (error instanceof RescueError) throw error
      // fflate throws a plain Error for a broken DEFLATE stream: the book is damaged.
      throw bad(`does not inflate (${error instanceof Error ? error.message : String(error)})`, { cause: error })
    }
  } else {
    throw bad(`uses compression method ${String(entry.method)}; EPUB allows stored or DEFLATE`)
  }
  if (out.length !== entry.size) {
    throw bad(`holds ${String(out.length)} bytes, not the ${String(entry.size)} its header declares`)
  }
  if (crc32(out) !== entry.crc) throw bad('is damaged (its CRC-32 does not match)')
  return out
}

/**
 * A zip ready to read, once its entry count, names (no "..", absolute paths or backslashes)
 * and declared sizes are within `limits`; each read counts toward the total as it inflates.
 */
export function openZipArchive(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  fileName: string,
  limits: ZipLimits = ZIP_LIMITS,
): ZipArchive {
  checkEntries(entries, fileName, limits)
  const byName = new Map(entries.map((entry) => [entry.name, entry]))
  // Some tools write hrefs in another case than the entry's name.
  const byFolded = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]))
  let used = 0
  return {
    find: (name) => byName.get(name) ?? byFolded.get(name.toLowerCase()),
    read: (entry) => {
      const entryAllowance = Math.min(limits.entryBytes, limits.totalBytes - used)
      const out = readEntryBytes(bytes, entry, entryAllowance, fileName)
      used += out.length
      return out
    },
  }
}
