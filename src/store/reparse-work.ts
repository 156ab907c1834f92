import type { Kysely } from 'kysely'
import { QuireError } from '../domain/errors.js'
import type { WorkDraft } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import { applyReading, type ReadingResult } from './apply-reading.js'
import { valuesOfDraft } from './differing-fields.js'
import { lockWork } from './lock-work.js'
import type { Database } from './schema.js'
import { findWork } from './works.js'

export type ReparseOptions = Readonly<{
  /** Compare and report, writing nothing. */
  dryRun?: boolean
}>

/**
 * What a new reading of a work's source changed (or, on a dry run, would change), which fields
 * it read otherwise but left as a person edited them, and what became of its fingerprint.
 */
export type ReparseResult = ReadingResult

/**
 * Brings a stored work in line with `draft`, a new reading of its source: every field that
 * differs and that no person has edited is written, in one transaction that also keeps the
 * full-text index, the story fingerprint and the change log in step. A work that reads the same
 * is not written at all.
 */
export async function reparseWork(
  db: Kysely<Database>,
  workId: WorkId,
  draft: WorkDraft,
  options: ReparseOptions = {},
): Promise<ReparseResult> {
  const dryRun = options.dryRun === true
  return db.transaction().execute(async (trx) => {
    // A dry run takes no lock: it writes nothing, and a report may be stale the moment it is made.
    if (!dryRun && !(await lockWork(trx, workId))) throw noWork(workId)
    const work = await findWork(trx, workId)
    if (work === undefined) throw noWork(workId)
    const values = valuesOfDraft(draft, work.createdAt.slice(0, 10))
    return applyReading(trx, work, values, { dryRun })
  })
}

function noWork(workId: WorkId): QuireError {
  return new QuireError('QUIRE_WORK_NOT_FOUND', `no work ${workId} to read again`)
}
