import path from 'node:path'
import { chooseCopy, fieldConfidences, type CopyChoice, type FieldConfidences } from '../domain/copy-choice.js'
import { QuireError, RescueError } from '../domain/errors.js'
import type { RescueIssue } from '../domain/rescue-report.js'
import { rescuePlainText } from '../rescue/rescue-plain-text.js'
import { sha256Of } from '../store/import-rescued.js'
import type { BatchOutcome, ImportInput, MergeTarget, Store } from '../store/store.js'
import { storyFingerprint } from '../store/story-fingerprint.js'
import { findListedCreator, type DoNotImportList } from './do-not-import.js'
import { fetchStory, isAddressPath, type FetchedPage } from './fetch-story.js'
import { errorMessage, readStoryFile } from './read-story-file.js'
import { addedPart, findPartOfStory, findStoredStories, groupParts, joinStory, type PartFile, type PartOfStory } from './story-parts.js'
import { walkFiles, type WalkEntry } from './walk-files.js'

/** A problem as the import report writes it. */
export type ReportedProblem = Readonly<{
  code: string
  message: string
  line: number | null
  field: string | null
}>

/** One line of the JSON-lines import report: what became of one file. */
export type ImportOutcome = Readonly<{
  file: string
  /**
   * `merged`: another copy of a stored story, kept as another source of its work (`merged`
   * says which). `skipped`: a story by a creator on the do-not-import list (`skipped` names them).
   */
  status: 'imported' | 'merged' | 'unchanged' | 'skipped' | 'failed'
  work: string | null
  sha256: string | null
  errors: readonly ReportedProblem[]
  warnings: readonly ReportedProblem[]
  /** How the bytes were decoded ("UTF-8", "windows-1252"), once rescue read them. */
  encoding: string | null
  /** The shape rescue read the story in ("plain-text", "html", "email"…), once it read it. */
  format: string | null
  /** How sure rescue is of each field it found (0 to 1), by field name; empty when it found none. */
  fields: Readonly<Record<string, number>>
  /** Present on a dry run: the status is what an import would do, and nothing was written. */
  dryRun?: true
  /**
   * With status `merged`: the work the file became a source of (null on a dry run, when an
   * earlier file of the run would make it), whose copy's fields the work shows, and why.
   */
  merged?: Readonly<{ into: string | null } & CopyChoice>
  /** With status `skipped`: the creator on the do-not-import list, as the story names them. */
  skipped?: Readonly<{ author: string; reason: string }>
}>

/** When a batch of stored works commits: at the first bound reached. */
export type BatchLimits = Readonly<{ works: number; bytes: number; ms: number }>

/**
 * One commit per work was 1.5 ms of the 3.7 ms it took to store a 20 KB work on SQLite; 64 works
 * share one. The bytes bound keeps memory flat on a folder of big files (a draft holds several
 * times its bytes); the time bound keeps the report moving and a writer's lock short.
 */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { works: 64, bytes: 8 * 1024 * 1024, ms: 250 }

export type ImportOptions = Readonly<{
  maxSize: number
  /**
   * Called once per file, in walk order, once its outcome is final: `imported` only after the
   * work's batch committed.
   */
  onOutcome: (outcome: ImportOutcome) => void
  /** Called for paths that are not imported at all (symbolic links, missing paths). */
  onSkipped: (file: string, reason: string) => void
  batch?: BatchLimits
  /**
   * Read, check and parse every file, and report what an import would do, writing nothing: a
   * file parsed well would be `imported` (with no work id), one whose bytes are stored or came
   * earlier in this run would be `unchanged`, a copy of a story stored or met earlier in the run
   * would be `merged` (as `chooseCopy` would decide), and failures fail as they would.
   */
  dryRun?: boolean
  /** Creators whose stories are not stored: each is reported `skipped`, nothing of it written. */
  doNotImport?: DoNotImportList
  /** An address path may reach loopback, private and link-local hosts (see `checkAddress`). */
  allowPrivateAddresses?: boolean
}>

