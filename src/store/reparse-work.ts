import type { Kysely } from 'kysely'
import { QuireError } from '../domain/errors.js'
import type { WorkDraft } from '../domain/work-draft.js'
import type { WorkField } from '../domain/work-field.js'
import type { WorkId } from '../domain/work.js'
import { findDifferingFields, valuesOfDraft, type DraftValues } from './differing-fields.js'
import { editedFieldsFromJson } from './edited-fields.js'
import { lockWork } from './lock-work.js'
import type { Database } from './schema.js'
import { recordWorkChange } from './work-changes.js'
import { findWork } from './works.js'
import { writeWorkFields, type WorkWrite } from './write-work-fields.js'

export type ReparseOptions = Readonly<{
  /** Compare and report, writing nothing. */
  dryRun?: boolean
}>

/**
 * What a new reading of a work's source changed (or, on a dry run, would change), and which
 * fields it read otherwise but left as a person edited them. Both in WORK_FIELDS order.
 */
export type ReparseResult = Readonly<{ changed: WorkField[]; keptEdited: WorkField[] }>

/**
 * Brings a stored work in line with `draft`, a new reading of its source: every field that
 * differs and that no person has edited is written, in one transaction that also keeps the
 * full-text index and the change log in step. A work that reads the same is not written at all.
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
    const { edited_fields: record } = await trx
      .selectFrom('works')
      .select('edited_fields')
      .where('id', '=', workId)
      .executeTakeFirstOrThrow()
    const edited = new Set(editedFieldsFromJson(record))
    const values = valuesOfDraft(draft, work.createdAt.slice(0, 10))
    const differing = await findDifferingFields(trx, work, values)
    const changed = differing.filter((field) => !edited.has(field))
    const keptEdited = differing.filter((field) => edited.has(field))
    if (!dryRun && changed.length > 0) {
      await writeWorkFields(trx, workId, pick(values, changed))
      await recordWorkChange(trx, workId)
    }
    return { changed, keptEdited }
  })
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

function noWork(workId: WorkId): QuireError {
  return new QuireError('QUIRE_WORK_NOT_FOUND', `no work ${workId} to read again`)
}
