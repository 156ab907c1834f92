import type { Kysely } from 'kysely'
import type { Database } from '../../src/store/schema.js'

/** Every table of the data model. */
export const STORE_TABLES = [
  'works',
  'chapters',
  'creators',
  'work_creators',
  'tags',
  'tag_parents',
  'work_tags',
  'series',
  'series_works',
  'sources',
  'content_notices',
  'work_fingerprints',
] as const satisfies ReadonlyArray<keyof Database>

/** How many rows each table holds, to show that something wrote nothing. */
export async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of STORE_TABLES) {
    const { count } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(count)
  }
  return counts
}
