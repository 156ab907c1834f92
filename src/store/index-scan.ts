import { type Kysely, SqliteAdapter, sql } from 'kysely'
import type { TagId } from '../domain/stored-tag.js'
import type { TagKind, TagName } from '../domain/tag.js'
import type { WorkId } from '../domain/work.js'
import { isSet } from './flag.js'
import type { Database } from './schema.js'

// What an in-memory filter index reads: every work's filterable and sortable fields, every
// work-tag pair, the tags and their links. Works and pairs stream in keyset chunks (never
// OFFSET), so a million works cost a few hundred queries that each use the primary key.

/** The fields a listing filters and sorts on. */
export type IndexWork = Readonly<{
  id: WorkId
  wordCount: number
  complete: boolean
  language: string | null
  /** YYYY-MM-DD */
  posted: string
  /** YYYY-MM-DD */
  updated: string
  kudos: number
  hits: number
  comments: number
  bookmarks: number
  title: string
  /** The first creator credited, or null. */
  creator: string | null
}>

export type IndexWorkTag = Readonly<{ workId: WorkId; tagId: TagId }>

export type IndexTag = Readonly<{
  id: TagId
  kind: TagKind
  name: TagName
  canonicalId: TagId | null
}>

export type IndexTagParent = Readonly<{ childId: TagId; parentId: TagId }>

export const INDEX_SCAN_CHUNK = 20_000

/** Every work, in id order, a chunk at a time. */
export async function* scanIndexWorks(
  db: Kysely<Database>,
  chunk = INDEX_SCAN_CHUNK,
): AsyncGenerator<IndexWork[]> {
  let after: WorkId | undefined
  for (;;) {
    let query = selectWorks(db).orderBy('id').limit(chunk)
    if (after !== undefined) query = query.where('id', '>', after)
    const rows = await query.execute()
    const last = rows.at(-1)
    if (last === undefined) return
    const creators = await findFirstCreators(db, rows[0]?.id ?? last.id, last.id)
    yield rows.map((row) => toIndexWork(row, creators.get(row.id) ?? null))
    if (rows.length < chunk) return
    after = last.id
  }
}

/** Every work-tag pair, in (work, tag) order, a chunk at a time. */
export async function* scanIndexWorkTags(
  db: Kysely<Database>,
  chunk = INDEX_SCAN_CHUNK * 4,
): AsyncGenerator<IndexWorkTag[]> {
  let after: IndexWorkTag | undefined
  for (;;) {
    let query = db
      .selectFrom('work_tags')
      .select(['work_id', 'tag_id'])
      .orderBy('work_id')
      .orderBy('tag_id')
      .limit(chunk)
    if (after !== undefined) {
      const { workId, tagId } = after
      query = query.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('work_id', 'tag_id'), '>', tuple(workId, tagId)),
      )
    }
    const rows = await query.execute()
    const pairs = rows.map(({ work_id: workId, tag_id: tagId }) => ({ workId, tagId }))
    after = pairs.at(-1)
    if (after === undefined) return
    yield pairs
    if (rows.length < chunk) return
  }
}

/**
 * Works that carry a fandom, fandom by fandom (a canonical tag's synonyms beside it), each
 * fandom's works in work order, a chunk at a time; read through the (tag, work) index, so the
 * rows read are the works' fandom tags and no more. A work in two fandoms comes in both (the
 * caller keeps the first); a work in none is not here.
 */
export async function* scanWorkIdsByFandom(
  db: Kysely<Database>,
  chunk = INDEX_SCAN_CHUNK,
): AsyncGenerator<WorkId[]> {
  const fandoms = await db
    .selectFrom('tags')
    .select('id')
    .where('kind', '=', 'fandom')
    .orderBy(sql`coalesce(canonical_id, id)`)
    .orderBy('id')
    .execute()
  for (const { id: tagId } of fandoms) {
    let after: WorkId | undefined
    for (;;) {
      let query = db
        .selectFrom('work_tags')
        .select('work_id')
        .where('tag_id', '=', tagId)
        .orderBy('work_id')
        .limit(chunk)
      if (after !== undefined) query = query.where('work_id', '>', after)
      const ids = (await query.execute()).map((row) => row.work_id)
      after = ids.at(-1)
      if (after === undefined) break
      yield ids
      if (ids.length < chunk) break
    }
  }
}

/** One work's tags, as the index reads them at start. */
export type IndexWorkTagList = Readonly<{ workId: WorkId; tagIds: TagId[] }>

