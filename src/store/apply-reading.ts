import type { Kysely } from 'kysely'
import type { WorkField } from '../domain/work-field.js'
import type { Work } from '../domain/work.js'
import { findDifferingFields, type DraftValues } from './differing-fields.js'
import { findEditedFields } from './edited-fields.js'
import { followFingerprint, type FingerprintChange } from './follow-fingerprint.js'
import type { Database } from './schema.js'
import { recordWorkChange } from './work-changes.js'
import { writeWorkFields, type WorkWrite } from './write-work-fields.js'

/**
 * What a reading of a work's source changed (or, on a dry run, would change), and which fields
 * it read otherwise but left as a person edited them, both in WORK_FIELDS order; `fingerprint`
 * when rewriting the chapters moved or dropped the work's story fingerprint.
 */
export type ReadingResult = Readonly<{
  changed: WorkField[]
  keptEdited: WorkField[]
  fingerprint?: FingerprintChange
}>

/**
 * Brings `work` in line with `values`, a reading of one of its sources: writes every field that
 * differs and that no person has edited (`works.edited_fields`), keeps the work's fingerprint
 * with its chapters, and records the change; writes nothing when nothing differs. What a reparse
 * and a merge whose new copy wins both do. Call it in a transaction that has locked the work
 * (`lockWork`), unless on a dry run.
 */
export async function applyReading(
  trx: Kysely<Database>,
  work: Work,
  values: DraftValues,
  options: Readonly<{ dryRun: boolean }>,
): Promise<ReadingResult> {
  const edited = new Set(await findEditedFields(trx, work.id))
  const differing = await findDifferingFields(trx, work, values)
  const changed = differing.filter((field) => !edited.has(field))
  const keptEdited = differing.filter((field) => edited.has(field))
  if (!options.dryRun && changed.length > 0) {
    await writeWorkFields(trx, work.id, pick(values, changed))
    await recordWorkChange(trx, work.id)
  }
  const fingerprint = changed.includes('chapters')
    ? await followFingerprint(trx, work.id, values.chapters, options)
    : undefined
  return { changed, keptEdited, ...(fingerprint === undefined ? {} : { fingerprint }) }
}

type Picked = { -readonly [Field in WorkField]?: DraftValues[Field] }

function pick(values: DraftValues, fields: readonly WorkField[]): WorkWrite {
  const picked: Picked = {}
  for (const field of fields) copyField(picked, values, field)
  return picked
}

function copyField<Field extends WorkField>(to: Picked, from: DraftValues, field: Field): void {
  to[field] = from[field]
}
