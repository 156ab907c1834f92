import type { StoreMigration } from '../store-migration.js'

export const createSources: StoreMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('sources')
      .addColumn('id', dialect.serialType, (col) => col.primaryKey())
      // Null once the work is deleted: the original bytes outlive what was made of them.
      .addColumn('work_id', 'text', (col) => col.references('works.id').onDelete('set null'))
      // Unique, so importing the same bytes twice, even at the same moment, stores them once.
      .addColumn('sha256', 'text', (col) => col.notNull().unique())
      .addColumn('bytes', dialect.bytesType, (col) => col.notNull())
      .addColumn('encoding', 'text', (col) => col.notNull())
      .addColumn('encoding_confidence', dialect.floatType, (col) => col.notNull())
      .addColumn('file_name', 'text', (col) => col.notNull())
      .addColumn('byte_length', 'integer', (col) => col.notNull())
      .addColumn('imported_at', 'text', (col) => col.notNull())
      .addColumn('report', 'text', (col) => col.notNull())
      .execute()
    await db.schema.createIndex('sources_work_id').on('sources').column('work_id').execute()
  },
  async down(db) {
    await db.schema.dropTable('sources').execute()
  },
}
