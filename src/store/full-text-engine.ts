import type { Kysely } from 'kysely'
import type { WorkId } from '../domain/work.js'
import type { Database } from './schema.js'

/**
 * A text query in each engine's own syntax. `search/` builds both from what a reader typed,
 * quoting every word, so no user text reaches either parser unquoted; the store sends the one
 * its database reads as a bound parameter, never spliced into SQL.
 */
export type FullTextMatch = Readonly<{ fts5: string; tsquery: string }>

/** The text of one chapter as the index holds it (see `searchableText`). */
export type ChapterText = Readonly<{
  chapterId: number
  workId: WorkId
  position: number
  text: string
}>

/** A matching work, with its best-matching chapter. Higher `relevance` is better; its scale
 * differs between engines (BM25 on SQLite, ts_rank_cd on PostgreSQL). */
export type RankedWork = Readonly<{
  workId: WorkId
  chapterId: number
  position: number
  relevance: number
}>

/** Works in relevance order, and how many match in all. */
export type RankedWorks = Readonly<{ works: readonly RankedWork[]; total: number }>

/** A stretch of a snippet, marked when it is what the query matched. Plain text, not HTML. */
export type SnippetSegment = Readonly<{ text: string; match: boolean }>

/** What differs between SQLite FTS5 and PostgreSQL tsvector, as one capability object. */
export type FullTextEngine = Readonly<{
  insertChapters(db: Kysely<Database>, chapters: readonly ChapterText[]): Promise<void>
  removeWork(db: Kysely<Database>, workId: WorkId): Promise<void>
  /** Empties the index and readies it for a bulk load. */
  startBulkLoad(db: Kysely<Database>): Promise<void>
  /** Makes the index fast again after a bulk load. */
  finishBulkLoad(db: Kysely<Database>): Promise<void>
  /** The best `limit` works, each with its best chapter. */
  rankWorks(db: Kysely<Database>, match: FullTextMatch, limit: number): Promise<RankedWorks>
  /** Each matching work once, in no particular order, at most `limit`. */
  matchingWorkIds(db: Kysely<Database>, match: FullTextMatch, limit: number): Promise<WorkId[]>
  /** Snippets of these chapters, matches marked by MATCH_START and MATCH_END. */
  snippets(
    db: Kysely<Database>,
    match: FullTextMatch,
    chapterIds: readonly number[],
  ): Promise<Map<number, string>>
}>

/** Words a snippet engine shows around a match. */
export const SNIPPET_WORDS = 32
