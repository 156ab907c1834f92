import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { searchWords } from '../domain/segment-words.js'
import { BULK_COLUMNS, type BulkSink, type BulkTable, type BulkValue } from './bulk-seed.js'
import type { Database } from './schema.js'

// Secondary indexes a bulk load drops and rebuilds: on PostgreSQL too, a GIN index built once
// over a full table is far cheaper than one kept current row by row.
const DEFERRED_INDEX_TABLES = ['works', 'work_tags', 'work_creators', 'chapter_texts']

type Deferred = { indexes: Array<{ indexdef: string }>; keys: Array<{ table: string; name: string; definition: string }> }

/**
 * A bulk load on PostgreSQL: each batch a few statements that insert whole arrays of rows
 * (`insert … select * from unnest($1::text[], …)`), secondary indexes and foreign keys dropped
 * while it runs and made again after (re-adding a foreign key checks every row once).
 */
export async function openBulkPostgres(url: string): Promise<BulkSink> {
  // One connection: the load's statements run in order, inside its transactions.
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const run = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows
  let deferred: Deferred = { indexes: [], keys: [] }
  return {
    async countWorks() {
      const [row] = await run(sql<{ n: string }>`select count(*) as n from works`)
      return Number(row?.n ?? 0)
    },
    async start() {
      const tables = sql.join(DEFERRED_INDEX_TABLES)
      const indexes = await run(sql<{ indexname: string; indexdef: string }>`
        select i.indexname, i.indexdef from pg_indexes i
        where i.schemaname = current_schema() and i.tablename in (${tables})
          and not exists (select 1 from pg_constraint c
            where c.conname = i.indexname and c.connamespace = current_schema()::regnamespace)`)
      const keys = await run(sql<{ table: string; name: string; definition: string }>`
        select conrelid::regclass::text as table, conname as name,
          pg_get_constraintdef(oid) as definition
        from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace`)
      for (const key of keys) await sql`alter table ${sql.id(key.table)} drop constraint ${sql.id(key.name)}`.execute(db)
      for (const index of indexes) await sql`drop index ${sql.id(index.indexname)}`.execute(db)
      deferred = { indexes, keys }
    },
    async begin() {
      await sql`begin`.execute(db)
    },
    async commit() {
      await sql`commit`.execute(db)
    },
    async insert(table, rows) {
      if (rows.length > 0) await sql`${insertSql(table, rows)}`.execute(db)
    },
    async insertKeyed(table, rows) {
      if (rows.length === 0) return new Map()
      const inserted = await run(sql<{ id: number; name_key: string }>`${insertSql(table, rows)} returning id, name_key`)
      return new Map(inserted.map((row) => [row.name_key, row.id]))
    },
    async existingTagIds() {
      const rows = await run(sql<{ id: number; name_key: string }>`select id, name_key from tags`)
      return new Map(rows.map((row) => [row.name_key, row.id]))
    },
    async setCanonicals(pairs) {
      if (pairs.length === 0) return
      await sql`update tags set canonical_id = u.canonical
        from unnest(${pairs.map(([synonym]) => synonym)}::integer[],
          ${pairs.map(([, canonical]) => canonical)}::integer[]) as u(id, canonical)
        where tags.id = u.id`.execute(db)
    },
    async nextChapterId() {
      const [row] = await run(sql<{ next: number }>`select coalesce(max(id), 0) + 1 as next from chapters`)
      return Number(row?.next ?? 1)
    },
    async insertChapterTexts(chapters) {
      if (chapters.length === 0) return
      // The vector is made from the words as searchWords splits them, as the import path does.
      await sql`insert into chapter_texts (chapter_id, work_id, position, text, document)
        select u.chapter_id, u.work_id, u.position, u.text, to_tsvector('quire_text'::regconfig, u.words)
        from unnest(${chapters.map((c) => c.chapterId)}::integer[], ${chapters.map((c) => c.workId)}::text[],
          ${chapters.map((c) => c.position)}::integer[], ${chapters.map((c) => c.text)}::text[],
          ${chapters.map((c) => searchWords(c.text).join(' '))}::text[])
          as u(chapter_id, work_id, position, text, words)`.execute(db)
    },
    async finish(onPhase) {
      for (const { indexdef } of deferred.indexes) {
        onPhase(indexdef.replace(/ USING .*/u, ''))
        await sql.raw(indexdef).execute(db)
      }
      for (const key of deferred.keys) {
        onPhase(`foreign key ${key.name}`)
        await sql`alter table ${sql.id(key.table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(db)
      }
      onPhase('sequences')
      for (const table of ['tags', 'creators', 'chapters']) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select coalesce(max(id), 1) from ${sql.table(table)}))`.execute(db)
      }
      // VACUUM as well as ANALYZE: it marks the freshly written pages all-visible, so index-only
      // scans (a tag's works, the tag index at start) read the index alone, not the table too.
      onPhase('vacuum and statistics')
      const tables = [...Object.keys(BULK_COLUMNS), 'chapter_texts'].map((table) => sql.table(table))
      await sql`vacuum (analyze) ${sql.join(tables)}`.execute(db)
      await sql`insert into work_changes (kind, work_id, changed_at) values ('tag-links', null, ${new Date().toISOString()})`.execute(db)
    },
    close: () => db.destroy(),
  }
}

function insertSql(table: BulkTable, rows: readonly (readonly BulkValue[])[]) {
  const columns = Object.entries(BULK_COLUMNS[table])
  const arrays = columns.map(([, type], at) => sql`${rows.map((row) => row[at] ?? null)}::${sql.raw(type)}[]`)
  return sql`insert into ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.id(name)))})
    select * from unnest(${sql.join(arrays)})`
}
