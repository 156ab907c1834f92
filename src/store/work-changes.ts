import type { Generated, Kysely } from 'kysely'
import type { WorkId } from '../domain/work.js'
import { rowValues, runCachedQuery } from './cached-query.js'
import type { Database } from './schema.js'

/** `work_changes` (migration 0009): the log in-memory indexes follow. */
export interface WorkChangesTable {
  id: Generated<number>
  kind: 'work' | 'tag-links'
  work_id: WorkId | null
  changed_at: string
}

type WithChanges = Database & { work_changes: WorkChangesTable }

/** A work added, edited or deleted; or a change to synonyms and parents, which touches many. */
export type WorkChange =
  | Readonly<{ id: number; kind: 'work'; workId: WorkId }>
  | Readonly<{ id: number; kind: 'tag-links' }>

/** Notes that this work was added, edited or deleted; call it in the transaction that did so. */
export async function recordWorkChange(db: Kysely<Database>, workId: WorkId): Promise<void> {
  const row = { kind: 'work', work_id: workId, changed_at: new Date().toISOString() } as const
  await runCachedQuery(db, 'work_changes:work', rowValues([row]), () =>
    changes(db).insertInto('work_changes').values(row),
  )
}

/** Notes that synonyms or parent links changed, so an index must resolve tags again. */
export async function recordTagLinksChange(db: Kysely<Database>): Promise<void> {
  await changes(db)
    .insertInto('work_changes')
    .values({ kind: 'tag-links', work_id: null, changed_at: new Date().toISOString() })
    .execute()
}

/** Changes after `afterId`, oldest first, at most `limit`. */
export async function findWorkChangesSince(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<WorkChange[]> {
  const { rows } = await runCachedQuery(db, 'work_changes:since', [afterId, limit], () =>
    changes(db)
      .selectFrom('work_changes')
      .select(['id', 'kind', 'work_id'])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit),
  )
  return rows.map(({ id, kind, work_id: workId }) =>
    kind === 'work' && workId !== null ? { id, kind, workId } : { id, kind: 'tag-links' },
  )
}

/**
 * How many changes have ids above `afterId`: one row back, however many there are, so an index
 * that follows the log can tell that nothing changed without reading the changes themselves.
 */
export async function countWorkChangesSince(db: Kysely<Database>, afterId: number): Promise<number> {
  const { rows } = await runCachedQuery(db, 'work_changes:count-since', [afterId], () =>
    changes(db)
      .selectFrom('work_changes')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('id', '>', afterId),
  )
  // count(*) is a bigint on PostgreSQL, which pg hands over as a string.
  return Number(rows[0]?.count ?? 0)
}

/** The id of the newest change, 0 when there is none. */
export async function lastWorkChangeId(db: Kysely<Database>): Promise<number> {
  const row = await changes(db)
    .selectFrom('work_changes')
    .select((eb) => eb.fn.max('id').as('last'))
    .executeTakeFirst()
  return Number(row?.last ?? 0)
}

function changes(db: Kysely<Database>): Kysely<WithChanges> {
  return db.withTables<{ work_changes: WorkChangesTable }>()
}
