import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely'
import type { StoreDialect } from './dialect.js'
import { createWorks } from './migrations/0001-create-works.js'
import { createChapters } from './migrations/0002-create-chapters.js'
import { createCreators } from './migrations/0003-create-creators.js'
import { createTags } from './migrations/0004-create-tags.js'
import { createSeries } from './migrations/0005-create-series.js'
import { createSources } from './migrations/0006-create-sources.js'
import { createContentNotices } from './migrations/0007-create-content-notices.js'
import { createFullText } from './migrations/0008-create-full-text.js'
import { createWorkChanges } from './migrations/0009-create-work-changes.js'
import { createMedia } from './migrations/0010-create-media.js'
import { indexTagLinks } from './migrations/0011-index-tag-links.js'
import { createWorkFingerprints } from './migrations/0012-create-work-fingerprints.js'
import { addEditedFields } from './migrations/0013-add-edited-fields.js'
import { makeFullTextContentless } from './migrations/0014-make-full-text-contentless.js'
import type { Database } from './schema.js'
import type { StoreMigration } from './store-migration.js'

// A static map, not FileMigrationProvider: the same code runs compiled in dist/ and as
// TypeScript under vitest, and Kysely runs the names in sorted order, hence the numbers.
const MIGRATIONS: Readonly<Record<string, StoreMigration>> = {
  '0001-create-works': createWorks,
  '0002-create-chapters': createChapters,
  '0003-create-creators': createCreators,
  '0004-create-tags': createTags,
  '0005-create-series': createSeries,
  '0006-create-sources': createSources,
  '0007-create-content-notices': createContentNotices,
  '0008-create-full-text': createFullText,
  '0009-create-work-changes': createWorkChanges,
  '0010-create-media': createMedia,
  '0011-index-tag-links': indexTagLinks,
  '0012-create-work-fingerprints': createWorkFingerprints,
  '0013-add-edited-fields': addEditedFields,
  '0014-make-full-text-contentless': makeFullTextContentless,
}

/**
 * The PostgreSQL advisory lock that migrations hold shared and a whole schema's removal holds
 * alone: Kysely's Migrator reads the catalog of every schema, and PostgreSQL fails that read
 * when another schema is dropped at the same moment (several archives, or test runs, in one
 * database). The number is arbitrary; it only has to be ours.
 */
export const SCHEMA_CHANGE_LOCK = 7_291_004

/** Runs every migration not yet run, in name order; returns the names it ran. */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: StoreDialect,
): Promise<string[]> {
  if (dialect.name !== 'postgres') return migrateOn(db, dialect)
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock_shared(${SCHEMA_CHANGE_LOCK})`.execute(connection)
    try {
      return await migrateOn(connection, dialect)
    } finally {
      await sql`select pg_advisory_unlock_shared(${SCHEMA_CHANGE_LOCK})`.execute(connection)
    }
  })
}

async function migrateOn(db: Kysely<Database>, dialect: StoreDialect): Promise<string[]> {
  // Named outright: without it Kysely takes a kysely_migration table in any schema, such as
  // another test's, for this one's.
  const migrationTableSchema = await dialect.currentSchema(db)
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(withDialect(dialect)) },
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
  })
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error !== undefined) {
    const where = failed === undefined ? '' : ` in ${failed.migrationName}`
    throw new Error(`migration failed${where}`, { cause: error })
  }
  return (results ?? []).map((result) => result.migrationName)
}

function withDialect(dialect: StoreDialect): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, migration]) => [
      name,
      { up: (db) => migration.up(db, dialect), down: (db) => migration.down(db) },
    ]),
  )
}
