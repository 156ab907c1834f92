import type { RescuedWork } from '../domain/rescue-report.js'
import { joinParts, type StoryPart } from '../rescue/join-parts.js'
import { readFileNamePart, readHeadPart, readTitlePart, type PartNumber } from '../rescue/part-number.js'
import { parseWorkId } from '../domain/work.js'
import type { ImportInput, Store } from '../store/store.js'
import type { ReportedProblem } from './import-files.js'

/** A rescued file that names its part of a story, and what its parts share: title and creators. */
export type PartOfStory = Readonly<{
  number: PartNumber
  /** The normalised title less its marker, with the creators: equal for parts of one story. */
  key: string
  title: string | null
  subtitle: string | null
}>

// Enough of a file's beginning for a mail's headers and a first chapter heading.
const HEAD_BYTES = 8 * 1024

/**
 * Which part of a story a rescued file is, read from its title, else its mail subject, else its
 * file's name, else its first chapter heading; undefined when none names a part.
 */
export function findPartOfStory(rescued: RescuedWork, fileName: string, bytes: Uint8Array): PartOfStory | undefined {
  const { title, creators } = rescued.work
  const titled = readTitlePart(title)
  if (titled !== undefined) {
    const { rest, subtitle, ...number } = titled
    return { number, key: partKey(rest, creators), title: rest, subtitle }
  }
  const head = readHeadPart(headText(bytes))
  const named = head?.from === 'subject' ? head : (readFileNamePart(fileName) ?? head)
  return named === undefined ? undefined : { number: named, key: partKey(title, creators), title: null, subtitle: null }
}

/** What the parts of one story share: its title (less any part marker) and creators, normalised. */
export function partKey(title: string, creators: readonly string[]): string {
  const fold = (text: string): string =>
    text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return `${fold(title)}\u0000${creators.map(fold).sort().join('\u0000')}`
}

/** The key of a stored work, as a part of it would have it. */
export function storedKey(title: string, creators: readonly string[]): string {
  return partKey(readTitlePart(title)?.rest ?? title, creators)
}

// Tags out, so that a page's "<h2>Chapter 3</h2>" is a line; the rest is only looked at.
function headText(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_BYTES))
  return head.toString('utf8').replace(/<[^>]*>/gu, '\n')
}

/** A file of a folder that names its part of a story, with what it would be stored as. */
export type PartFile<T> = Readonly<{ item: T; input: ImportInput; part: PartOfStory }>

/**
 * The files in groups of one story each, in the order of each group's first file: files with
 * one key and different part numbers are one story. Files with one key and the same number are
 * copies, not parts: each of them then stays a story of its own, as a lone file is.
 */
export function groupParts<T>(files: readonly PartFile<T>[]): PartFile<T>[][] {
  const byKey = new Map<string, PartFile<T>[]>()
  for (const file of files) {
    const group = byKey.get(file.part.key)
    if (group === undefined) byKey.set(file.part.key, [file])
    else group.push(file)
  }
  return [...byKey.values()].flatMap((group) => {
    const numbers = new Set(group.map((file) => file.part.number.part))
    return numbers.size === group.length ? [group] : group.map((file) => [file])
  })
}

/** The story joined from its files: the first part's file first, the others its `parts`. */
export function joinStory<T>(group: readonly PartFile<T>[]): Readonly<{ input: ImportInput; joined: ReturnType<typeof joinParts> }> {
  const ordered = [...group].sort((a, b) => a.part.number.part - b.part.number.part)
  const parts: StoryPart[] = ordered.map(({ input, part }) => ({
    rescued: input.rescued,
    number: part.number,
    title: part.title,
    subtitle: part.subtitle,
  }))
  const joined = joinParts(parts)
  const [first, ...rest] = ordered
  if (first === undefined) throw new Error('joinStory: an empty group')
  const others = rest.map(({ input }) => ({
    rescued: input.rescued,
    bytes: input.bytes,
    fileName: input.fileName,
    sha256: input.sha256 ?? '',
  }))
  return { input: { ...first.input, rescued: joined.rescued, parts: others }, joined }
}

/** The stored works among `ids` (a folder's unchanged files'), by the key their parts would have. */
export async function findStoredStories(store: Store, ids: ReadonlySet<string>): Promise<Map<string, string>> {
  const keys = new Map<string, string>()
  if (ids.size === 0) return keys
  const digests = await store.works.findDigests([...ids].flatMap((id) => {
    const workId = parseWorkId(id)
    return workId === undefined ? [] : [workId]
  }))
  for (const digest of digests) keys.set(storedKey(digest.title, digest.creators), digest.id)
  return keys
}

/** The warning on parts found after their story was stored as `workId`: stored apart, for review. */
export function addedPart(group: readonly PartFile<unknown>[], workId: string): ReportedProblem {
  const numbers = group.map(({ part }) => String(part.number.part)).join(', ')
  const message =
    `part ${numbers} of a story stored before as work ${workId}: a part found after its story was ` +
    'stored is not joined to it, so it is stored as a work of its own; review the two'
  return { code: 'QUIRE_RESCUE_MISSING_PARTS', message, line: null, field: 'chapters' }
}
