import type { Kysely } from 'kysely'
import { isWorkField, WORK_FIELDS, type WorkField } from '../domain/work-field.js'
import type { WorkId } from '../domain/work.js'
import type { Database } from './schema.js'

/** The fields a person has edited on this work; undefined when there is no such work. */
export async function findEditedFields(
  db: Kysely<Database>,
  workId: WorkId,
): Promise<WorkField[] | undefined> {
  const row = await db
    .selectFrom('works')
    .select('edited_fields')
    .where('id', '=', workId)
    .executeTakeFirst()
  return row === undefined ? undefined : editedFieldsFromJson(row.edited_fields)
}

/** `works.edited_fields` as field names; anything else in the column is a bug, so it throws. */
export function editedFieldsFromJson(json: string): WorkField[] {
  const parsed: unknown = JSON.parse(json)
  if (!Array.isArray(parsed) || !parsed.every(isWorkField)) {
    throw new Error(`works.edited_fields: expected a JSON array of field names, got ${json}`)
  }
  return parsed
}

/** The record of `fields`: each once, in WORK_FIELDS order, so two records read alike. */
export function editedFieldsToJson(fields: Iterable<WorkField>): string {
  const named = new Set(fields)
  return JSON.stringify(WORK_FIELDS.filter((field) => named.has(field)))
}
