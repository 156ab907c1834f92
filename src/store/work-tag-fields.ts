import type { Kysely } from 'kysely'
import { ARCHIVE_WARNING_NAMES } from '../domain/archive-warning.js'
import { CATEGORY_NAMES } from '../domain/category.js'
import { RATING_NAMES } from '../domain/rating.js'
import type { TagId } from '../domain/stored-tag.js'
import { makeTagName, TAG_KINDS, type TagKind } from '../domain/tag.js'
import type { WorkEdit, WorkField } from '../domain/work-field.js'
import type { WorkId } from '../domain/work.js'
import type { DraftTag } from './draft-tags.js'
import { nameKey } from './name-key.js'
import type { Database } from './schema.js'
import { findOrCreateTags, findWorkTags, withKindSuffix } from './tags.js'
import { insertWorkTags } from './work-parts.js'

/** The work field that holds each kind of tag. */
export const TAG_FIELDS = {
  rating: 'rating',
  'archive-warning': 'archiveWarnings',
  category: 'categories',
  fandom: 'fandoms',
  relationship: 'relationships',
  character: 'characters',
  freeform: 'freeforms',
} as const satisfies Record<TagKind, WorkField>

/** The tags of one kind that `values` asks for; undefined when it leaves that field out. */
export function tagsOfKind(kind: TagKind, values: WorkEdit): DraftTag[] | undefined {
  const named = (name: string): DraftTag => ({ kind, name: makeTagName(name), platonic: false })
  const tags = ((): DraftTag[] | undefined => {
    switch (kind) {
      case 'rating':
        return values.rating === undefined ? undefined : [named(RATING_NAMES[values.rating])]
      case 'archive-warning':
        return values.archiveWarnings?.map((warning) => named(ARCHIVE_WARNING_NAMES[warning]))
      case 'category':
        return values.categories?.map((category) => named(CATEGORY_NAMES[category]))
      case 'fandom':
        return values.fandoms?.map(named)
      case 'relationship':
        return values.relationships?.map(({ name, platonic }) => ({
          kind,
          name: makeTagName(name),
          platonic,
        }))
      case 'character':
        return values.characters?.map(named)
      case 'freeform':
        return values.freeforms?.map(named)
    }
  })()
  return tags?.filter((tag) => tag.name !== '')
}

/**
 * The ids of the tags that `wanted` would be given, as `findOrCreateTags` picks them (the name,
 * or the name with its kind's suffix), without making any: undefined for a tag not there yet.
 */
export async function findExistingTagIds(
  db: Kysely<Database>,
  wanted: readonly DraftTag[],
): Promise<Array<TagId | undefined>> {
  const candidates = (tag: DraftTag) => [tag.name, withKindSuffix(tag.name, tag.kind)].map(nameKey)
  const keys = [...new Set(wanted.flatMap(candidates))]
  if (keys.length === 0) return []
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'kind', 'name_key'])
    .where('name_key', 'in', keys)
    .execute()
  const byKey = new Map(rows.map((row) => [row.name_key, row]))
  return wanted.map(
    (tag) => candidates(tag).map((key) => byKey.get(key)).find((row) => row?.kind === tag.kind)?.id,
  )
}

/**
 * Gives the work the tags `values` asks for in the kinds it names, keeping its tags of every
 * other kind, in AO3's kind order: what an edit or a reparse of some tag fields writes.
 */
export async function rewriteWorkTags(
  db: Kysely<Database>,
  workId: WorkId,
  values: WorkEdit,
): Promise<void> {
  const stored = await findWorkTags(db, workId)
  const byKind = TAG_KINDS.map((kind) => ({
    kind,
    wanted: tagsOfKind(kind, values),
    kept: stored.filter((tag) => tag.kind === kind).map((tag) => tag.id),
  }))
  const made = await findOrCreateTags(db, byKind.flatMap(({ wanted }) => wanted ?? []))
  let next = 0
  const ids = byKind.flatMap(({ wanted, kept }) =>
    wanted === undefined ? kept : wanted.map(() => tagAt(made, next++)),
  )
  await db.deleteFrom('work_tags').where('work_id', '=', workId).execute()
  await insertWorkTags(db, workId, ids)
}

function tagAt(tags: ReadonlyArray<Readonly<{ id: TagId }>>, index: number): TagId {
  const tag = tags[index]
  if (tag === undefined) throw new Error(`tags: none made for wanted tag ${String(index)}`)
  return tag.id
}
