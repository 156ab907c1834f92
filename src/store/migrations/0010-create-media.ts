import { AO3_MEDIA } from '../../domain/media.js'
import { nameKey } from '../name-key.js'
import type { StoreMigration } from '../store-migration.js'

/**
 * The media a wrangler files fandoms under ("TV Shows", "Movies"), and which fandom is under
 * which. A table of their own rather than an eighth tag kind: no work carries a medium, so the
 * filter index, the facets and crossovers never meet one. Seeded with AO3's list.
 */
export const createMedia: StoreMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('media')
      .addColumn('id', dialect.serialType, (col) => col.primaryKey())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('name_key', 'text', (col) => col.notNull().unique())
      .execute()
    await db.schema
      .createTable('fandom_media')
      .addColumn('fandom_id', 'integer', (col) =>
        col.notNull().references('tags.id').onDelete('cascade'),
      )
      .addColumn('media_id', 'integer', (col) =>
        col.notNull().references('media.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint('fandom_media_pk', ['fandom_id', 'media_id'])
      .execute()
    await db
      .insertInto('media')
      .values(AO3_MEDIA.map((name) => ({ name, name_key: nameKey(name) })))
      .execute()
  },
  async down(db) {
    await db.schema.dropTable('fandom_media').execute()
    await db.schema.dropTable('media').execute()
  },
}
