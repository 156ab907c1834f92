import type { Kysely } from 'kysely'
import type { Creator } from '../domain/creator.js'
import type { WorkId } from '../domain/work.js'
import { nameKey } from './name-key.js'
import type { Database } from './schema.js'

/**
 * The creator credited as `name`, made if missing. A rescued work's creator has no account
 * yet; one name is one creator until accounts let people claim their pseuds.
 */
export async function findOrCreateCreator(db: Kysely<Database>, name: string): Promise<Creator> {
  const key = nameKey(name)
  await db
    .insertInto('creators')
    .values({ name, name_key: key, created_at: new Date().toISOString() })
    .onConflict((conflict) => conflict.column('name_key').doNothing())
    .execute()
  return db
    .selectFrom('creators')
    .select(['id', 'name'])
    .where('name_key', '=', key)
    .executeTakeFirstOrThrow()
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
