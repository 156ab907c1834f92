// The benchmark's references on the database itself, written the straightforward way a
// developer would first write them: EXISTS / NOT EXISTS per tag, GROUP BY for facet counts,
// OFFSET for pages. Plain driver calls, no Kysely, so they cost what the database costs.
import SqliteDatabase from 'better-sqlite3'
import pg from 'pg'

export type Row = readonly unknown[]

/** One database as the references reach it. */
export type ReferenceDb = Readonly<{
  dialect: 'sqlite' | 'postgres'
  /** `?` placeholders; rows as arrays. */
  query(text: string, params?: readonly unknown[]): Promise<Row[]>
  /** Reads every work_tags row once; returns how many. */
  scanWorkTags(): Promise<number>
  /** A raw text query: FTS5 MATCH or a tsquery, LIMIT 25, in no order: the least it can cost. */
  rawFullText(phrase: readonly string[]): Promise<Row[]>
  /**
   * The same query ranked as the search ranks, best 25: ORDER BY rank (BM25) on FTS5,
   * ts_rank_cd on PostgreSQL. Ranking scores every match, which no unranked LIMIT does.
   */
  rawRankedFullText(phrase: readonly string[]): Promise<Row[]>
  close(): Promise<void>
}>

// The index is contentless (migration 0014): a chapter's work id is read from `chapters`, as the
// store's own search reads it.
const CHAPTER_HITS =
  'select t.rowid, c.work_id from chapter_texts t join chapters c on c.id = t.rowid where t.chapter_texts match ?'

export function openSqliteReference(file: string): ReferenceDb {
  const db = new SqliteDatabase(file, { readonly: true })
  return {
    dialect: 'sqlite',
    query: (text, params = []) => Promise.resolve(db.prepare(text).raw().all(...params) as Row[]),
    scanWorkTags() {
      let rows = 0
      for (const _row of db.prepare('select work_id, tag_id from work_tags').raw().iterate()) rows += 1
      return Promise.resolve(rows)
    },
    rawFullText: (phrase) =>
      Promise.resolve(
        db.prepare(`${CHAPTER_HITS} limit 25`).raw().all(`"${phrase.join(' ')}"`) as Row[],
      ),
    rawRankedFullText: (phrase) =>
      Promise.resolve(
        db
          .prepare(`${CHAPTER_HITS} order by t.rank limit 25`)
          .raw()
          .all(`"${phrase.join(' ')}"`) as Row[],
      ),
    close: () => Promise.resolve(void db.close()),
  }
}

export function openPostgresReference(url: string): ReferenceDb {
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  const query = async (text: string, params: readonly unknown[] = []) => {
    let at = 0
    const numbered = text.replace(/\?/gu, () => `$${String(++at)}`)
    const result = await pool.query({ text: numbered, values: [...params], rowMode: 'array' })
    return result.rows as Row[]
  }
  return {
    dialect: 'postgres',
    query,
    // Keyset chunks in key order: pg would otherwise hold every row in memory at once.
    async scanWorkTags() {
      let rows = 0
      let after: Row = ['', 0]
      for (;;) {
        const chunk = await query(
          'select work_id, tag_id from work_tags where (work_id, tag_id) > (?, ?) order by work_id, tag_id limit 100000',
          after,
        )
        rows += chunk.length
        const last = chunk.at(-1)
        if (last === undefined || chunk.length < 100000) return rows
        after = last
      }
    },
    rawFullText: (phrase) =>
      query(
        `select chapter_id, work_id from chapter_texts where document @@ to_tsquery('quire_text', ?) limit 25`,
        [phrase.join(' <-> ')],
      ),
    rawRankedFullText: (phrase) =>
      query(
        `select chapter_id, work_id from chapter_texts, to_tsquery('quire_text', ?) as query
         where document @@ query order by ts_rank_cd(document, query, 1) desc limit 25`,
        [phrase.join(' <-> ')],
      ),
    close: () => pool.end(),
  }
}

/** A filter as tag ids: each included tag with its synonyms, each excluded likewise. */
export type TagFilter = Readonly<{ include: ReadonlyArray<readonly number[]>; exclude: ReadonlyArray<readonly number[]> }>

function where(filter: TagFilter): { text: string; params: number[] } {
  const params: number[] = []
  const test = (ids: readonly number[], negate: boolean) => {
    params.push(...ids)
    return `${negate ? 'not ' : ''}exists (select 1 from work_tags t where t.work_id = w.id and t.tag_id in (${ids.map(() => '?').join(', ')}))`
  }
  const tests = [...filter.include.map((ids) => test(ids, false)), ...filter.exclude.map((ids) => test(ids, true))]
  return { text: tests.length === 0 ? 'true' : tests.join(' and '), params }
}

/**
 * A listing page the straightforward way: the exact count, the page by OFFSET, and the top 10
 * tags of each kind among the matches by GROUP BY. Returns the count.
 */
export async function straightforwardListing(db: ReferenceDb, filter: TagFilter, page: number, pageSize = 20): Promise<number> {
  const { text, params } = where(filter)
  const [[count] = [0]] = await db.query(`select count(*) from works w where ${text}`, params)
  await db.query(
    `select w.id from works w where ${text} order by w.updated_at desc, w.id desc limit ? offset ?`,
    [...params, pageSize, (page - 1) * pageSize],
  )
  await db.query(
    `select kind, name, n from (
       select kind, name, n, row_number() over (partition by kind order by n desc, name) as r
       from (select t.kind, t.name, count(*) as n from works w
             join work_tags wt on wt.work_id = w.id join tags t on t.id = wt.tag_id
             where ${text} group by t.id, t.kind, t.name) as counted) as ranked
     where r <= 10`,
    params,
  )
  return Number(count)
}
