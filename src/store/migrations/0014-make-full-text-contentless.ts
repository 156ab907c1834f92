import { type Kysely, type RawBuilder, sql, SqliteAdapter } from 'kysely'
import { findChapterTextsAfter } from '../full-text-chapters.js'
import type { ChapterText } from '../full-text-engine.js'
import type { StoreMigration } from '../store-migration.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as StoreMigration, per Kysely
type AnyKysely = Kysely<any>

// Chapters read and indexed per statement while the table is filled: 500 of 20 KB are 10 MB.
const FILL_PAGE = 500

/**
 * Makes SQLite's full-text table contentless. The FTS5 table of 0008 kept a second copy of
 * every chapter's text beside the sections in `chapters`, written by every import; now FTS5
 * keeps only its index, and snippets are cut from the text in `chapters` (see `markSnippets`).
 * contentless_delete=1 (SQLite 3.43) lets a row be deleted by its rowid alone, as a work is
 * removed, reparsed or merged. The work id and position go too: rankings read them from
 * `chapters` already.
 *
 * The table is built again from the chapters, as the store indexes them today: one read of every
 * chapter, about what an import's indexing costs. A run cut short is run again from the start.
 * The old copy's pages go to SQLite's free list; the file shrinks only when VACUUM is run.
 * PostgreSQL's table stays as it is: ts_headline makes its snippets from the text it holds.
 */
export const makeFullTextContentless: StoreMigration = {
  async up(db, dialect) {
    if (dialect.name !== 'sqlite') return
    await sql`drop table if exists chapter_texts`.execute(db)
    // The tokenizer of 0008, unchanged: "café" is "cafe", and marks stay in their words.
    await sql`create virtual table chapter_texts using fts5(
      text,
      content = '', contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 2 categories 'L* N* M*'"
    )`.execute(db)
    await fill(db, ({ chapterId, text }) => sql`(${chapterId}, ${text})`, sql`(rowid, text)`)
  },
  async down(db) {
    // `down` is not told the dialect; only SQLite's table changed.
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return
    await sql`drop table if exists chapter_texts`.execute(db)
    await sql`create virtual table chapter_texts using fts5(
      work_id unindexed, position unindexed, text,
      tokenize = "unicode61 remove_diacritics 2 categories 'L* N* M*'"
    )`.execute(db)
    await fill(
      db,
      ({ chapterId, workId, position, text }) => sql`(${chapterId}, ${workId}, ${position}, ${text})`,
      sql`(rowid, work_id, position, text)`,
    )
  },
}

/** Indexes every chapter, a page per statement, then merges what that left into one b-tree. */
async function fill(
  db: AnyKysely,
  toRow: (chapter: ChapterText) => RawBuilder<unknown>,
  columns: RawBuilder<unknown>,
): Promise<void> {
  for (let afterId = 0; ; ) {
    const chapters = await findChapterTextsAfter(db, afterId, FILL_PAGE)
    const last = chapters.at(-1)
    if (last === undefined) break
    await sql`insert into chapter_texts ${columns} values ${sql.join(chapters.map(toRow))}`.execute(db)
    afterId = last.chapterId
  }
  await sql`insert into chapter_texts (chapter_texts) values ('optimize')`.execute(db)
}
