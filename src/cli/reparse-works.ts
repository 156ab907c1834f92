import { QuireError, RescueError } from '../domain/errors.js'
import { parseWorkId, type WorkId } from '../domain/work.js'
import type { WorkField } from '../domain/work-field.js'
import { rescuePlainText } from '../rescue/rescue-plain-text.js'
import type { FingerprintChange, Store } from '../store/store.js'
import type { ReportedProblem } from './import-files.js'
import { errorMessage } from './read-story-file.js'

/** One line of the JSON-lines reparse report: what a new reading did to one work. */
export type ReparseOutcome = Readonly<{
  work: string
  /** `updated`: some field read otherwise and was written (on a dry run: would be). */
  status: 'updated' | 'unchanged' | 'failed'
  /**
   * The source read again: the one whose reading the work shows, as a merge decides it (its
   * first, or a later copy that won; see `findShownSource`).
   */
  source: Readonly<{ sha256: string; fileName: string }> | null
  /** How many sources the work has; only the shown one is read. */
  sources: number
  changed: readonly WorkField[]
  /** Fields the new reading reads otherwise, left as a person edited them. */
  keptEdited: readonly WorkField[]
  /**
   * Present when the rewritten chapters moved or dropped the work's story fingerprint; `removed`
   * with reason `taken` names the work that has the fingerprint now (perhaps the same story).
   */
  fingerprint?: FingerprintChange
  errors: readonly ReportedProblem[]
  /** Present on a dry run: nothing was written. */
  dryRun?: true
}>

export type ReparseWorksOptions = Readonly<{
  dryRun: boolean
  /** Called once per work, in order, after its transaction committed. */
  onOutcome: (outcome: ReparseOutcome) => void
}>

/**
 * Reads the stored source of each work again with today's rescue (every rescued work when `ids`
 * is empty), one work at a time, and writes what it reads otherwise, except what a person
 * edited. A work whose source rescue now refuses fails, and is left as it was.
 */
export async function reparseWorks(
  store: Store,
  ids: readonly string[],
  options: ReparseWorksOptions,
): Promise<void> {
  const workIds = ids.length === 0 ? await store.works.listRescuedIds() : ids
  for (const id of workIds) {
    const outcome = await reparseOne(store, id, options.dryRun)
    options.onOutcome(options.dryRun ? { ...outcome, dryRun: true } : outcome)
  }
}

async function reparseOne(store: Store, id: string, dryRun: boolean): Promise<ReparseOutcome> {
  const workId = parseWorkId(id.toUpperCase())
  if (workId === undefined) {
    const error = new QuireError('QUIRE_WORK_NOT_FOUND', `"${id}" is not a work id (26 characters)`)
    return failed({ work: id, source: null, sources: 0 }, error)
  }
  let read: ReadSource = { work: workId, source: null, sources: 0 }
  try {
    const sources = await store.sources.listByWork(workId)
    const stored = await store.sources.findShown(workId)
    if (stored === undefined) throw noSource(workId)
    const source = { sha256: stored.sha256, fileName: stored.fileName }
    read = { work: workId, source, sources: sources.length }
    const { work: draft } = rescuePlainText(stored.bytes, stored.fileName)
    const result = await store.works.reparse(workId, draft, { dryRun })
    const status = result.changed.length > 0 ? 'updated' : 'unchanged'
    return { work: workId, status, source, sources: sources.length, ...result, errors: [] }
  } catch (error) {
    return failed(read, error)
  }
}

type ReadSource = Pick<ReparseOutcome, 'work' | 'source' | 'sources'>

function failed({ work, source, sources }: ReadSource, error: unknown): ReparseOutcome {
  const errors = [toProblem(error)]
  return { work, status: 'failed', source, sources, changed: [], keptEdited: [], errors }
}

function noSource(workId: WorkId): QuireError {
  return new QuireError('QUIRE_SOURCE_NOT_FOUND', `work ${workId} has no stored source to read again`)
}

function toProblem(error: unknown): ReportedProblem {
  if (error instanceof RescueError) {
    const { code, message, at } = error
    return { code, message, line: at.line > 0 ? at.line : null, field: at.field ?? null }
  }
  if (error instanceof QuireError) return { code: error.code, message: error.message, line: null, field: null }
  // A bug, not bad input: still one work's failure, named, so the rest go on.
  return { code: 'QUIRE_INTERNAL', message: errorMessage(error), line: null, field: null }
}
