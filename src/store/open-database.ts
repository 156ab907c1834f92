import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { QuireError } from '../domain/errors.js'
import { withCachedStatements } from './cached-statements.js'
import type { DatabaseLocation } from './database-url.js'
import { POSTGRES_DIALECT, SQLITE_DIALECT, type StoreDialect } from './dialect.js'
import type { Database } from './schema.js'
import { startCheckpointer } from './sqlite-checkpointer.js'

export type OpenDatabaseOptions = Readonly<{
  /** PostgreSQL only: the schema every connection works in, created if missing. */
  schema?: string
  /**
   * SQLite only: checkpoint the WAL from a thread of its own (see `startCheckpointer`), for a
   * process that writes much, such as an import. Ignored for an in-memory database.
   */
  checkpointInBackground?: boolean
}>

export type OpenedDatabase = Readonly<{
  db: Kysely<Database>
  dialect: StoreDialect
  /** Stops what the database started beside its connections; call it after `db.destroy()`. */
  release(): Promise<void>
}>

// A writer waits this long for another process's lock before SQLite gives up with SQLITE_BUSY.
const SQLITE_BUSY_TIMEOUT_MS = 5_000
const SQLITE_CACHE_KB = 16 * 1024

/** Connects to the database at `location`; the caller destroys `db` when done. */
export async function openDatabase(
  location: DatabaseLocation,
  options: OpenDatabaseOptions = {},
): Promise<OpenedDatabase> {
  switch (location.kind) {
    case 'sqlite':
      return openSqlite(location.path, options.checkpointInBackground === true)
    case 'postgres': {
      const db = await openPostgres(location.url, options.schema)
      return { db, dialect: POSTGRES_DIALECT, release: async () => undefined }
    }
  }
}

function openSqlite(path: string, checkpointInBackground: boolean): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const database = new SqliteDatabase(path)
  // WAL lets readers go on while one writer writes; NORMAL is durable across crashes in WAL
  // mode and only risks the last commits on power loss.
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  // A checkpoint fsyncs the database file; at SQLite's default of every 1,000 pages (4 MB) the
  // fsyncs were most of an import's commit time. 10,000 pages keeps the WAL near 40 MB.
  database.pragma('wal_autocheckpoint = 10000')
  // SQLite's default page cache is 2 MB; a batch of imported works writes more than that, so
  // pages of the indexes it inserts into were evicted and read again. 16 MB took a tenth off
  // an import of 10,000 works (as much as 32 or 64 MB did) for at most 14 MB more memory.
  database.pragma(`cache_size = ${String(-SQLITE_CACHE_KB)}`)
  database.pragma('foreign_keys = ON')
  database.pragma(`busy_timeout = ${String(SQLITE_BUSY_TIMEOUT_MS)}`)
  const checkpointer =
    checkpointInBackground && path !== ':memory:' ? startCheckpointer(path) : undefined
  if (checkpointer !== undefined) database.pragma('wal_autocheckpoint = 0')
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withCachedStatements(database) }),
  })
  return { db, dialect: SQLITE_DIALECT, release: async () => checkpointer?.stop() }
}

async function openPostgres(url: string, schema: string | undefined): Promise<Kysely<Database>> {
  if (schema === undefined) {
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }),
    })
  }
  checkSchemaName(schema)
  // Set at connection start, so every pooled connection sees the same tables.
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
  } catch (error) {
    // Close the pool, or its idle clients keep the process alive after the failure.
    await db.destroy()
    throw error
  }
  return db
}

function checkSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/u.test(schema)) {
    throw new QuireError(
      'QUIRE_CONFIG_BAD_DATABASE_URL',
      `PostgreSQL schema "${schema}": expected lower-case letters, digits and _, at most 63`,
    )
  }
}