// A file as it waits for its batch to commit: its outcome known already, or its work to store.
type Pending =
  | Readonly<{ kind: 'settled'; outcome: ImportOutcome }>
  | Readonly<{ kind: 'skipped'; file: string; reason: string }>
  | Readonly<{
      kind: 'store'
      file: string
      input: ImportInput
      warnings: ReportedProblem[]
      story?: DryRunStory
      /** Which part of a story told across files this file is, when it says. */
      part?: PartOfStory
      /** A story joined from several files: each file, reported on a line of its own. */
      members?: readonly JoinedFile[]
    }>

// One file of a story joined from several, as its line of the report tells it.
type JoinedFile = Readonly<{ file: string; input: ImportInput; warnings: ReportedProblem[] }>

// What a dry run needs to say `merged`: the story's fingerprint and the stored work it would join.
type DryRunStory = Readonly<{ fingerprint: string | null; target: MergeTarget | undefined }>

// A story a dry run has met: the work it would be (null: made by this run) and its shown fields.
type SeenStory = Readonly<{ workId: string | null; fields: FieldConfidences }>

/**
 * Imports every story file under `paths`, streamed (a folder of any size is never read whole).
 * Works are stored in batches, one transaction each with a savepoint per work: each work lands
 * whole or not at all, one bad file never stops the rest, and a crash loses at most the batch
 * not yet committed, which importing again stores (nothing of it was written).
 *
 * Files of one folder that are parts of one story (see `findPartOfStory`) are joined into one
 * work, stored in one transaction with every file kept as its source; each file's line reports
 * that work. From a folder's first such file on, its files are held until the folder ends (at
 * most HOLD_FILES), so the lines keep walk order, a joined story's at its first file's place.
 * A part added to a folder after its story was stored is not joined to it: it is stored as a
 * work of its own, with a QUIRE_RESCUE_MISSING_PARTS warning naming the stored work, for review.
 * An address path (`https://…`) is fetched (see `fetchStory`) and rescued as a file is.
 */
export async function importFiles(
  store: Store,
  paths: readonly string[],
  given: ImportOptions,
): Promise<void> {
  // Every outcome of a dry run says so, whichever way it was reached.
  const options: ImportOptions =
    given.dryRun === true ? { ...given, onOutcome: (outcome) => given.onOutcome({ ...outcome, dryRun: true }) } : given
  const limits = options.batch ?? DEFAULT_BATCH_LIMITS
  const pending: Pending[] = []
  const dryRunSeen: DryRunSeen = { bytes: new Set(), stories: new Map() }
  let works = 0
  let bytes = 0
  let openedAt = 0
  const flush = async (): Promise<void> => {
    const batch = pending.splice(0)
    if (options.dryRun === true) reportDryRun(batch, dryRunSeen, options)
    else await reportBatch(store, batch, options)
    works = 0
    bytes = 0
  }
  const enqueue = async (next: Pending): Promise<void> => {
    if (next.kind !== 'store' && works === 0) {
      report(next, options)
      return
    }
    pending.push(next)
    if (next.kind === 'store') {
      if (works === 0) openedAt = performance.now()
      works += 1
      bytes += storedBytes(next)
    }
    const full = works >= limits.works || bytes >= limits.bytes
    if (full || performance.now() - openedAt >= limits.ms) await flush()
  }
  const folder: HeldFolder = { where: null, held: [], bytes: 0, stored: new Set() }
  const release = async (): Promise<void> => {
    for (const item of await joinHeldParts(store, folder, options)) await enqueue(item)
    folder.held = []
    folder.bytes = 0
  }
  const walk = walkPaths(paths)
  let upcoming = handled(walkAndRead(walk, options))
  for (let entry = await upcoming; entry !== undefined; entry = await upcoming) {
    upcoming = handled(walkAndRead(walk, options))
    const where = entry.kind === 'address' ? entry.file : path.dirname(entry.file)
    if (where !== folder.where) {
      await release()
      folder.where = where
      folder.stored.clear()
    }
    // The unchanged check reads the database, so it runs here, never while a batch is open.
    const prepared: Pending[] =
      entry.kind === 'skipped'
        ? [entry]
        : entry.kind === 'address'
          ? await prepareAddress(store, entry, options)
          : [await prepareOne(store, entry, options)]
    for (const next of prepared) {
      if (next.kind === 'settled' && next.outcome.status === 'unchanged' && next.outcome.work !== null) {
        folder.stored.add(next.outcome.work)
      }
      if (folder.held.length === 0 && (next.kind !== 'store' || next.part === undefined)) {
        await enqueue(next)
        continue
      }
      folder.held.push(next)
      if (next.kind === 'store') folder.bytes += next.input.bytes.byteLength
    }
    if (folder.held.length >= HOLD_FILES || folder.bytes >= HOLD_BYTES) await release()
  }
  await release()
  await flush()
}

