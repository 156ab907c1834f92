import { type Kysely, sql } from 'kysely'
import { QuireError } from '../domain/errors.js'
import type { WorkListing } from '../domain/work-listing.js'
import { parseWorkId, type WorkId } from '../domain/work.js'
import { runCachedQuery } from './cached-query.js'
import type { Database } from './schema.js'

const LISTING_COLUMNS = ['id', 'title', 'rating', 'word_count', 'updated_at'] as const

export type WorkListRequest = Readonly<{
  limit: number
  /** `listingCursor` of the last work on the page before; absent for the first page. */
  after?: string | undefined
}>

/** Works, most recently updated first (ties: newest id first), a keyset page at a time. */
export async function listWorks(
  db: Kysely<Database>,
  { limit, after }: WorkListRequest,
): Promise<WorkListing[]> {
  const cursor = after === undefined ? undefined : parseListingCursor(after)
  let query = db
    .selectFrom('works')
    .select(LISTING_COLUMNS)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
  if (cursor !== undefined) {
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('updated_at', 'id'), '<', tuple(cursor.updated, cursor.id)),
    )
  }
  return toListings(db, await query.execute())
}

/** The listings of these works, in the order given; ids with no work are left out. */
export async function findWorkListings(
  db: Kysely<Database>,
  ids: readonly WorkId[],
): Promise<WorkListing[]> {
  if (ids.length === 0) return []
  // Compiled once per number of ids: building and compiling the query cost more than running it.
  const { rows } = await runCachedQuery(db, `listings:works:${String(ids.length)}`, ids, () =>
    db.selectFrom('works').select(LISTING_COLUMNS).where('id', 'in', ids),
  )
  const byId = new Map((await toListings(db, rows)).map((listing) => [listing.id, listing]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

type ListingRow = Readonly<{
  id: WorkId
  title: string
  rating: WorkListing['rating']
  word_count: number
  updated_at: string
}>

async function toListings(db: Kysely<Database>, rows: readonly ListingRow[]): Promise<WorkListing[]> {
  const names = await findListingNames(db, rows.map((row) => row.id))
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    creators: names.get(row.id)?.creators ?? [],
    rating: row.rating,
    fandoms: names.get(row.id)?.fandoms ?? [],
    wordCount: row.word_count,
    updated: row.updated_at,
  }))
}

type ListingNames = { creators: string[]; fandoms: string[] }

/**
 * Each work's creators and fandoms, each in the order the work gives them: one query for the
 * whole page (a union of the two), where a creators query and a fandoms query each cost a trip.
 */
async function findListingNames(
  db: Kysely<Database>,
  ids: readonly WorkId[],
): Promise<Map<WorkId, ListingNames>> {
  const byWork = new Map<WorkId, ListingNames>()
  if (ids.length === 0) return byWork
  const parameters = [...ids, ...ids, 'fandom']
  const { rows } = await runCachedQuery(db, `listings:names:${String(ids.length)}`, parameters, () =>
    db
      .selectFrom('work_creators')
      .innerJoin('creators', 'creators.id', 'work_creators.creator_id')
      .select(['work_creators.work_id', 'work_creators.position', 'creators.name'])
      .select(sql<number>`0`.as('is_fandom'))
      .where('work_creators.work_id', 'in', ids)
      .unionAll(
        db
          .selectFrom('work_tags')
          .innerJoin('tags', 'tags.id', 'work_tags.tag_id')
          .select(['work_tags.work_id', 'work_tags.position', 'tags.name'])
          .select(sql<number>`1`.as('is_fandom'))
          .where('work_tags.work_id', 'in', ids)
          .where('tags.kind', '=', 'fandom'),
      ),
  )
  // A union has no order of its own: sorted here by position, a few rows a work.
  const sorted = [...rows].sort((a, b) => a.position - b.position)
  for (const { work_id: workId, name, is_fandom: isFandom } of sorted) {
    let names = byWork.get(workId)
    if (names === undefined) byWork.set(workId, (names = { creators: [], fandoms: [] }))
    ;(Number(isFandom) === 1 ? names.fandoms : names.creators).push(name)
  }
  return byWork
}

/** Where the page after this work starts, for `after`: "YYYY-MM-DD_WORKID". */
export function listingCursor(work: Pick<WorkListing, 'id' | 'updated'>): string {
  return `${work.updated}_${work.id}`
}

/** The work a `listingCursor` names; a QuireError (400) when `raw` is not one. */
export function parseListingCursor(raw: string): { updated: string; id: WorkId } {
  const split = raw.lastIndexOf('_')
  const id = parseWorkId(raw.slice(split + 1))
  if (split < 1 || id === undefined) {
    throw new QuireError(
      'QUIRE_STORE_BAD_CURSOR',
      `listing cursor "${raw}": expected the updated date and a work id, as "2004-05-01_01J…"`,
    )
  }
  return { updated: raw.slice(0, split), id }
}

/** Each work's creators' names, in credit order. */
export async function findCreatorNames(db: Kysely<Database>, ids: readonly WorkId[]) {
  if (ids.length === 0) return new Map<WorkId, string[]>()
  const rows = await db
    .selectFrom('work_creators')
    .innerJoin('creators', 'creators.id', 'work_creators.creator_id')
    .select(['work_creators.work_id', 'creators.name'])
    .where('work_creators.work_id', 'in', ids)
    .orderBy('work_creators.work_id')
    .orderBy('work_creators.position')
    .execute()
  return groupNames(rows)
}

function groupNames(rows: ReadonlyArray<{ work_id: WorkId; name: string }>) {
  const byWork = new Map<WorkId, string[]>()
  for (const { work_id: workId, name } of rows) {
    const names = byWork.get(workId)
    if (names === undefined) byWork.set(workId, [name])
    else names.push(name)
  }
  return byWork
}
