import type { StoreMigration } from '../store-migration.js'

/**
 * The fields of a work a person has edited, as a JSON array of field names (`WorkField`), so
 * `quire reparse` leaves them alone. Only `editWorkFields` writes it.
 */
export const addEditedFields: StoreMigration = {
  async up(db) {
    await db.schema
      .alterTable('works')
      .addColumn('edited_fields', 'text', (col) => col.notNull().defaultTo('[]'))
      .execute()
  },
  async down(db) {
    await db.schema.alterTable('works').dropColumn('edited_fields').execute()
  },
}
