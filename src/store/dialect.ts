import { type Kysely, sql } from 'kysely'
import type { Database } from './schema.js'

/**
 * What differs between the two databases, in one place, as Kysely's DialectAdapter does it:
 * code asks for a capability, never whether it runs on PostgreSQL.
 */
export type StoreDialect = Readonly<{
  name: 'sqlite' | 'postgres'
  /** Column type of an auto-numbered integer key; SQLite numbers an INTEGER PRIMARY KEY itself. */
  serialType: 'integer' | 'serial'
  /** Column type for raw bytes. */
  bytesType: 'blob' | 'bytea'
  /** Column type for an 8-byte float; PostgreSQL's `real` has only 4. */
  floatType: 'real' | 'double precision'
  /** The schema new tables go to, or undefined where there are no schemas. */
  currentSchema(db: Kysely<Database>): Promise<string | undefined>
}>

export const SQLITE_DIALECT: StoreDialect = {
  name: 'sqlite',
  serialType: 'integer',
  bytesType: 'blob',
  floatType: 'real',
  currentSchema: () => Promise.resolve(undefined),
}

export const POSTGRES_DIALECT: StoreDialect = {
  name: 'postgres',
  serialType: 'serial',
  bytesType: 'bytea',
  floatType: 'double precision',
  async currentSchema(db) {
    const { rows } = await sql<{
      schema: string | null
    }>`select current_schema() as schema`.execute(db)
    return rows[0]?.schema ?? undefined
  },
}