// A folder's files held while parts of a story may still come; the bounds keep memory flat on
// a folder of thousands of chapter files (parts past them are joined in more than one work).
const HOLD_FILES = 1000
const HOLD_BYTES = 64 * 1024 * 1024

type HeldFolder = {
  where: string | null
  held: Pending[]
  bytes: number
  /** Works whose bytes this folder held already (`unchanged`): a new part may belong to one. */
  stored: Set<string>
}

function storedBytes(item: Extract<Pending, { kind: 'store' }>): number {
  const parts = item.input.parts ?? []
  return parts.reduce((sum, part) => sum + part.bytes.byteLength, item.input.bytes.byteLength)
}

// The held files with each story told across several of them joined into one, in walk order.
async function joinHeldParts(store: Store, folder: HeldFolder, options: ImportOptions): Promise<Pending[]> {
  type Held = Extract<Pending, { kind: 'store' }>
  const candidates: PartFile<Held>[] = folder.held.flatMap((item) =>
    item.kind === 'store' && item.part !== undefined ? [{ item, input: item.input, part: item.part }] : [],
  )
  if (candidates.length === 0) return folder.held
  const stored = await findStoredStories(store, folder.stored)
  const replaced = new Map<Pending, Pending | null>()
  for (const group of groupParts(candidates)) {
    const [first] = group
    if (first === undefined) continue
    const storedAs = stored.get(first.part.key)
    const review = storedAs === undefined ? [] : [addedPart(group, storedAs)]
    if (group.length === 1) {
      replaced.set(first.item, { ...first.item, warnings: [...first.item.warnings, ...review] })
      continue
    }
    const { input, joined } = joinStory(group)
    const shared = [...(joined.missing === null ? [] : [toReported(joined.missing)]), ...review]
    const members = group.map(({ item }) => ({ file: item.file, input: item.input, warnings: [...item.warnings, ...shared] }))
    const story = options.dryRun === true ? await dryRunStory(store, input) : undefined
    const warnings = members[0]?.warnings ?? []
    const joinedItem: Pending = { kind: 'store', file: first.item.file, input, warnings, members, ...(story === undefined ? {} : { story }) }
    replaced.set(first.item, joinedItem)
    for (const { item } of group.slice(1)) replaced.set(item, null)
  }
  return folder.held.flatMap((item) => {
    const next = replaced.get(item)
    return next === undefined ? [item] : next === null ? [] : [next]
  })
}

async function dryRunStory(store: Store, input: ImportInput): Promise<DryRunStory> {
  const fingerprint = storyFingerprint(input.rescued.work.chapters)
  const target = fingerprint === null ? undefined : await store.works.findMergeTarget(fingerprint)
  return { fingerprint, target }
}

type PathEntry = WalkEntry | Readonly<{ kind: 'address'; file: string }>

// The walk of every path, an address (`https://…`) standing for itself.
async function* walkPaths(paths: readonly string[]): AsyncGenerator<PathEntry> {
  for (const start of paths) {
    if (isAddressPath(start)) yield { kind: 'address', file: start }
    else yield* walkFiles([start])
  }
}

type ReadEntry = Readonly<{ kind: 'file'; file: string; read: Promise<Buffer> }>
type FetchEntry = Readonly<{ kind: 'address'; file: string; pages: Promise<FetchedPage[]> }>

/**
 * The next file of the walk with its read under way, so that the next file is found and read
 * while this one is parsed and stored: waiting for the file system (six calls a file) was 12%
 * of an import of 20 KB works, about 0.6 ms a work. One file ahead, so memory holds at most two.
 */
