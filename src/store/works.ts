import type { Kysely, Selectable } from 'kysely'
import type { ContentNotice } from '../domain/work-draft.js'
import type { Work, WorkId } from '../domain/work.js'
import { findChapters } from './chapters.js'
import { findWorkCreators } from './creators.js'
import { isSet } from './flag.js'
import type { Database, WorksTable } from './schema.js'
import { findWorkTags } from './tags.js'

/** The work with this id, whole, or undefined when there is none. */
export async function findWork(db: Kysely<Database>, id: WorkId): Promise<Work | undefined> {
  const row = await db.selectFrom('works').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) return undefined
  const [creators, tags, contentNotices, chapters] = await Promise.all([
    findWorkCreators(db, id),
    findWorkTags(db, id),
    findContentNotices(db, id),
    findChapters(db, id),
  ])
  return { ...toWorkFields(row), creators, tags, contentNotices, chapters }
}

/** How many works the archive holds. */
export async function countWorks(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom('works')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()
  // pg answers count(*) as a bigint string, SQLite as a number.
  return Number(count)
}

async function findContentNotices(db: Kysely<Database>, workId: WorkId): Promise<ContentNotice[]> {
  return db
    .selectFrom('content_notices')
    .select(['topic', 'line'])
    .where('work_id', '=', workId)
    .orderBy('line')
    .orderBy('topic')
    .execute()
}

type WorkFields = Omit<Work, 'creators' | 'tags' | 'contentNotices' | 'chapters'>

function toWorkFields(row: Selectable<WorksTable>): WorkFields {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    notes: { beginning: row.notes_beginning, end: row.notes_end },
    disclaimer: row.disclaimer,
    rating: row.rating,
    ratingOriginal: row.rating_original,
    language: row.language,
    wordCount: row.word_count,
    complete: isSet(row.complete),
    chapterCount: row.chapter_count,
    posted: row.posted_at,
    updated: row.updated_at,
    datesFromSource: isSet(row.dates_from_source),
    stats: {
      kudos: row.kudos_count,
      hits: row.hits_count,
      comments: row.comments_count,
      bookmarks: row.bookmarks_count,
    },
    restricted: isSet(row.restricted),
    createdAt: row.created_at,
  }
}
