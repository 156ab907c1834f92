import { type Kysely, sql } from 'kysely'
import { QuireError } from '../domain/errors.js'
import { searchWords } from '../domain/segment-words.js'
import type { WorkId } from '../domain/work.js'
import { type FullTextEngine, type RankedWork, SNIPPET_WORDS } from './full-text-engine.js'
import { MATCH_END, MATCH_START } from './full-text-snippet.js'
import type { Database } from './schema.js'

/** Longest a text search may run on PostgreSQL before it is cancelled. */
export const POSTGRES_SEARCH_TIMEOUT_MS = 3_000

// Five columns a row, far under PostgreSQL's 65,535 bound values.
const INSERT_BATCH = 200

// Migration 0008 makes it: PostgreSQL's 'simple' configuration (lower case, no stemming, no
// stop words, so every language is read alike) with accents folded by unaccent.
const CONFIG = sql`'quire_text'::regconfig`

const HEADLINE_OPTIONS =
  `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=1, ` +
  `MaxWords=${String(SNIPPET_WORDS)}, MinWords=${String(SNIPPET_WORDS / 2)}, ShortWord=1`

// PostgreSQL's "query_canceled", which statement_timeout raises.
const QUERY_CANCELED = '57014'

type RankRow = Omit<RankedWork, 'relevance'> & { score: number; total: string | number }

/**
 * tsvector over `chapter_texts` with a GIN index. The vector is made from the words as
 * `searchWords` splits them, not by PostgreSQL's parser, which reads "3.14", e-mail addresses
 * and dates its own way: so a query finds on PostgreSQL what it finds on SQLite. Every search
 * runs in a transaction with a statement_timeout of its own.
 */
export const POSTGRES_FULL_TEXT: FullTextEngine = {
  async insertChapters(db, chapters) {
    for (let start = 0; start < chapters.length; start += INSERT_BATCH) {
      const rows = chapters.slice(start, start + INSERT_BATCH).map((chapter) => {
        const words = searchWords(chapter.text).join(' ')
        return sql`(${chapter.chapterId}, ${chapter.workId}, ${chapter.position},
          ${chapter.text}, to_tsvector(${CONFIG}, ${words}::text))`
      })
      await sql`insert into chapter_texts (chapter_id, work_id, position, text, document)
        values ${sql.join(rows)}`.execute(db)
    }
  },
  async removeWork(db, workId) {
    await sql`delete from chapter_texts where work_id = ${workId}`.execute(db)
  },
  async startBulkLoad(db) {
    // Filling the table and then building the GIN index is several times faster than
    // keeping the index current row by row.
    await sql`truncate chapter_texts`.execute(db)
    await sql`drop index if exists chapter_texts_document`.execute(db)
  },
  async finishBulkLoad(db) {
    await sql`create index if not exists chapter_texts_document
      on chapter_texts using gin (document)`.execute(db)
    await sql`analyze chapter_texts`.execute(db)
  },
  rankWorks: (db, match, limit) =>
    withTimeout(db, async (trx) => {
      // ts_rank_cd's normalisation 1 divides by the log of the chapter's length, as BM25
      // discounts long documents.
      const { rows } = await sql<RankRow>`
        select "workId", "chapterId", position, score, count(*) over () as total
        from (
          select distinct on (work_id) work_id as "workId", chapter_id as "chapterId", position,
            ts_rank_cd(document, query, 1) as score
          from chapter_texts, to_tsquery(${CONFIG}, ${match.tsquery}::text) as query
          where document @@ query
          order by work_id, score desc, position
        ) as best
        order by score desc, "workId" limit ${limit}`.execute(trx)
      return {
        works: rows.map(({ workId, chapterId, position, score }) => ({
          workId,
          chapterId,
          position,
          relevance: score,
        })),
        // count(*) is a bigint, which pg hands over as a string.
        total: Number(rows[0]?.total ?? 0),
      }
    }),
  matchingWorkIds: (db, match, limit) =>
    withTimeout(db, async (trx) => {
      const { rows } = await sql<{ work_id: WorkId }>`
        select distinct work_id from chapter_texts
        where document @@ to_tsquery(${CONFIG}, ${match.tsquery}::text)
        limit ${limit}`.execute(trx)
      return rows.map((row) => row.work_id)
    }),
  snippets: (db, match, chapterIds) =>
    withTimeout(db, async (trx) => {
      if (chapterIds.length === 0) return new Map<number, string>()
      const { rows } = await sql<{ chapter_id: number; snippet: string }>`
        select chapter_id,
          ts_headline(${CONFIG}, text, to_tsquery(${CONFIG}, ${match.tsquery}::text),
            ${HEADLINE_OPTIONS}::text) as snippet
        from chapter_texts where chapter_id in (${sql.join(chapterIds)})`.execute(trx)
      return new Map(rows.map((row) => [row.chapter_id, row.snippet]))
    }),
}

async function withTimeout<T>(
  db: Kysely<Database>,
  run: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      // SET LOCAL, as a function so the value can be bound: it ends with the transaction.
      const timeout = String(POSTGRES_SEARCH_TIMEOUT_MS)
      await sql`select set_config('statement_timeout', ${timeout}, true)`.execute(trx)
      return run(trx)
    })
  } catch (error) {
    if (isQueryCanceled(error)) {
      throw new QuireError(
        'QUIRE_SEARCH_TIMEOUT',
        `search: took longer than ${String(POSTGRES_SEARCH_TIMEOUT_MS / 1_000)} s; ` +
          `add words or a "phrase" to narrow it`,
        { cause: error },
      )
    }
    throw error
  }
}

function isQueryCanceled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error
    ? error.code === QUERY_CANCELED
    : false
}
