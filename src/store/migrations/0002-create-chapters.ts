import { sql } from 'kysely'
import type { StoreMigration } from '../store-migration.js'

export const createChapters: StoreMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('chapters')
      .addColumn('id', dialect.serialType, (col) => col.primaryKey())
      .addColumn('work_id', 'text', (col) =>
        col.notNull().references('works.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (col) => col.notNull().check(sql`position >= 1`))
      .addColumn('title', 'text')
      .addColumn('notes_beginning', 'text')
      .addColumn('notes_end', 'text')
      .addColumn('sections', 'text', (col) => col.notNull())
      .addColumn('word_count', 'integer')
      .addUniqueConstraint('chapters_work_id_position', ['work_id', 'position'])
      .execute()
  },
  async down(db) {
    await db.schema.dropTable('chapters').execute()
  },
}
