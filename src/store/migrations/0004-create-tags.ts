import { ARCHIVE_WARNINGS, ARCHIVE_WARNING_NAMES } from '../../domain/archive-warning.js'
import { CATEGORIES, CATEGORY_NAMES } from '../../domain/category.js'
import { RATINGS, RATING_NAMES } from '../../domain/rating.js'
import { nameKey } from '../name-key.js'
import type { StoreMigration } from '../store-migration.js'

export const createTags: StoreMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('tags')
      .addColumn('id', dialect.serialType, (col) => col.primaryKey())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('name_key', 'text', (col) => col.notNull().unique())
      .addColumn('canonical_id', 'integer', (col) => col.references('tags.id'))
      .addColumn('platonic', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute()
    await db.schema
      .createTable('tag_parents')
      .addColumn('child_id', 'integer', (col) =>
        col.notNull().references('tags.id').onDelete('cascade'),
      )
      .addColumn('parent_id', 'integer', (col) =>
        col.notNull().references('tags.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint('tag_parents_pk', ['child_id', 'parent_id'])
      .execute()
    await db.schema
      .createTable('work_tags')
      .addColumn('work_id', 'text', (col) =>
        col.notNull().references('works.id').onDelete('cascade'),
      )
      .addColumn('tag_id', 'integer', (col) => col.notNull().references('tags.id'))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('work_tags_pk', ['work_id', 'tag_id'])
      .execute()
    // Indexed both ways: a work's tags (the primary key), and a tag's works.
    await db.schema
      .createIndex('work_tags_tag_id_work_id')
      .on('work_tags')
      .columns(['tag_id', 'work_id'])
      .execute()
    await seedFixedTags(db)
  },
  async down(db) {
    await db.schema.dropTable('work_tags').execute()
    await db.schema.dropTable('tag_parents').execute()
    await db.schema.dropTable('tags').execute()
  },
}

// Ratings, warnings and categories own their names from the start, so a freeform "Gen" or
// "Other" that arrives later is the one that gets a suffix.
async function seedFixedTags(db: Parameters<StoreMigration['down']>[0]): Promise<void> {
  const createdAt = new Date().toISOString()
  const fixed = [
    ...RATINGS.map((id) => ({ kind: 'rating', name: RATING_NAMES[id] })),
    ...ARCHIVE_WARNINGS.map((id) => ({ kind: 'archive-warning', name: ARCHIVE_WARNING_NAMES[id] })),
    ...CATEGORIES.map((id) => ({ kind: 'category', name: CATEGORY_NAMES[id] })),
  ]
  await db
    .insertInto('tags')
    .values(fixed.map((tag) => ({ ...tag, name_key: nameKey(tag.name), created_at: createdAt })))
    .execute()
}
