import type { Kysely } from 'kysely'
import type { Creator } from '../domain/creator.js'
import type { WorkId } from '../domain/work.js'
import { rowValues, runCachedQuery } from './cached-query.js'
import { nameKey } from './name-key.js'
import type { Database } from './schema.js'

/**
 * The creator credited as `name`, made if missing. A rescued work's creator has no account
 * yet; one name is one creator until accounts let people claim their pseuds.
 */
export async function findOrCreateCreator(db: Kysely<Database>, name: string): Promise<Creator> {
  const row = { name, name_key: nameKey(name), created_at: new Date().toISOString() }
  await runCachedQuery(db, 'creators:insert', rowValues([row]), () =>
    db
      .insertInto('creators')
      .values(row)
      .onConflict((conflict) => conflict.column('name_key').doNothing()),
  )
  const { rows } = await runCachedQuery(db, 'creators:by-key', [row.name_key], () =>
    db.selectFrom('creators').select(['id', 'name']).where('name_key', '=', row.name_key),
  )
  const [creator] = rows
  if (creator === undefined) throw new Error(`creators: "${name}" was inserted but is not there`)
  return creator
}

/** The creators of a work, in credit order. */
export async function findWorkCreators(db: Kysely<Database>, workId: WorkId): Promise<Creator[]> {
  return db
    .selectFrom('work_creators')
    .innerJoin('creators', 'creators.id', 'work_creators.creator_id')
    .select(['creators.id', 'creators.name'])
    .where('work_creators.work_id', '=', workId)
    .orderBy('work_creators.position')
    .execute()
}
