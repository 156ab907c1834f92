import type { StoreMigration } from '../store-migration.js'

/**
 * An append-only log of what changed, so every web process can keep its in-memory filter index
 * current by reading the rows after the last one it saw. `work_id` names a work added, edited or
 * deleted; a row without one (`kind` 'tag-links') says synonyms or parents changed.
 */
export const createWorkChanges: StoreMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('work_changes')
      .addColumn('id', dialect.serialType, (col) => col.primaryKey())
      .addColumn('kind', 'text', (col) => col.notNull())
      // No foreign key: the row outlives a deleted work, which is the news it carries.
      .addColumn('work_id', 'text')
      .addColumn('changed_at', 'text', (col) => col.notNull())
      .execute()
  },
  async down(db) {
    await db.schema.dropTable('work_changes').execute()
  },
}
