import type { Kysely, Selectable } from 'kysely'
import { QuireError } from '../domain/errors.js'
import type { StoredTag } from '../domain/stored-tag.js'
import type { WorkId } from '../domain/work.js'
import { TAG_KIND_NAMES } from '../domain/tag-kind-name.js'
import { makeTagName, TAG_MAX, type TagKind, type TagName } from '../domain/tag.js'
import { isSet, toFlag } from './flag.js'
import { rowValues, runCachedQuery } from './cached-query.js'
import { nameKey } from './name-key.js'
import type { Database, TagsTable } from './schema.js'

export type NewTagOptions = Readonly<{ platonic?: boolean }>

/**
 * The tag of this kind and name, made if missing. Names are unique across the archive, as on
 * AO3: when another kind holds the name, this kind's tag is "Name (Kind)", the same suffix
 * every time, so "Gen" the freeform is always "Gen (Additional Tag)".
 */
export async function findOrCreateTag(
  db: Kysely<Database>,
  kind: TagKind,
  name: TagName,
  options: NewTagOptions = {},
): Promise<StoredTag> {
  const candidates = [name, withKindSuffix(name, kind)]
  // Twice at most: a second pass only when another import took a name between look and insert.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const taken = await db
      .selectFrom('tags')
      .selectAll()
      .where('name_key', 'in', candidates.map(nameKey))
      .execute()
    for (const candidate of candidates) {
      const holder = taken.find((tag) => tag.name_key === nameKey(candidate))
      if (holder?.kind === kind) return toStoredTag(holder)
      if (holder !== undefined) continue
      const inserted = await insertTag(db, kind, candidate, options.platonic ?? false)
      if (inserted !== undefined) return toStoredTag(inserted)
      break
    }
  }
  const suffixed = withKindSuffix(name, kind)
  throw new QuireError(
    'QUIRE_STORE_CONFLICT',
    `tag "${name}" (${TAG_KIND_NAMES[kind]}): "${name}" and "${suffixed}" both name other kinds of tag`,
  )
}

/**
 * The tags a work asks for, in order, made where missing. One look-up finds the tags that exist
 * already (most of them, once an archive has a few works); only new ones cost a write each.
 */
export async function findOrCreateTags(
  db: Kysely<Database>,
  wanted: ReadonlyArray<Readonly<{ kind: TagKind; name: TagName; platonic: boolean }>>,
): Promise<StoredTag[]> {
  const keys = [...new Set(wanted.flatMap(({ kind, name }) => [name, withKindSuffix(name, kind)].map(nameKey)))]
  const byKey = new Map<string, Selectable<TagsTable>>()
  for (let start = 0; start < keys.length; start += LOOKUP_CHUNK) {
    const chunk = keys.slice(start, start + LOOKUP_CHUNK)
    const { rows } = await runCachedQuery(db, `tags:by-keys:${String(chunk.length)}`, chunk, () =>
      db.selectFrom('tags').selectAll().where('name_key', 'in', chunk),
    )
    for (const row of rows) byKey.set(row.name_key, row)
  }
  const tags: StoredTag[] = []
  for (const { kind, name, platonic } of wanted) {
    const candidates = [name, withKindSuffix(name, kind)]
    const known = candidates
      .map((candidate) => byKey.get(nameKey(candidate)))
      .find((holder) => holder?.kind === kind)
    const tag = known ?? (await insertFirstFree(db, candidates, byKey, { kind, platonic }))
    if (tag === undefined) {
      // Another import took the name between the look-up and the insert: look again.
      tags.push(await findOrCreateTag(db, kind, name, { platonic }))
      continue
    }
    byKey.set(tag.name_key, tag)
    tags.push(toStoredTag(tag))
  }
  return tags
}

/**
 * Inserts the first candidate name the look-up found free, which saves looking the names up
 * again (a third of the statements of a work with a new tag); undefined when none is free now.
 */
async function insertFirstFree(
  db: Kysely<Database>,
  candidates: readonly TagName[],
  byKey: ReadonlyMap<string, Selectable<TagsTable>>,
  { kind, platonic }: Readonly<{ kind: TagKind; platonic: boolean }>,
): Promise<Selectable<TagsTable> | undefined> {
  const free = candidates.find((candidate) => !byKey.has(nameKey(candidate)))
  return free === undefined ? undefined : insertTag(db, kind, free, platonic)
}

/** A new tag, or undefined when its name was taken first. */
async function insertTag(
  db: Kysely<Database>,
  kind: TagKind,
  name: TagName,
  platonic: boolean,
): Promise<Selectable<TagsTable> | undefined> {
  const row = {
    kind,
    name,
    name_key: nameKey(name),
    canonical_id: null,
    platonic: toFlag(platonic),
    created_at: new Date().toISOString(),
  }
  const { rows } = await runCachedQuery(db, 'tags:insert', rowValues([row]), () =>
    db
      .insertInto('tags')
      .values(row)
      .onConflict((conflict) => conflict.column('name_key').doNothing())
      .returningAll(),
  )
  return rows[0]
}

// Well under SQLite's limit on bound parameters in one statement.
const LOOKUP_CHUNK = 500

/** "Chloe" as a character when the name is taken: "Chloe (Character)". */
export function withKindSuffix(name: TagName, kind: TagKind): TagName {
  const suffix = ` (${TAG_KIND_NAMES[kind]})`
  // Shorten the name, not the suffix, so a long name still ends in its kind within TAG_MAX.
  return makeTagName(`${name.slice(0, TAG_MAX - suffix.length).trimEnd()}${suffix}`)
}

/** A work's tags in the order the work lists them. */
export async function findWorkTags(db: Kysely<Database>, workId: WorkId): Promise<StoredTag[]> {
  const rows = await db
    .selectFrom('work_tags')
    .innerJoin('tags', 'tags.id', 'work_tags.tag_id')
    .selectAll('tags')
    .where('work_tags.work_id', '=', workId)
    .orderBy('work_tags.position')
    .execute()
  return rows.map(toStoredTag)
}

function toStoredTag(row: Selectable<TagsTable>): StoredTag {
  return { id: row.id, kind: row.kind, name: row.name, platonic: isSet(row.platonic) }
}
