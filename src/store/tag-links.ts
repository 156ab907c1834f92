import type { Kysely } from 'kysely'
import { QuireError } from '../domain/errors.js'
import type { TagId } from '../domain/stored-tag.js'
import { TAG_KIND_NAMES } from '../domain/tag-kind-name.js'
import type { Database } from './schema.js'
import { recordTagLinksChange } from './work-changes.js'

// Tag wrangling, as AO3 does it: a synonym points at its canonical tag, so its works show under
// the canonical; a parent link ties a character or relationship to its fandom, or a subtag to its
// metatag (a parent of the same kind), whose filter then takes the subtag's works too. Every
// change is logged in work_changes, in the same transaction, for the in-memory indexes.

/**
 * Makes `synonymId` a synonym of `canonicalId`, or, with null, a tag of its own again. Both
 * tags must be of one kind; the canonical may not itself be a synonym, and a tag that others
 * are synonyms of cannot become one (AO3 asks a wrangler to move those first).
 */
export async function setCanonicalTag(
  db: Kysely<Database>,
  synonymId: TagId,
  canonicalId: TagId | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const synonym = await findTag(trx, synonymId)
    if (canonicalId !== null) {
      const canonical = await findTag(trx, canonicalId)
      if (canonical.id === synonym.id) badLink(`tag "${synonym.name}" cannot be its own synonym`)
      if (canonical.kind !== synonym.kind) {
        badLink(
          `tag "${synonym.name}" (${TAG_KIND_NAMES[synonym.kind]}) cannot be a synonym of "${canonical.name}" (${TAG_KIND_NAMES[canonical.kind]}); they must be one kind`,
        )
      }
      if (canonical.canonical_id !== null) {
        badLink(`tag "${canonical.name}" is itself a synonym; make "${synonym.name}" a synonym of its canonical tag`)
      }
      const followers = await trx
        .selectFrom('tags')
        .select('name')
        .where('canonical_id', '=', synonym.id)
        .limit(1)
        .executeTakeFirst()
      if (followers !== undefined) {
        badLink(`tag "${synonym.name}" has synonyms ("${followers.name}"); point them elsewhere first`)
      }
    }
    await trx.updateTable('tags').set({ canonical_id: canonicalId }).where('id', '=', synonymId).execute()
    await recordTagLinksChange(trx)
  })
}

/** Links `childId` under `parentId`; linking twice is one link. Refuses a link that makes a loop. */
export async function addTagParent(
  db: Kysely<Database>,
  childId: TagId,
  parentId: TagId,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const [child, parent] = [await findTag(trx, childId), await findTag(trx, parentId)]
    if (await isAncestor(trx, child.id, parent.id)) {
      badLink(`tag "${parent.name}" is already under "${child.name}"; the link would make a loop`)
    }
    await trx
      .insertInto('tag_parents')
      .values({ child_id: childId, parent_id: parentId })
      .onConflict((conflict) => conflict.columns(['child_id', 'parent_id']).doNothing())
      .execute()
    await recordTagLinksChange(trx)
  })
}

/** Removes the link of `childId` under `parentId`, if there is one. */
export async function removeTagParent(
  db: Kysely<Database>,
  childId: TagId,
  parentId: TagId,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('tag_parents')
      .where('child_id', '=', childId)
      .where('parent_id', '=', parentId)
      .execute()
    await recordTagLinksChange(trx)
  })
}

async function findTag(db: Kysely<Database>, id: TagId) {
  const tag = await db
    .selectFrom('tags')
    .select(['id', 'kind', 'name', 'canonical_id'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (tag === undefined) throw new QuireError('QUIRE_TAG_NOT_FOUND', `no tag with id ${String(id)}`)
  return tag
}

// Whether `ancestor` is `tag` or above it, walking parent links a level per query.
async function isAncestor(db: Kysely<Database>, ancestor: TagId, tag: TagId): Promise<boolean> {
  const seen = new Set<TagId>([tag])
  let level: TagId[] = [tag]
  while (level.length > 0) {
    if (level.includes(ancestor)) return true
    const rows = await db
      .selectFrom('tag_parents')
      .select('parent_id')
      .where('child_id', 'in', level)
      .execute()
    level = rows.map((row) => row.parent_id).filter((id) => !seen.has(id))
    for (const id of level) seen.add(id)
  }
  return false
}

function badLink(message: string): never {
  throw new QuireError('QUIRE_TAG_BAD_LINK', message)
}