/**
 * Every work's tag ids, a row per work in work order, a chunk of works at a time: the database
 * joins each work's ids into one string (group_concat, string_agg), so a million works cost a
 * million rows and strings, not the 12 million pairs, whose work-id strings were most of the
 * start-up time (30 of 95 s at a million works).
 */
export async function* scanIndexWorkTagLists(
  db: Kysely<Database>,
  chunk = INDEX_SCAN_CHUNK,
): AsyncGenerator<IndexWorkTagList[]> {
  const joined = db.getExecutor().adapter instanceof SqliteAdapter ? sql<string>`group_concat(tag_id)` : sql<string>`string_agg(tag_id::text, ',')`
  let after: WorkId | undefined
  for (;;) {
    let query = db
      .selectFrom('work_tags')
      .select(['work_id', joined.as('tag_ids')])
      .groupBy('work_id')
      .orderBy('work_id')
      .limit(chunk)
    if (after !== undefined) query = query.where('work_id', '>', after)
    const rows = await query.execute()
    const lists = rows.map(({ work_id: workId, tag_ids: tagIds }) => ({
      workId,
      tagIds: tagIds.split(',').map(Number) as TagId[],
    }))
    after = lists.at(-1)?.workId
    if (after === undefined) return
    yield lists
    if (rows.length < chunk) return
  }
}

/** These works and their tags; a work that no longer exists is missing from `works`. */
export async function findIndexWorks(
  db: Kysely<Database>,
  ids: readonly WorkId[],
): Promise<{ works: IndexWork[]; tags: IndexWorkTag[] }> {
  if (ids.length === 0) return { works: [], tags: [] }
  const [rows, tagRows, creatorRows] = await Promise.all([
    selectWorks(db).where('id', 'in', ids).execute(),
    db.selectFrom('work_tags').select(['work_id', 'tag_id']).where('work_id', 'in', ids).execute(),
    selectFirstCreators(db).where('work_creators.work_id', 'in', ids).execute(),
  ])
  const creators = new Map(creatorRows.map(({ work_id: id, name }) => [id, name]))
  return {
    works: rows.map((row) => toIndexWork(row, creators.get(row.id) ?? null)),
    tags: tagRows.map(({ work_id: workId, tag_id: tagId }) => ({ workId, tagId })),
  }
}

/** Every tag, or the ones with these ids. */
export async function findIndexTags(
  db: Kysely<Database>,
  ids?: readonly TagId[],
): Promise<IndexTag[]> {
  if (ids?.length === 0) return []
  let query = db.selectFrom('tags').select(['id', 'kind', 'name', 'canonical_id']).orderBy('id')
  if (ids !== undefined) query = query.where('id', 'in', ids)
  const rows = await query.execute()
  return rows.map(({ id, kind, name, canonical_id: canonicalId }) => ({ id, kind, name, canonicalId }))
}

/** Every parent link: a character's fandom, a metatag's subtag. */
export async function findIndexTagParents(db: Kysely<Database>): Promise<IndexTagParent[]> {
  const rows = await db.selectFrom('tag_parents').select(['child_id', 'parent_id']).execute()
  return rows.map(({ child_id: childId, parent_id: parentId }) => ({ childId, parentId }))
}

function selectWorks(db: Kysely<Database>) {
  return db
    .selectFrom('works')
    .select([
      'id',
      'word_count',
      'complete',
      'language',
      'posted_at',
      'updated_at',
      'kudos_count',
      'hits_count',
      'comments_count',
      'bookmarks_count',
      'title',
    ])
}

type WorkRow = Awaited<ReturnType<ReturnType<typeof selectWorks>['execute']>>[number]

function toIndexWork(row: WorkRow, creator: string | null): IndexWork {
  return {
    id: row.id,
    wordCount: row.word_count,
    complete: isSet(row.complete),
    language: row.language,
    posted: row.posted_at,
    updated: row.updated_at,
    kudos: row.kudos_count,
    hits: row.hits_count,
    comments: row.comments_count,
    bookmarks: row.bookmarks_count,
    title: row.title,
    creator,
  }
}

function selectFirstCreators(db: Kysely<Database>) {
  return db
    .selectFrom('work_creators')
    .innerJoin('creators', 'creators.id', 'work_creators.creator_id')
    .select(['work_creators.work_id', 'creators.name'])
    .where('work_creators.position', '=', 1)
}

async function findFirstCreators(db: Kysely<Database>, first: WorkId, last: WorkId) {
  const rows = await selectFirstCreators(db)
    .where('work_creators.work_id', '>=', first)
    .where('work_creators.work_id', '<=', last)
    .execute()
  return new Map(rows.map(({ work_id: id, name }) => [id, name]))
}
