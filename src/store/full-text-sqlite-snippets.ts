import SqliteDatabase from 'better-sqlite3'
import { type ChapterText, SNIPPET_WORDS } from './full-text-engine.js'
import { MATCH_END, MATCH_START } from './full-text-snippet.js'

/**
 * The tokenizer of SQLite's `chapter_texts` (migration 0014). A snippet must split and fold
 * words as the index did, or it marks other words than the ones that matched.
 */
export const CHAPTER_TEXT_TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* M*'"

type Scratch = Readonly<{
  db: SqliteDatabase.Database
  insert: SqliteDatabase.Statement<[number, string]>
  select: SqliteDatabase.Statement<[string, string, number, string], SnippetRow>
}>

type SnippetRow = Readonly<{ chapterId: number; snippet: string }>

// Opened on the first search and kept: one per process, used synchronously, so two searches
// never share its table.
let scratch: Scratch | undefined

/**
 * Snippets of `chapters` for the FTS5 query `fts5`, by chapter id, as FTS5's snippet() gives
 * them: SNIPPET_WORDS tokens around the best cluster of matches, each match between MATCH_START
 * and MATCH_END, '…' where the chapter goes on. `chapter_texts` is contentless (it keeps no
 * text to make a snippet from), so the chapters of one page of results, read from `chapters`,
 * go into an FTS5 table in a private in-memory database with the same tokenizer, inside a
 * transaction that is rolled back: phrases, prefixes, OR, accents and the words of CJK text are
 * matched by FTS5 itself, exactly as in the search that found them. A chapter the query does
 * not match (changed since it was ranked) gets no snippet.
 */
export function markSnippets(fts5: string, chapters: readonly ChapterText[]): Map<number, string> {
  const { db, insert, select } = (scratch ??= openScratch())
  db.exec('begin')
  try {
    for (const { chapterId, text } of chapters) insert.run(chapterId, text)
    const rows = select.all(MATCH_START, MATCH_END, SNIPPET_WORDS, fts5)
    return new Map(rows.map(({ chapterId, snippet }) => [chapterId, snippet]))
  } finally {
    // Nothing is kept: the next page indexes its own chapters.
    db.exec('rollback')
  }
}

function openScratch(): Scratch {
  const db = new SqliteDatabase(':memory:')
  db.exec(`create virtual table page_texts using fts5(text, tokenize = "${CHAPTER_TEXT_TOKENIZER}")`)
  return {
    db,
    insert: db.prepare<[number, string]>('insert into page_texts (rowid, text) values (?, ?)'),
    select: db.prepare<[string, string, number, string], SnippetRow>(`select rowid as chapterId, snippet(page_texts, 0, ?, ?, '…', ?) as snippet
      from page_texts where page_texts match ?`),
  }
}
