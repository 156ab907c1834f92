import { type Kysely, PostgresAdapter, SqliteAdapter } from 'kysely'
import type { WorkId } from '../domain/work.js'
import { findChapterTextsAfter, findWorkChapterTexts } from './full-text-chapters.js'
import type {
  ChapterText,
  FullTextEngine,
  FullTextMatch,
  RankedWork,
  RankedWorks,
  SnippetSegment,
} from './full-text-engine.js'
import { POSTGRES_FULL_TEXT } from './full-text-postgres.js'
import { SQLITE_FULL_TEXT } from './full-text-sqlite.js'
import { snippetSegments } from './full-text-snippet.js'
import type { Database } from './schema.js'

// Named here too, so a caller imports the full-text API from one place.
export type { FullTextMatch, RankedWork, RankedWorks, SnippetSegment }

/**
 * Most works one text search looks at: matching ids handed out, and works ranked for a
 * restricted search. A guard, not a page size: the synthetic corpus has 100,000 texts.
 */
export const FULL_TEXT_MATCH_MAX = 200_000

/** Chapters read and indexed at a time by `rebuildFullTextIndex`. */
export const REBUILD_BATCH = 500

/** Every matching work, once each; `truncated` when there were more than FULL_TEXT_MATCH_MAX. */
export type MatchingWorkIds = Readonly<{ ids: readonly WorkId[]; truncated: boolean }>

/**
 * Indexes the text of a work's chapters as stored now, replacing what was indexed for them.
 * Call it in the transaction that writes the chapters, so the index never lags the text.
 */
export async function indexWorkText(db: Kysely<Database>, workId: WorkId): Promise<void> {
  const engine = fullTextEngineOf(db)
  await engine.removeWork(db, workId)
  await engine.insertChapters(db, await findWorkChapterTexts(db, workId))
}

/**
 * `indexWorkText` for chapters just written, whose texts the caller made from the sections it
 * wrote (see `chapterText`): reading them back cost 0.12 ms of every imported 20 KB work.
 */
export async function indexWrittenChapters(
  db: Kysely<Database>,
  workId: WorkId,
  chapters: readonly ChapterText[],
): Promise<void> {
  const engine = fullTextEngineOf(db)
  await engine.removeWork(db, workId)
  await engine.insertChapters(db, chapters)
}

/**
 * Takes a work's chapters out of the index. Call it before deleting or replacing chapters:
 * SQLite's FTS5 table finds them by the chapters' ids (PostgreSQL's cascades on its own).
 */
export async function removeWorkText(db: Kysely<Database>, workId: WorkId): Promise<void> {
  await fullTextEngineOf(db).removeWork(db, workId)
}

/**
 * Indexes every chapter anew, for bulk loads: empty the index, load the chapters in batches of
 * REBUILD_BATCH (one transaction each), then build what makes the index fast. Searches during
 * a rebuild see a partial index. Returns how many chapters it indexed.
 */
export async function rebuildFullTextIndex(db: Kysely<Database>): Promise<number> {
  const engine = fullTextEngineOf(db)
  await engine.startBulkLoad(db)
  let indexed = 0
  try {
    for (let afterId = 0; ; ) {
      const chapters = await findChapterTextsAfter(db, afterId, REBUILD_BATCH)
      const last = chapters.at(-1)
      if (last === undefined) break
      await db.transaction().execute((trx) => engine.insertChapters(trx, chapters))
      indexed += chapters.length
      afterId = last.chapterId
    }
  } finally {
    // Even after a failure: a search must never be left without its index.
    await engine.finishBulkLoad(db)
  }
  return indexed
}

/** The `limit` most relevant works (each with its best chapter), and how many match in all. */
export async function rankWorksByText(
  db: Kysely<Database>,
  match: FullTextMatch,
  limit: number,
): Promise<RankedWorks> {
  return fullTextEngineOf(db).rankWorks(db, match, Math.min(limit, FULL_TEXT_MATCH_MAX))
}

/** Every work whose text matches, for meeting other filters; cheap: ids only, no ranking. */
export async function findMatchingWorkIds(
  db: Kysely<Database>,
  match: FullTextMatch,
): Promise<MatchingWorkIds> {
  const ids = await fullTextEngineOf(db).matchingWorkIds(db, match, FULL_TEXT_MATCH_MAX + 1)
  const truncated = ids.length > FULL_TEXT_MATCH_MAX
  return { ids: truncated ? ids.slice(0, FULL_TEXT_MATCH_MAX) : ids, truncated }
}

/** A snippet of each chapter around what matched, by chapter id; matches marked. */
export async function findSnippets(
  db: Kysely<Database>,
  match: FullTextMatch,
  chapterIds: readonly number[],
): Promise<Map<number, SnippetSegment[]>> {
  const marked = await fullTextEngineOf(db).snippets(db, match, chapterIds)
  return new Map([...marked].map(([chapterId, snippet]) => [chapterId, snippetSegments(snippet)]))
}

/**
 * The engine for the database `db` talks to. Chosen by Kysely's adapter because callers such as
 * `importRescued` hold only a transaction, not the store's dialect.
 */
export function fullTextEngineOf(db: Kysely<Database>): FullTextEngine {
  const { adapter } = db.getExecutor()
  if (adapter instanceof SqliteAdapter) return SQLITE_FULL_TEXT
  if (adapter instanceof PostgresAdapter) return POSTGRES_FULL_TEXT
  throw new Error(`full-text search: no engine for ${adapter.constructor.name}`)
}
