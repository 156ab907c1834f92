import type { StoreMigration } from '../store-migration.js'

/**
 * A tag's page reads its links from the other side too: the synonyms pointing at a canonical
 * tag, and the children under a parent (a big fandom's thousands of characters). The primary
 * key of tag_parents starts with the child, so without these both are scans of every tag or
 * link, on each page view.
 */
export const indexTagLinks: StoreMigration = {
  async up(db) {
    await db.schema.createIndex('tags_canonical_id').on('tags').column('canonical_id').execute()
    await db.schema
      .createIndex('tag_parents_parent_id_child_id')
      .on('tag_parents')
      .columns(['parent_id', 'child_id'])
      .execute()
  },
  async down(db) {
    await db.schema.dropIndex('tag_parents_parent_id_child_id').execute()
    await db.schema.dropIndex('tags_canonical_id').execute()
  },
}
