import path from 'node:path'
import { chooseCopy, fieldConfidences, type CopyChoice, type FieldConfidences } from '../domain/copy-choice.js'
import { QuireError, RescueError } from '../domain/errors.js'
import type { RescueIssue } from '../domain/rescue-report.js'
import { rescuePlainText } from '../rescue/rescue-plain-text.js'
import { sha256Of } from '../store/import-rescued.js'
import type { BatchOutcome, ImportInput, MergeTarget, Store } from '../store/store.js'
import { storyFingerprint } from '../store/story-fingerprint.js'
import { findListedCreator, type DoNotImportList } from './do-not-import.js'
import { errorMessage, readStoryFile } from './read-story-file.js'
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
}>

// A file as it waits for its batch to commit: its outcome known already, or its work to store.
type Pending =
  | Readonly<{ kind: 'settled'; outcome: ImportOutcome }>
  | Readonly<{ kind: 'skipped'; file: string; reason: string }>
  | Readonly<{ kind: 'store'; file: string; input: ImportInput; warnings: ReportedProblem[]; story?: DryRunStory }>

// What a dry run needs to say `merged`: the story's fingerprint and the stored work it would join.
type DryRunStory = Readonly<{ fingerprint: string | null; target: MergeTarget | undefined }>

// A story a dry run has met: the work it would be (null: made by this run) and its shown fields.
type SeenStory = Readonly<{ workId: string | null; fields: FieldConfidences }>

/**
 * Imports every story file under `paths`, streamed (a folder of any size is never read whole).
 * Works are stored in batches, one transaction each with a savepoint per work: each work lands
 * whole or not at all, one bad file never stops the rest, and a crash loses at most the batch
 * not yet committed, which importing again stores (nothing of it was written).
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
  const walk = walkFiles(paths)
  let upcoming = handled(walkAndRead(walk, options.maxSize))
  for (let entry = await upcoming; entry !== undefined; entry = await upcoming) {
    upcoming = handled(walkAndRead(walk, options.maxSize))
    // The unchanged check reads the database, so it runs here, never while a batch is open.
    const next: Pending = entry.kind === 'skipped' ? entry : await prepareOne(store, entry, options)
    if (next.kind !== 'store' && works === 0) {
      report(next, options)
      continue
    }
    pending.push(next)
    if (next.kind === 'store') {
      if (works === 0) openedAt = performance.now()
      works += 1
      bytes += next.input.bytes.byteLength
    }
    const full = works >= limits.works || bytes >= limits.bytes
    if (full || performance.now() - openedAt >= limits.ms) await flush()
  }
  await flush()
}

type ReadEntry = Readonly<{ kind: 'file'; file: string; read: Promise<Buffer> }>

/**
 * The next file of the walk with its read under way, so that the next file is found and read
 * while this one is parsed and stored: waiting for the file system (six calls a file) was 12%
 * of an import of 20 KB works, about 0.6 ms a work. One file ahead, so memory holds at most two.
 */
async function walkAndRead(
  walk: AsyncGenerator<WalkEntry>,
  maxSize: number,
): Promise<Exclude<WalkEntry, { kind: 'file' }> | ReadEntry | undefined> {
  const next = await walk.next()
  if (next.done === true) return undefined
  const entry = next.value
  if (entry.kind !== 'file') return entry
  return { kind: 'file', file: entry.file, read: handled(readStoryFile(entry.file, maxSize)) }
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
    const fileName = path.basename(file)
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
    if (options.dryRun !== true) return { kind: 'store', file, input, warnings }
    const fingerprint = storyFingerprint(rescued.work.chapters)
    const target = fingerprint === null ? undefined : await store.works.findMergeTarget(fingerprint)
    return { kind: 'store', file, input, warnings, story: { fingerprint, target } }
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
    report({ kind: 'settled', outcome: storedOutcome(item, result) }, options)
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
    options.onOutcome(item.kind === 'settled' ? item.outcome : wouldStore(item, seen))
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
