import { sql } from 'kysely'
import type { WorkId } from '../domain/work.js'
import { type FullTextEngine, type RankedWork, SNIPPET_WORDS } from './full-text-engine.js'
import { MATCH_END, MATCH_START } from './full-text-snippet.js'

// SQLite binds at most 32,766 values; four columns a row leaves room, and a batch of chapter
// texts stays a few megabytes.
const INSERT_BATCH = 200

type RankRow = Omit<RankedWork, 'relevance'> & { score: number; total: number }

/**
 * FTS5 over `chapter_texts` (see migration 0008): the rowid is the chapter's id, so a chapter's
 * row is found without a scan. better-sqlite3 cannot interrupt a query, so what bounds one here
 * is the parser's limits on terms and prefixes and the LIMIT on every statement.
 */
export const SQLITE_FULL_TEXT: FullTextEngine = {
  async insertChapters(db, chapters) {
    for (let start = 0; start < chapters.length; start += INSERT_BATCH) {
      const rows = chapters
        .slice(start, start + INSERT_BATCH)
        .map(({ chapterId, workId, position, text }) =>
          sql`(${chapterId}, ${workId}, ${position}, ${text})`,
        )
      await sql`insert into chapter_texts (rowid, work_id, position, text)
        values ${sql.join(rows)}`.execute(db)
    }
  },
  async removeWork(db, workId) {
    // By the work's chapters' ids: work_id is not indexed in FTS5, so a filter on it would scan.
    await sql`delete from chapter_texts
      where rowid in (select id from chapters where work_id = ${workId})`.execute(db)
  },
  async startBulkLoad(db) {
    await sql`delete from chapter_texts`.execute(db)
  },
  async finishBulkLoad(db) {
    // Merges the b-trees a bulk load leaves into one, as FTS5's docs advise after one.
    await sql`insert into chapter_texts (chapter_texts) values ('optimize')`.execute(db)
  },
  async rankWorks(db, match, limit) {
    // A work ranks by its best chapter. min() picks the row whose other bare columns SQLite
    // returns, so chapter_id and position come from that chapter. `rank` is FTS5's bm25() by
    // default, and unlike a call to bm25() it may be read from a subquery.
    const { rows } = await sql<RankRow>`
      select work_id as "workId", chapter_id as "chapterId", position, min(score) as score,
        count(*) over () as total
      from (
        select rowid as chapter_id, work_id, position, rank as score
        from chapter_texts where chapter_texts match ${match.fts5}
      )
      group by work_id order by score, work_id limit ${limit}`.execute(db)
    return {
      // BM25 is lower for a better match; relevance is higher for one.
      works: rows.map(({ workId, chapterId, position, score }) => ({
        workId,
        chapterId,
        position,
        relevance: -score,
      })),
      total: rows[0]?.total ?? 0,
    }
  },
  async matchingWorkIds(db, match, limit) {
    const { rows } = await sql<{ work_id: WorkId }>`
      select distinct work_id from chapter_texts where chapter_texts match ${match.fts5}
      limit ${limit}`.execute(db)
    return rows.map((row) => row.work_id)
  },
  async snippets(db, match, chapterIds) {
    if (chapterIds.length === 0) return new Map()
    // Column 2 is `text`; the first two are the unindexed work_id and position.
    const { rows } = await sql<{ chapter_id: number; snippet: string }>`
      select rowid as chapter_id,
        snippet(chapter_texts, 2, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) as snippet
      from chapter_texts
      where chapter_texts match ${match.fts5} and rowid in (${sql.join(chapterIds)})`.execute(db)
    return new Map(rows.map((row) => [row.chapter_id, row.snippet]))
  },
}
