import type SqliteDatabase from 'better-sqlite3'
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely'

// Enough for every distinct statement the store issues; Kysely compiles a new SQL string only
// for a new query shape (an `in` list of another length is another shape).
const MAX_CACHED = 500

/**
 * better-sqlite3 prepares a statement anew on every `prepare`, and Kysely calls it for every
 * query: caching prepared statements by their SQL halves the cost of a small query. Safe with
 * Kysely's single SQLite connection, which runs one query at a time.
 */
export function withCachedStatements(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteStatement>()
  return {
    close: () => {
      cache.clear()
      database.close()
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql)
      if (statement === undefined) {
        statement = database.prepare(sql)
        if (cache.size >= MAX_CACHED) {
          const oldest = cache.keys().next().value
          if (oldest !== undefined) cache.delete(oldest)
        }
        cache.set(sql, statement)
      }
      return statement
    },
  }
}
