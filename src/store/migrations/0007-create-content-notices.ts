import { sql } from 'kysely'
import type { StoreMigration } from '../store-migration.js'

export const createContentNotices: StoreMigration = {
  async up(db) {
    await db.schema
      .createTable('content_notices')
      .addColumn('work_id', 'text', (col) =>
        col.notNull().references('works.id').onDelete('cascade'),
      )
      .addColumn('topic', 'text', (col) => col.notNull())
      // The source line that called for the notice; 0 means the file as a whole.
      .addColumn('line', 'integer', (col) => col.notNull().check(sql`line >= 0`))
      .addPrimaryKeyConstraint('content_notices_pk', ['work_id', 'topic', 'line'])
      .execute()
  },
  async down(db) {
    await db.schema.dropTable('content_notices').execute()
  },
}
