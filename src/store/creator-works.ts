import type { Kysely } from 'kysely'
import type { CreatorId } from '../domain/creator.js'
import type { WorkListing } from '../domain/work-listing.js'
import type { WorkId } from '../domain/work.js'
import { findWorkListings, listingCursor, parseListingCursor } from './list-works.js'
import { nameKey } from './name-key.js'
import type { Database } from './schema.js'

/** A creator as their page heads it: the name as first credited, and how many works. */
export type CreatorProfile = Readonly<{ id: CreatorId; name: string; workCount: number }>

export type CreatorWorksRequest = Readonly<{
  limit: number
  /** `listingCursor` of the last work on the newer page: the page after it. */
  after?: string | undefined
  /** `listingCursor` of the first work on the older page: the page before it. */
  before?: string | undefined
}>

/** A keyset page of one creator's works, newest update first. */
export type CreatorWorksPage = Readonly<{
  works: WorkListing[]
  /** How many of the creator's works come before this page (0 on the first). */
  newerCount: number
  /** Cursors for the pages either side, or null at either end. */
  newer: string | null
  older: string | null
}>

/** The creator credited as `name`, matched as imports match names (case folded), or undefined. */
export async function findCreatorByName(
  db: Kysely<Database>,
  name: string,
): Promise<CreatorProfile | undefined> {
  const row = await db
    .selectFrom('creators')
    .select(['id', 'name'])
    .where('name_key', '=', nameKey(name))
    .executeTakeFirst()
  if (row === undefined) return undefined
  const { count } = await db
    .selectFrom('work_creators')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('creator_id', '=', row.id)
    .executeTakeFirstOrThrow()
  // pg answers count(*) as a bigint string, SQLite as a number.
  return { id: row.id, name: row.name, workCount: Number(count) }
}

/**
 * One page of a creator's works, most recently updated first (ties: newest id first), as the
 * plain listing orders them. Keyset, both ways: `after` walks to older works, `before` back to
 * newer ones, so a page never skips rows with OFFSET. The creator's works come from the
 * (creator_id, work_id) index; even the most prolific creator has few enough that each page
 * costs about what the first does.
 */
export async function listCreatorWorks(
  db: Kysely<Database>,
  creatorId: CreatorId,
  { limit, after, before }: CreatorWorksRequest,
): Promise<CreatorWorksPage> {
  const backwards = after === undefined && before !== undefined
  const raw = after ?? before
  const cursor = raw === undefined ? undefined : parseListingCursor(raw)
  const direction = backwards ? 'asc' : 'desc'
  let query = creatorWorks(db, creatorId)
    .select(['works.id', 'works.updated_at'])
    .orderBy('works.updated_at', direction)
    .orderBy('works.id', direction)
    .limit(limit)
  if (cursor !== undefined) {
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('works.updated_at', 'works.id'),
        backwards ? '>' : '<',
        tuple(cursor.updated, cursor.id),
      ),
    )
  }
  const rows = await query.execute()
  if (backwards) rows.reverse()
  const first = rows[0]
  const last = rows.at(-1)
  if (first === undefined || last === undefined) {
    return { works: [], newerCount: 0, newer: null, older: null }
  }
  const [works, newerCount, olderCount] = await Promise.all([
    findWorkListings(db, rows.map((row) => row.id)),
    countBeside(db, creatorId, first, '>'),
    countBeside(db, creatorId, last, '<'),
  ])
  return {
    works,
    newerCount,
    newer: newerCount > 0 ? listingCursor({ id: first.id, updated: first.updated_at }) : null,
    older: olderCount > 0 ? listingCursor({ id: last.id, updated: last.updated_at }) : null,
  }
}

function creatorWorks(db: Kysely<Database>, creatorId: CreatorId) {
  return db
    .selectFrom('work_creators')
    .innerJoin('works', 'works.id', 'work_creators.work_id')
    .where('work_creators.creator_id', '=', creatorId)
}

// How many of the creator's works sort before (newer, '>') or after (older, '<') this one.
async function countBeside(
  db: Kysely<Database>,
  creatorId: CreatorId,
  row: Readonly<{ id: WorkId; updated_at: string }>,
  side: '>' | '<',
): Promise<number> {
  const { count } = await creatorWorks(db, creatorId)
    .select((eb) => eb.fn.countAll().as('count'))
    .where(({ eb, refTuple, tuple }) =>
      eb(refTuple('works.updated_at', 'works.id'), side, tuple(row.updated_at, row.id)),
    )
    .executeTakeFirstOrThrow()
  return Number(count)
}