async function walkAndRead(
  walk: AsyncGenerator<PathEntry>,
  options: ImportOptions,
): Promise<Extract<WalkEntry, { kind: 'skipped' }> | ReadEntry | FetchEntry | undefined> {
  const next = await walk.next()
  if (next.done === true) return undefined
  const entry = next.value
  if (entry.kind === 'skipped') return entry
  if (entry.kind === 'address') {
    const allowPrivate = options.allowPrivateAddresses === true
    const pages = handled(fetchStory(entry.file, { maxSize: options.maxSize, allowPrivate }))
    return { kind: 'address', file: entry.file, pages }
  }
  return { kind: 'file', file: entry.file, read: handled(readStoryFile(entry.file, options.maxSize)) }
}

// Each page fetched, rescued as a file named by its address; a chain of chapter pages is one
// story, its pages' chapter numbers the parts' numbers.
async function prepareAddress(store: Store, { file, pages }: FetchEntry, options: ImportOptions): Promise<Pending[]> {
  let fetched: FetchedPage[]
  try {
    fetched = await pages
  } catch (error) {
    return [{ kind: 'settled', outcome: failed(file, null, error) }]
  }
  const prepared: Pending[] = []
  for (const page of fetched) {
    const item = await prepareOne(store, { kind: 'file', file: page.url, read: Promise.resolve(page.bytes) }, options)
    if (item.kind !== 'store' || page.chapter === null || fetched.length === 1) {
      prepared.push(item)
      continue
    }
    const number = { part: page.chapter, of: null, from: 'address' } as const
    prepared.push({ ...item, part: { number, key: `address\u0000${file}`, title: null, subtitle: null } })
  }
  return prepared
}

// A promise awaited later, in its turn: until then its failure must not count as unhandled.
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

async function prepareOne(store: Store, { file, read }: ReadEntry, options: ImportOptions): Promise<Pending> {
  let sha256: string | null = null
  try {
    const bytes = await read
    sha256 = sha256Of(bytes)
    const existing = await store.sources.findOwner(sha256)
    if (existing !== undefined) {
      const outcome = unchanged(file, existing.workId, sha256)
      return { kind: 'settled', outcome }
    }
    const fileName = isAddressPath(file) ? file : path.basename(file)
    const rescued = rescuePlainText(bytes, fileName)
    const warnings = rescued.report.issues.map(toReported)
    const input: ImportInput = { rescued, bytes, fileName, sha256 }
    const listed = options.doNotImport
    const author = listed === undefined ? undefined : findListedCreator(listed, rescued.work.creators)
    if (author !== undefined) {
      const reason = `"${author}" is on the do-not-import list`
      const outcome: ImportOutcome = { file, status: 'skipped', work: null, sha256, errors: [], warnings, ...readAs(input) }
      return { kind: 'settled', outcome: { ...outcome, skipped: { author, reason } } }
    }
    const found = findPartOfStory(rescued, fileName, bytes)
    const part = found === undefined ? {} : { part: found }
    if (options.dryRun !== true) return { kind: 'store', file, input, warnings, ...part }
    return { kind: 'store', file, input, warnings, story: await dryRunStory(store, input), ...part }
  } catch (error) {
    return { kind: 'settled', outcome: failed(file, sha256, error) }
  }
}

// Stores the batch's works, then reports every file of it in walk order. When the batch fails
// to commit, none of its works was stored, and each is reported failed with the reason.
async function reportBatch(store: Store, batch: Pending[], options: ImportOptions) {
  const toStore = batch.flatMap((item) => (item.kind === 'store' ? [item.input] : []))
  let results: readonly BatchOutcome[]
  try {
    results = await store.works.importBatch(toStore)
  } catch (error) {
    results = toStore.map(() => ({ kind: 'failed', error }))
  }
  let index = 0
  for (const item of batch) {
    if (item.kind !== 'store') {
      report(item, options)
      continue
    }
    const result = results[index++]
    for (const outcome of fileOutcomes(item, storedOutcome(item, result))) options.onOutcome(outcome)
  }
}

type DryRunSeen = Readonly<{ bytes: Set<string>; stories: Map<string, SeenStory> }>

// What an import would report, with nothing stored: the first copy of some bytes would be
// imported and any later copy unchanged, as one transaction after another would find them; a
// copy of a story stored or met earlier in the run would be merged.
function reportDryRun(batch: Pending[], seen: DryRunSeen, options: ImportOptions): void {
  for (const item of batch) {
    if (item.kind === 'skipped') {
      report(item, options)
      continue
    }
    if (item.kind === 'settled') options.onOutcome(item.outcome)
    else for (const outcome of fileOutcomes(item, wouldStore(item, seen))) options.onOutcome(outcome)
  }
}

