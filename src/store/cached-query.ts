import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely'
import type { Database } from './schema.js'

// SQL text by dialect and shape. A few dozen entries: one per statement of an import, and per
// row count of its multi-row inserts.
const compiledSql = new Map<string, string>()
const MAX_SHAPES = 1_000

/**
 * Runs a query that Kysely builds and compiles only the first time this `shape` is seen on this
 * kind of database; later runs send the SQL it made then with new `parameters`. Building and
 * compiling a query was a tenth of an import's time, twelve statements for every work.
 *
 * `parameters` must be the values in the order the compiled query binds them: the first run
 * checks that against Kysely's own list and throws when they differ, so a shape whose order
 * was misread fails in its first test, never by binding a value to the wrong column.
 */
export async function runCachedQuery<Row>(
  db: Kysely<Database>,
  shape: string,
  parameters: readonly unknown[],
  build: () => Compilable<Row>,
): Promise<QueryResult<Row>> {
  const key = `${db.getExecutor().adapter.constructor.name}\u0000${shape}`
  let sql = compiledSql.get(key)
  if (sql === undefined) {
    const compiled = build().compile()
    const expected = compiled.parameters
    if (expected.length !== parameters.length || expected.some((value, i) => value !== parameters[i])) {
      throw new Error(`store: the parameters given for "${shape}" are not the ones its query binds, in order`)
    }
    sql = compiled.sql
    if (compiledSql.size < MAX_SHAPES) compiledSql.set(key, sql)
  }
  return db.executeQuery<Row>(CompiledQuery.raw(sql, [...parameters]))
}

/** The values of rows that all have the same columns in the same order, as an insert binds them. */
export function rowValues(rows: ReadonlyArray<Readonly<Record<string, unknown>>>): unknown[] {
  return rows.flatMap((row) => Object.values(row))
}
