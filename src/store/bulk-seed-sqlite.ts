import SqliteDatabase from 'better-sqlite3'
import { BULK_COLUMNS, type BulkSink, type BulkTable, type BulkValue } from './bulk-seed.js'

// The secondary indexes a bulk load drops and builds again after: building an index from sorted
// data once is several times cheaper than keeping it current through millions of inserts.
// Primary keys and unique constraints stay: they are what keeps the data whole.
const DEFERRED_TABLES = ['works', 'work_tags', 'work_creators', 'tag_parents']

/**
 * A bulk load on SQLite: one connection of its own, prepared statements, big transactions, the
 * journal in memory, and foreign keys unchecked while it runs (the loader writes them consistent); the
 * database goes back to WAL when it finishes.
 */
export function openBulkSqlite(path: string): BulkSink {
  const db = new SqliteDatabase(path)
  db.pragma('busy_timeout = 5000')
  const statements = new Map<string, SqliteDatabase.Statement>()
  const prepared = (sql: string) => {
    let statement = statements.get(sql)
    if (statement === undefined) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  let deferred: Array<{ name: string; sql: string }> = []
  return {
    countWorks: () => Promise.resolve(Number(db.prepare('select count(*) as n from works').pluck().get())),
    start() {
      // Leaving WAL needs no other connection on the file: the seed command closed its own.
      // MEMORY, not OFF, which better-sqlite3's defensive mode refuses; on a file that only
      // grows, the journal holds just the few pages that existed before.
      db.pragma('journal_mode = MEMORY')
      db.pragma('synchronous = OFF')
      db.pragma('locking_mode = EXCLUSIVE')
      db.pragma('foreign_keys = OFF')
      db.pragma('cache_size = -262144')
      db.pragma('temp_store = MEMORY')
      deferred = db
        .prepare(
          `select name, sql from sqlite_master where type = 'index' and sql is not null
           and tbl_name in (${DEFERRED_TABLES.map(() => '?').join(', ')})`,
        )
        .all(...DEFERRED_TABLES) as Array<{ name: string; sql: string }>
      for (const { name } of deferred) db.exec(`drop index "${name.replaceAll('"', '""')}"`)
      return Promise.resolve()
    },
    begin: () => Promise.resolve(void db.exec('begin')),
    commit: () => Promise.resolve(void db.exec('commit')),
    insert(table, rows) {
      const statement = prepared(insertSql(table))
      for (const row of rows) statement.run(...row)
      return Promise.resolve()
    },
    insertKeyed(table, rows) {
      const statement = prepared(insertSql(table))
      const ids = new Map<string, number>()
      const keyAt = Object.keys(BULK_COLUMNS[table]).indexOf('name_key')
      for (const row of rows) ids.set(String(row[keyAt]), Number(statement.run(...row).lastInsertRowid))
      return Promise.resolve(ids)
    },
    existingTagIds() {
      const rows = db.prepare('select id, name_key from tags').all() as Array<{ id: number; name_key: string }>
      return Promise.resolve(new Map(rows.map((row) => [row.name_key, row.id])))
    },
    setCanonicals(pairs) {
      const statement = prepared('update tags set canonical_id = ? where id = ?')
      for (const [synonym, canonical] of pairs) statement.run(canonical, synonym)
      return Promise.resolve()
    },
    nextChapterId: () => Promise.resolve(Number(db.prepare('select coalesce(max(id), 0) + 1 from chapters').pluck().get())),
    insertChapterTexts(chapters) {
      // Contentless (migration 0014): the index keeps no text, work id or position of its own.
      const statement = prepared('insert into chapter_texts (rowid, text) values (?, ?)')
      for (const { chapterId, text } of chapters) statement.run(chapterId, text)
      return Promise.resolve()
    },
    finish(onPhase) {
      for (const { name, sql } of deferred) {
        onPhase(`index ${name}`)
        db.exec(sql)
      }
      onPhase('full-text index merge')
      // Merges the b-trees the load left into one, as FTS5's docs advise after a bulk load.
      db.exec(`insert into chapter_texts (chapter_texts) values ('optimize')`)
      onPhase('statistics')
      db.exec('analyze')
      // Tells every running web process to rebuild its tag index from the new works.
      db.prepare(`insert into work_changes (kind, work_id, changed_at) values ('tag-links', null, ?)`).run(
        new Date().toISOString(),
      )
      db.pragma('locking_mode = NORMAL')
      db.pragma('journal_mode = WAL')
      return Promise.resolve()
    },
    close: () => Promise.resolve(void db.close()),
  }
}

function insertSql(table: BulkTable): string {
  const columns = Object.keys(BULK_COLUMNS[table])
  return `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`
}

export type { BulkValue }
