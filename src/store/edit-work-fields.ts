import type { Kysely } from 'kysely'
import { QuireError } from '../domain/errors.js'
import { TITLE_MAX } from '../domain/work-draft.js'
import { editedFieldsOf, type WorkEdit, type WorkField } from '../domain/work-field.js'
import type { WorkId } from '../domain/work.js'
import { editedFieldsFromJson, editedFieldsToJson } from './edited-fields.js'
import { lockWork } from './lock-work.js'
import type { Database } from './schema.js'
import { recordWorkChange } from './work-changes.js'
import { writeWorkFields } from './write-work-fields.js'

const DAY = /^\d{4}-\d{2}-\d{2}$/u

/**
 * Applies a person's edit to a work in one transaction, and adds the fields it names to the
 * work's record of edited fields (`works.edited_fields`, which nothing else writes), so a later
 * `quire reparse` leaves them as the person made them. Returns the whole record after.
 */
export async function editWorkFields(
  db: Kysely<Database>,
  workId: WorkId,
  edit: WorkEdit,
): Promise<WorkField[]> {
  checkEdit(workId, edit)
  return db.transaction().execute(async (trx) => {
    if (!(await lockWork(trx, workId))) {
      throw new QuireError('QUIRE_WORK_NOT_FOUND', `no work ${workId} to edit`)
    }
    const { edited_fields: before } = await trx
      .selectFrom('works')
      .select('edited_fields')
      .where('id', '=', workId)
      .executeTakeFirstOrThrow()
    const fields = editedFieldsOf(edit)
    const record = editedFieldsToJson([...editedFieldsFromJson(before), ...fields])
    if (fields.length === 0) return editedFieldsFromJson(record)
    const { dates, ...rest } = edit
    // A date a person gives is a real date, shown as published, not as the day of an import.
    await writeWorkFields(trx, workId, {
      ...rest,
      ...(dates === undefined ? {} : { dates: { ...dates, fromSource: true } }),
    })
    await trx.updateTable('works').set({ edited_fields: record }).where('id', '=', workId).execute()
    await recordWorkChange(trx, workId)
    return editedFieldsFromJson(record)
  })
}

// What the columns' constraints would refuse, said in a person's terms before anything is written.
function checkEdit(workId: WorkId, edit: WorkEdit): void {
  const refuse = (field: WorkField, detail: string): never => {
    throw new QuireError('QUIRE_WORK_BAD_EDIT', `work ${workId} (${field}): ${detail}`)
  }
  const { title, chapters, dates, wordCount, contentNotices } = edit
  if (title !== undefined && title.trim() === '') refuse('title', 'a title cannot be empty')
  if (title !== undefined && title.length > TITLE_MAX) {
    refuse('title', `${String(title.length)} characters; at most ${String(TITLE_MAX)}`)
  }
  if (chapters?.length === 0) refuse('chapters', 'a work has at least one chapter')
  if (dates !== undefined && !(DAY.test(dates.posted) && DAY.test(dates.updated))) {
    refuse('dates', `"${dates.posted}", "${dates.updated}": expected YYYY-MM-DD`)
  }
  if (wordCount !== undefined && !(Number.isInteger(wordCount) && wordCount >= 0)) {
    refuse('wordCount', `${String(wordCount)}: expected a whole number, 0 or more`)
  }
  if (contentNotices?.some(({ line }) => !(Number.isInteger(line) && line >= 0))) {
    refuse('contentNotices', 'a notice names a source line, 0 or more')
  }
}
