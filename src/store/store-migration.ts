import type { Kysely } from 'kysely'
import type { StoreDialect } from './dialect.js'

/**
 * One numbered migration. Migrations take `Kysely<any>`, as Kysely's docs advise: they must
 * keep working against the schema as it was, not as `Database` describes it today.
 */
export type StoreMigration = Readonly<{
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, dialect: StoreDialect): Promise<void>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  down(db: Kysely<any>): Promise<void>
}>
