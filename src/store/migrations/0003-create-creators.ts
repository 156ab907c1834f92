import type { StoreMigration } from '../store-migration.js'

export const createCreators: StoreMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('creators')
      .addColumn('id', dialect.serialType, (col) => col.primaryKey())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('name_key', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute()
    await db.schema
      .createTable('work_creators')
      .addColumn('work_id', 'text', (col) =>
        col.notNull().references('works.id').onDelete('cascade'),
      )
      .addColumn('creator_id', 'integer', (col) => col.notNull().references('creators.id'))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('work_creators_pk', ['work_id', 'creator_id'])
      .execute()
    await db.schema
      .createIndex('work_creators_creator_id_work_id')
      .on('work_creators')
      .columns(['creator_id', 'work_id'])
      .execute()
  },
  async down(db) {
    await db.schema.dropTable('work_creators').execute()
    await db.schema.dropTable('creators').execute()
  },
}
