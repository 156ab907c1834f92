import type { Kysely } from 'kysely'
import type { TagId } from '../domain/stored-tag.js'
import type { CappedList, TagPage, TagRef } from '../domain/tag-page.js'
import { compareTagNames } from '../domain/tag-name-order.js'
import { makeTagName, TAG_KINDS, type TagKind } from '../domain/tag.js'
import { findFandomMedia } from './media.js'
import { nameKey } from './name-key.js'
import type { Database } from './schema.js'

/** At most this many synonyms, and child tags of each kind, on one tag's page. */
export const TAG_PAGE_LIST_MAX = 1000

/** A tag found by name, and the canonical tag it is a synonym of (null when it is canonical). */
export type NamedTag = TagRef & Readonly<{ id: TagId; canonical: TagRef | null }>

/**
 * The tag this name spells, compared as the archive compares names (so "smallville" finds
 * "Smallville"), or undefined when no tag has it.
 */
export async function findTagByName(db: Kysely<Database>, name: string): Promise<NamedTag | undefined> {
  const row = await db
    .selectFrom('tags')
    .leftJoin('tags as canonical', 'canonical.id', 'tags.canonical_id')
    .select([
      'tags.id',
      'tags.name',
      'tags.kind',
      'canonical.name as canonicalName',
      'canonical.kind as canonicalKind',
    ])
    .where('tags.name_key', '=', nameKey(makeTagName(name)))
    .executeTakeFirst()
  if (row === undefined) return undefined
  const { id, name: found, kind, canonicalName, canonicalKind } = row
  const canonical =
    canonicalName === null || canonicalKind === null ? null : { name: canonicalName, kind: canonicalKind }
  return { id, name: found, kind, canonical }
}

/** What a tag's page shows of its wrangling, or undefined when no tag has this name. */
export async function findTagPage(db: Kysely<Database>, name: string): Promise<TagPage | undefined> {
  const tag = await findTagByName(db, name)
  if (tag === undefined) return undefined
  const [synonyms, parents, media, children] = await Promise.all([
    findSynonyms(db, tag.id),
    findLinked(db, 'child_id', tag.id),
    tag.kind === 'fandom' ? findFandomMedia(db, tag.id) : Promise.resolve([]),
    findChildren(db, tag.id),
  ])
  return {
    tag: { name: tag.name, kind: tag.kind },
    canonical: tag.canonical,
    synonyms,
    parents: [...media.map((medium) => ({ name: medium, kind: 'media' as const })), ...byKindAndName(parents)],
    children,
  }
}

async function findSynonyms(db: Kysely<Database>, id: TagId): Promise<CappedList<TagRef>> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('tags')
      .select(['name', 'kind'])
      .where('canonical_id', '=', id)
      .orderBy('id')
      .limit(TAG_PAGE_LIST_MAX)
      .execute(),
    db
      .selectFrom('tags')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('canonical_id', '=', id)
      .executeTakeFirst(),
  ])
  return { items: byKindAndName(rows), total: Number(total?.count ?? 0) }
}

// The tags on the other side of this tag's parent links: its parents (it is the child) or its
// children (it is the parent).
async function findLinked(
  db: Kysely<Database>,
  side: 'child_id' | 'parent_id',
  id: TagId,
  kind?: TagKind,
): Promise<TagRef[]> {
  const other = side === 'child_id' ? 'tag_parents.parent_id' : 'tag_parents.child_id'
  let query = db
    .selectFrom('tag_parents')
    .innerJoin('tags', 'tags.id', other)
    .select(['tags.name', 'tags.kind'])
    .where(`tag_parents.${side}`, '=', id)
    .orderBy('tags.id')
    .limit(TAG_PAGE_LIST_MAX)
  if (kind !== undefined) query = query.where('tags.kind', '=', kind)
  return query.execute()
}

// A big fandom has thousands of characters: each kind is counted, and listed up to the limit.
async function findChildren(db: Kysely<Database>, id: TagId): Promise<TagPage['children']> {
  const counts = await db
    .selectFrom('tag_parents')
    .innerJoin('tags', 'tags.id', 'tag_parents.child_id')
    .select((eb) => ['tags.kind', eb.fn.countAll<number | string>().as('count')])
    .where('tag_parents.parent_id', '=', id)
    .groupBy('tags.kind')
    .execute()
  const kinds = TAG_KINDS.filter((kind) => counts.some((row) => row.kind === kind))
  return Promise.all(
    kinds.map(async (kind) => ({
      kind,
      items: byKindAndName(await findLinked(db, 'parent_id', id, kind)),
      total: Number(counts.find((row) => row.kind === kind)?.count ?? 0),
    })),
  )
}

function byKindAndName(tags: readonly TagRef[]): TagRef[] {
  return [...tags].sort(
    (a, b) => TAG_KINDS.indexOf(a.kind) - TAG_KINDS.indexOf(b.kind) || compareTagNames(a.name, b.name),
  )
}
