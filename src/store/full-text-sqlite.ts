import { type Kysely, sql } from 'kysely'
import type { WorkId } from '../domain/work.js'
import { findChapterTextsById } from './full-text-chapters.js'
import type { FullTextEngine, RankedWork } from './full-text-engine.js'
import { markSnippets } from './full-text-sqlite-snippets.js'
import type { Database } from './schema.js'

// SQLite binds at most 32,766 values; two columns a row leaves room, and a batch of chapter
// texts stays a few megabytes.
const INSERT_BATCH = 200

type RankRow = Omit<RankedWork, 'relevance'> & { score: number }

// Rows a ranked search asks for beyond the works it wants, at first.
const RANK_SLACK = 8

/**
 * FTS5 over `chapter_texts` (see migrations 0008 and 0014): the rowid is the chapter's id, so a
 * chapter's row is found without a scan. The table is contentless: the text is stored once, in
 * `chapters`, and whatever else a row needs (its work, its position, its text for a snippet)
 * comes from there. better-sqlite3 cannot interrupt a query, so what bounds one here is the
 * parser's limits on terms and prefixes and the LIMIT on every statement.
 */
export const SQLITE_FULL_TEXT: FullTextEngine = {
  async insertChapters(db, chapters) {
    for (let start = 0; start < chapters.length; start += INSERT_BATCH) {
      const rows = chapters
        .slice(start, start + INSERT_BATCH)
        .map(({ chapterId, text }) => sql`(${chapterId}, ${text})`)
      await sql`insert into chapter_texts (rowid, text) values ${sql.join(rows)}`.execute(db)
    }
  },
  async removeWork(db, workId) {
    // By the work's chapters' ids, the only key the table has. contentless_delete=1 lets FTS5
    // delete a row it cannot read back; an id it never indexed (a new work's) costs a lookup.
    // Such a delete leaves the row's length in the totals bm25 reads (FTS5 does not subtract
    // it), so rewritten works weigh a little in every score until the next full rebuild.
    await sql`delete from chapter_texts
      where rowid in (select id from chapters where work_id = ${workId})`.execute(db)
  },
  async startBulkLoad(db) {
    // FTS5's own command for a contentless table: it empties the index (totals too) at once,
    // where a delete would write a tombstone for every row.
    await sql`insert into chapter_texts (chapter_texts) values ('delete-all')`.execute(db)
  },
  async finishBulkLoad(db) {
    // Merges the b-trees a bulk load leaves into one, as FTS5's docs advise after one.
    await sql`insert into chapter_texts (chapter_texts) values ('optimize')`.execute(db)
  },
  async rankWorks(db, match, limit) {
    // FTS5 sorts by `rank` (bm25() by default) itself when a query orders by it alone, and the
    // rest of a row is read only for the rows handed out: so ask for the best chapters, a few
    // more than the works wanted (a work's other chapters may take places), and twice as many
    // again while that is not enough. Grouping every match by work read every match's row.
    // Work ids come from `chapters`: the contentless table holds none.
    for (let take = limit + RANK_SLACK; ; take *= 2) {
      const { rows } = await sql<RankRow>`
        select t.rowid as "chapterId", c.work_id as "workId", c.position, t.rank as score
        from chapter_texts t join chapters c on c.id = t.rowid
        where t.chapter_texts match ${match.fts5}
        order by t.rank limit ${take}`.execute(db)
      const best = bestChapters(rows)
      const isAll = rows.length < take
      const edge = best[limit - 1]?.score
      // Enough once the rows ran out, or went past the score of the last work wanted: a work
      // tied with it must be among them, for ties go by work id, as they did in SQL.
      if (!isAll && (edge === undefined || (rows.at(-1)?.score ?? edge) <= edge)) continue
      best.sort((a, b) => a.score - b.score || (a.workId < b.workId ? -1 : a.workId > b.workId ? 1 : 0))
      return {
        // BM25 is lower for a better match; relevance is higher for one.
        works: best.slice(0, limit).map(({ workId, chapterId, position, score }) => ({
          workId,
          chapterId,
          position,
          relevance: -score,
        })),
        total: isAll ? best.length : await countMatchingWorks(db, match.fts5),
      }
    }
  },
  async matchingWorkIds(db, match, limit) {
    // From `chapters`, as in rankWorks.
    const { rows } = await sql<{ work_id: WorkId }>`
      select distinct c.work_id from chapter_texts t join chapters c on c.id = t.rowid
      where t.chapter_texts match ${match.fts5}
      limit ${limit}`.execute(db)
    return rows.map((row) => row.work_id)
  },
  async snippets(db, match, chapterIds) {
    if (chapterIds.length === 0) return new Map()
    // The table holds no text, so FTS5's snippet() has none to cut from: the page's chapters
    // are read from `chapters` and marked by FTS5 apart (see `markSnippets`).
    return markSnippets(match.fts5, await findChapterTextsById(db, chapterIds))
  },
}

/** Each work's best chapter, in the order of `rows` (best first). */
function bestChapters(rows: readonly RankRow[]): RankRow[] {
  const seen = new Set<WorkId>()
  return rows.filter((row) => !seen.has(row.workId) && seen.add(row.workId))
}

/** How many works match: no ranking, and each chapter's work id read from `chapters`. */
async function countMatchingWorks(db: Kysely<Database>, fts5: string): Promise<number> {
  const { rows } = await sql<{ total: number }>`
    select count(distinct c.work_id) as total
    from chapter_texts t join chapters c on c.id = t.rowid
    where t.chapter_texts match ${fts5}`.execute(db)
  return rows[0]?.total ?? 0
}
