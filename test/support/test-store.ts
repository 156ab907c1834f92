import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { SCHEMA_CHANGE_LOCK } from '../../src/store/migrate.js'
import { openStore, type Store } from '../../src/store/store.js'

export type TestDialect = 'sqlite' | 'postgres'

/** The PostgreSQL the store tests use; `.ci/run` makes sure it answers. */
export const TEST_DATABASE_URL =
  process.env['QUIRE_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/**
 * The databases to run store tests on: SQLite always, PostgreSQL when it answers. Outside CI an
 * unreachable PostgreSQL is skipped with a warning; in CI it is never skipped, so it fails.
 */
export const TEST_DIALECTS: readonly TestDialect[] = await findTestDialects()

/** A migrated store in a place of its own; `destroy()` also removes the place. */
export type TestStore = Store

/** A fresh store: a SQLite file in a temporary folder, or a PostgreSQL schema of its own. */
export async function openTestStore(
  dialect: TestDialect,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<TestStore> {
  const store = dialect === 'sqlite' ? await openSqliteStore() : await openPostgresStore()
  if (migrate) {
    try {
      await store.migrate()
    } catch (error) {
      await store.destroy()
      throw error
    }
  }
  return store
}

async function openSqliteStore(): Promise<TestStore> {
  const folder = await mkdtemp(join(tmpdir(), 'quire-test-'))
  const store = await openStore('sqlite:quire.db', { cwd: folder })
  return {
    ...store,
    destroy: async () => {
      await store.destroy()
      await rm(folder, { recursive: true, force: true })
    },
  }
}

async function openPostgresStore(): Promise<TestStore> {
  const schema = `quire_test_${String(process.pid)}_${randomBytes(4).toString('hex')}`
  const store = await openStore(TEST_DATABASE_URL, { schema })
  return {
    ...store,
    destroy: async () => {
      try {
        await store.db.transaction().execute(async (trx) => {
          // Alone, so no migration (which holds it shared) reads the catalog as it changes.
          await sql`select pg_advisory_xact_lock(${SCHEMA_CHANGE_LOCK})`.execute(trx)
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(trx)
        })
      } finally {
        await store.destroy()
      }
    },
  }
}

async function findTestDialects(): Promise<TestDialect[]> {
  if (process.env['CI'] !== undefined && process.env['CI'] !== '') return ['sqlite', 'postgres']
  const problem = await postgresProblem()
  if (problem === undefined) return ['sqlite', 'postgres']
  console.warn(
    `\n*** SKIPPING the PostgreSQL store tests: ${TEST_DATABASE_URL} does not answer (${problem}).` +
      ` Start PostgreSQL or set QUIRE_TEST_DATABASE_URL; with CI set they fail instead. ***\n`,
  )
  return ['sqlite']
}

async function postgresProblem(): Promise<string | undefined> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 3_000,
  })
  try {
    await client.connect()
    await client.query('select 1')
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    await client.end().catch(() => {
      // Closing a client that never connected can fail too; the skip warning already says why.
    })
  }
}