function wouldStore({ file, input, warnings, story }: Extract<Pending, { kind: 'store' }>, seen: DryRunSeen): ImportOutcome {
  const sha256 = input.sha256 ?? null
  if (sha256 !== null && seen.bytes.has(sha256)) return { ...unchanged(file, null, sha256), ...readAs(input) }
  if (sha256 !== null) seen.bytes.add(sha256)
  const imported: ImportOutcome = { file, status: 'imported', work: null, sha256, errors: [], warnings, ...readAs(input) }
  const fingerprint = story?.fingerprint ?? null
  if (fingerprint === null) return imported
  const fields = fieldConfidences(input.rescued.report.fields)
  const target = seen.stories.get(fingerprint) ?? story?.target
  if (target === undefined) {
    seen.stories.set(fingerprint, { workId: null, fields })
    return imported
  }
  // As `mergeRescued` would decide it, and what the work would show for the next copy.
  const choice = chooseCopy(target.fields, fields)
  seen.stories.set(fingerprint, { workId: target.workId, fields: choice.kept === 'new' ? fields : target.fields })
  return { ...imported, status: 'merged', work: target.workId, merged: { into: target.workId, ...choice } }
}

/** What rescue made of a file it read: its encoding, its format and each field's confidence. */
function readAs({ rescued }: ImportInput): Pick<ImportOutcome, 'encoding' | 'format' | 'fields'> {
  const fields = fieldConfidences(rescued.report.fields)
  return { encoding: rescued.source.encoding, format: rescued.report.format, fields }
}

function storedOutcome(
  item: Extract<Pending, { kind: 'store' }>,
  outcome: BatchOutcome | undefined,
): ImportOutcome {
  const { file, input, warnings } = item
  const sha256 = input.sha256 ?? null
  if (outcome === undefined) return failed(file, sha256, new Error('import: no outcome'))
  if (outcome.kind === 'failed') return { ...failed(file, sha256, outcome.error), ...readAs(input) }
  const { result } = outcome
  const stored: ImportOutcome = { file, status: result.status, work: result.workId, sha256, errors: [], warnings, ...readAs(input) }
  if (result.status !== 'merged') return stored
  const { into, kept, reason } = result.merged
  return { ...stored, merged: { into, kept, reason } }
}

// A story joined from several files has a line for each file, all naming the one work.
function fileOutcomes(item: Extract<Pending, { kind: 'store' }>, outcome: ImportOutcome): ImportOutcome[] {
  if (item.members === undefined) return [outcome]
  return item.members.map(({ file, input, warnings }) => ({
    ...outcome,
    file,
    sha256: input.sha256 ?? null,
    warnings: outcome.status === 'failed' ? [] : warnings,
    ...readAs(input),
  }))
}

function report(item: Exclude<Pending, { kind: 'store' }>, options: ImportOptions): void {
  if (item.kind === 'skipped') options.onSkipped(item.file, item.reason)
  else options.onOutcome(item.outcome)
}

function unchanged(file: string, work: string | null, sha256: string): ImportOutcome {
  return { file, status: 'unchanged', work, sha256, errors: [], warnings: [], encoding: null, format: null, fields: {} }
}

function failed(file: string, sha256: string | null, error: unknown): ImportOutcome {
  const errors = [toProblem(error)]
  return { file, status: 'failed', work: null, sha256, errors, warnings: [], encoding: null, format: null, fields: {} }
}

function toReported(issue: RescueIssue): ReportedProblem {
  return { code: issue.code, message: issue.message, line: issue.line, field: issue.field }
}

function toProblem(error: unknown): ReportedProblem {
  if (error instanceof RescueError) {
    const { code, message, at } = error
    return { code, message, line: at.line > 0 ? at.line : null, field: at.field ?? null }
  }
  if (error instanceof QuireError) {
    return { code: error.code, message: error.message, line: null, field: null }
  }
  // A bug, not bad input: still one file's failure, named, so the rest of the folder goes on.
  return { code: 'QUIRE_INTERNAL', message: errorMessage(error), line: null, field: null }
}
