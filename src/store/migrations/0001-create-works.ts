import { sql } from 'kysely'
import type { StoreMigration } from '../store-migration.js'

export const createWorks: StoreMigration = {
  async up(db) {
    await db.schema
      .createTable('works')
      .addColumn('id', 'text', (col) => col.primaryKey())
      // TITLE_MAX: AO3's limit, checked here too so no path can store a longer one.
      .addColumn('title', 'text', (col) => col.notNull().check(sql`length(title) <= 255`))
      .addColumn('summary', 'text')
      .addColumn('notes_beginning', 'text')
      .addColumn('notes_end', 'text')
      .addColumn('disclaimer', 'text')
      .addColumn('rating', 'text', (col) => col.notNull())
      .addColumn('rating_original', 'text')
      .addColumn('language', 'text')
      .addColumn('word_count', 'integer', (col) => col.notNull().check(sql`word_count >= 0`))
      .addColumn('complete', 'integer', (col) => col.notNull())
      .addColumn('chapter_count', 'integer', (col) => col.notNull().check(sql`chapter_count >= 1`))
      .addColumn('posted_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addColumn('dates_from_source', 'integer', (col) => col.notNull())
      .addColumn('kudos_count', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('hits_count', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('comments_count', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('bookmarks_count', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('restricted', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute()
    // The plain listing: newest update first, keyset-paged on (updated_at, id).
    await db.schema
      .createIndex('works_updated_at_id')
      .on('works')
      .columns(['updated_at desc', 'id desc'])
      .execute()
  },
  async down(db) {
    await db.schema.dropTable('works').execute()
  },
}
