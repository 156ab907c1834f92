import { type Kysely, sql } from 'kysely'
import type { StoreDialect } from '../dialect.js'
import type { StoreMigration } from '../store-migration.js'

// Extensions belong to the whole database, not to a schema, so two migrations in two schemas
// (tests run side by side) could race to create unaccent; this lock makes them take turns.
// The number is arbitrary; it only has to be ours.
const EXTENSION_LOCK = 7_291_008

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as StoreMigration, per Kysely
type AnyKysely = Kysely<any>

const CREATE_FULL_TEXT: Readonly<Record<StoreDialect['name'], (db: AnyKysely) => Promise<void>>> =
  {
    sqlite: createSqliteFullText,
    postgres: createPostgresFullText,
  }

/** The full-text index of chapter text: FTS5 on SQLite, tsvector with GIN on PostgreSQL. */
export const createFullText: StoreMigration = {
  up: (db, dialect) => CREATE_FULL_TEXT[dialect.name](db),
  async down(db) {
    // PostgreSQL's text search configuration stays: `up` takes it as it finds it.
    await sql`drop table if exists chapter_texts`.execute(db)
  },
}

// One row per chapter, its rowid the chapter's id. unicode61 folds case, and with
// remove_diacritics 2 accents too ("café" is "cafe"); marks count as word characters (M*) so
// Devanagari and other scripts with combining vowel signs keep their words whole. The
// unindexed columns come first: reading them then never walks the text's overflow pages.
async function createSqliteFullText(db: AnyKysely): Promise<void> {
  await sql`create virtual table chapter_texts using fts5(
    work_id unindexed, position unindexed, text,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* M*'"
  )`.execute(db)
}

async function createPostgresFullText(db: AnyKysely): Promise<void> {
  const unaccentSchema = await ensureUnaccent(db)
  const { rows } = await sql`select 1 from pg_ts_config
    where cfgname = 'quire_text' and cfgnamespace = current_schema()::regnamespace`.execute(db)
  if (rows.length === 0) {
    // 'simple' lower-cases and does nothing else: no stemming and no stop words, which are
    // right for one language and wrong for every other, and works come in many languages. The
    // same text must index the same way whatever the work's language field says.
    await sql`create text search configuration quire_text (copy = pg_catalog.simple)`.execute(db)
    await sql`alter text search configuration quire_text
      alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part,
        numword, numhword, hword_numpart
      with ${sql.id(unaccentSchema, 'unaccent')}, pg_catalog.simple`.execute(db)
  }
  await sql`create table chapter_texts (
    chapter_id integer primary key references chapters (id) on delete cascade,
    work_id text not null,
    position integer not null,
    text text not null,
    document tsvector not null
  )`.execute(db)
  await sql`create index chapter_texts_document on chapter_texts using gin (document)`.execute(db)
  await sql`create index chapter_texts_work_id on chapter_texts (work_id)`.execute(db)
}

/** The schema unaccent lives in, after creating it in `public` if no schema has it yet. */
async function ensureUnaccent(db: AnyKysely): Promise<string> {
  await sql`select pg_advisory_xact_lock(${EXTENSION_LOCK})`.execute(db)
  const found = await findExtensionSchema(db)
  if (found !== undefined) return found
  try {
    await sql`create extension if not exists unaccent with schema public`.execute(db)
  } catch (error) {
    throw new Error(
      'full-text search on PostgreSQL needs the unaccent extension (in postgresql-contrib): ' +
        'ask a superuser to run "CREATE EXTENSION unaccent" in this database',
      { cause: error },
    )
  }
  const created = await findExtensionSchema(db)
  if (created === undefined) throw new Error('unaccent: created, yet not in pg_extension')
  return created
}

async function findExtensionSchema(db: AnyKysely): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string }>`select n.nspname as schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'unaccent'`.execute(db)
  return rows[0]?.schema
}
