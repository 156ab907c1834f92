import type { Kysely } from 'kysely'
import type { WorkId } from '../domain/work.js'
import type { Database } from './schema.js'

/**
 * Takes the work's row for the rest of the transaction, before anything is read: a write that
 * reads, decides and writes (an edit adding to `edited_fields`, a reparse skipping them) must
 * not decide on what a concurrent one is changing. An update that changes nothing does it on
 * both databases: a row lock on PostgreSQL, the write lock at once on SQLite (so the
 * transaction never has to upgrade from reading, which fails busy beside another writer).
 * False when there is no such work.
 */
export async function lockWork(trx: Kysely<Database>, workId: WorkId): Promise<boolean> {
  const result = await trx
    .updateTable('works')
    .set((eb) => ({ created_at: eb.ref('created_at') }))
    .where('id', '=', workId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
