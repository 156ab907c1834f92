import type { Kysely } from 'kysely'
import { chooseCopy, fieldConfidences, type CopyChoice } from '../domain/copy-choice.js'
import { QuireError } from '../domain/errors.js'
import type { RescuedWork } from '../domain/rescue-report.js'
import type { WorkField } from '../domain/work-field.js'
import type { Work, WorkId } from '../domain/work.js'
import { applyReading } from './apply-reading.js'
import { valuesOfDraft } from './differing-fields.js'
import { insertSource } from './insert-source.js'
import { lockWork } from './lock-work.js'
import type { Database } from './schema.js'
import { findShownFields } from './work-fingerprints.js'
import { findWork } from './works.js'

/**
 * A copy of a story already stored, kept as another source of its work, and which copy won.
 * `keptEdited`: the fields the new copy, once it won, read otherwise but a person had edited, so
 * they stay as edited; the `reason` names them too.
 */
export type MergeResult = Readonly<{ into: WorkId; keptEdited: readonly WorkField[] } & CopyChoice>

/**
 * Adds a file as another source of `into`, the work made from another copy of the same story,
 * in the caller's transaction. When `chooseCopy` prefers the new copy, the work is brought in
 * line with it as a reparse would (fields, chapters, creators, tags, notices, index), keeping its
 * id, creation date and counts, and every field a person edited. Throws `BytesAlreadyStored`
 * when these bytes are stored already.
 */
export async function mergeRescued(
  trx: Kysely<Database>,
  copy: Readonly<{ rescued: RescuedWork; bytes: Uint8Array; fileName: string; sha256: string; now: Date }>,
  into: WorkId,
): Promise<MergeResult> {
  // Before anything is read: a concurrent edit or merge must not change what this one decides on.
  if (!(await lockWork(trx, into))) throw goneWork(into)
  // Read before the new source goes in, so the new copy is not weighed against itself.
  const shown = await findShownFields(trx, into)
  await insertSource(trx, { ...copy, workId: into })
  const choice = chooseCopy(shown, fieldConfidences(copy.rescued.report.fields))
  if (choice.kept === 'existing') return { into, keptEdited: [], ...choice }
  const work = await findWork(trx, into)
  if (work === undefined) throw goneWork(into)
  const draft = copy.rescued.work
  const read = valuesOfDraft(draft, work.createdAt.slice(0, 10))
  // A copy that names no dates leaves the work's (perhaps from its first import) alone.
  const hasDates = draft.posted !== null || draft.updated !== null
  const values = hasDates ? read : { ...read, dates: storedDates(work) }
  const { keptEdited } = await applyReading(trx, work, values, { dryRun: false })
  const kept = keptEdited.length === 0 ? '' : `; kept as a person edited them: ${keptEdited.join(', ')}`
  return { into, keptEdited, kept: 'new', reason: choice.reason + kept }
}

function storedDates(work: Work) {
  return { posted: work.posted, updated: work.updated, fromSource: work.datesFromSource }
}

function goneWork(workId: WorkId): QuireError {
  return new QuireError('QUIRE_WORK_NOT_FOUND', `work ${workId} was deleted while a copy of its story was merged into it`)
}
