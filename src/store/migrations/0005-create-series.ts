import type { StoreMigration } from '../store-migration.js'

export const createSeries: StoreMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('series')
      .addColumn('id', dialect.serialType, (col) => col.primaryKey())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('summary', 'text')
      .addColumn('notes', 'text')
      .addColumn('complete', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute()
    await db.schema
      .createTable('series_works')
      .addColumn('series_id', 'integer', (col) =>
        col.notNull().references('series.id').onDelete('cascade'),
      )
      .addColumn('work_id', 'text', (col) =>
        col.notNull().references('works.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('series_works_pk', ['series_id', 'work_id'])
      .addUniqueConstraint('series_works_series_id_position', ['series_id', 'position'])
      .execute()
    await db.schema
      .createIndex('series_works_work_id')
      .on('series_works')
      .column('work_id')
      .execute()
  },
  async down(db) {
    await db.schema.dropTable('series_works').execute()
    await db.schema.dropTable('series').execute()
  },
}
