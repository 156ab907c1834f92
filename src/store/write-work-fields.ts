import type { Kysely, Updateable } from 'kysely'
import type { WorkDates, WorkEdit } from '../domain/work-field.js'
import type { WorkId } from '../domain/work.js'
import { toFlag } from './flag.js'
import { rewriteChapters, setChapterWordCounts } from './rewrite-chapters.js'
import type { Database, WorksTable } from './schema.js'
import { insertContentNotices, insertWorkCreators } from './work-parts.js'
import { TAG_FIELDS, rewriteWorkTags } from './work-tag-fields.js'

/** Dates as stored: from the source (or a person), or the day of the import in their place. */
export type StoredDates = WorkDates & Readonly<{ fromSource: boolean }>

/** New values for some fields of a stored work, as `writeWorkFields` takes them. */
export type WorkWrite = Omit<WorkEdit, 'dates'> & Readonly<{ dates?: StoredDates }>

/**
 * A draft's dates as stored: a source that names one date names when the work was posted and
 * last updated; one that names none is dated `day` (the day of its import), not from the source.
 */
export function draftDates(
  draft: Readonly<{ posted: string | null; updated: string | null }>,
  day: string,
): StoredDates {
  return {
    posted: draft.posted ?? draft.updated ?? day,
    updated: draft.updated ?? draft.posted ?? day,
    fromSource: draft.posted !== null || draft.updated !== null,
  }
}

/**
 * Writes the fields `values` names, and only those, to a work that exists: its row, creators,
 * tags, chapters (the full-text index with them) and content notices. Call it in the
 * transaction that changes the work, which records the change.
 */
export async function writeWorkFields(
  db: Kysely<Database>,
  workId: WorkId,
  values: WorkWrite,
): Promise<void> {
  const row = workRow(values)
  if (Object.keys(row).length > 0) {
    await db.updateTable('works').set(row).where('id', '=', workId).execute()
  }
  if (values.creators !== undefined) await rewriteCreators(db, workId, values.creators)
  if (Object.values(TAG_FIELDS).some((field) => values[field] !== undefined)) {
    await rewriteWorkTags(db, workId, values)
  }
  if (values.chapters !== undefined) await rewriteChapters(db, workId, values.chapters)
  if (values.chapters !== undefined || values.wordCount !== undefined) {
    const counts = await db
      .selectFrom('works')
      .select(['chapter_count', 'word_count'])
      .where('id', '=', workId)
      .executeTakeFirstOrThrow()
    await setChapterWordCounts(db, workId, counts.chapter_count, counts.word_count)
  }
  if (values.contentNotices !== undefined) {
    await db.deleteFrom('content_notices').where('work_id', '=', workId).execute()
    await insertContentNotices(db, workId, values.contentNotices)
  }
}

// The columns of the works row that `values` sets; an empty object when it sets none.
function workRow(values: WorkWrite): Updateable<WorksTable> {
  const { notes, dates, chapters } = values
  return {
    ...(values.title === undefined ? {} : { title: values.title }),
    ...(values.summary === undefined ? {} : { summary: values.summary }),
    ...(notes === undefined ? {} : { notes_beginning: notes.beginning, notes_end: notes.end }),
    ...(values.disclaimer === undefined ? {} : { disclaimer: values.disclaimer }),
    ...(values.rating === undefined ? {} : { rating: values.rating }),
    ...(values.ratingOriginal === undefined ? {} : { rating_original: values.ratingOriginal }),
    ...(values.language === undefined ? {} : { language: values.language }),
    ...(values.wordCount === undefined ? {} : { word_count: values.wordCount }),
    ...(values.complete === undefined ? {} : { complete: toFlag(values.complete) }),
    ...(chapters === undefined ? {} : { chapter_count: chapters.length }),
    ...(dates === undefined
      ? {}
      : {
          posted_at: dates.posted,
          updated_at: dates.updated,
          dates_from_source: toFlag(dates.fromSource),
        }),
  }
}

async function rewriteCreators(db: Kysely<Database>, workId: WorkId, names: readonly string[]) {
  await db.deleteFrom('work_creators').where('work_id', '=', workId).execute()
  await insertWorkCreators(db, workId, names)
}
