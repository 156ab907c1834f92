import type { Kysely } from 'kysely'
import type { WorkDraft } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import { rowValues, runCachedQuery } from './cached-query.js'
import { draftTags } from './draft-tags.js'
import { toFlag } from './flag.js'
import { chapterText } from './full-text-chapters.js'
import type { ChapterText } from './full-text-engine.js'
import { indexWrittenChapters } from './full-text.js'
import type { Database } from './schema.js'
import { findOrCreateTags } from './tags.js'
import { chapterRow, insertContentNotices, insertWorkCreators, insertWorkTags } from './work-parts.js'
import { draftDates } from './write-work-fields.js'

/** The columns of a work's row that its draft decides, dated `now` where the draft names no date. */
export function draftWorkFields(draft: WorkDraft, now: Date) {
  const dates = draftDates(draft, now.toISOString().slice(0, 10))
  return {
    title: draft.title,
    summary: draft.summary,
    notes_beginning: draft.notes.beginning,
    notes_end: draft.notes.end,
    disclaimer: draft.disclaimer,
    rating: draft.rating,
    rating_original: draft.ratingOriginal,
    language: draft.language,
    word_count: draft.wordCount,
    complete: toFlag(draft.complete),
    chapter_count: draft.chapters.length,
    posted_at: dates.posted,
    updated_at: dates.updated,
    dates_from_source: toFlag(dates.fromSource),
  }
}

/**
 * Writes what a new work holds besides its row: chapters, creators, tags, content notices, and
 * its chapters' full-text index. The work must have none of them yet.
 */
export async function writeWorkContent(
  db: Kysely<Database>,
  workId: WorkId,
  draft: WorkDraft,
): Promise<void> {
  const chapters = await insertChapters(db, workId, draft)
  await insertWorkCreators(db, workId, draft.creators)
  await insertTags(db, workId, draft)
  await insertContentNotices(db, workId, draft.contentNotices)
  // It removes before it indexes, not needlessly for a new work: SQLite reuses the chapter ids
  // of a work deleted last, and a delete outside the store leaves their FTS5 rows behind.
  await indexWrittenChapters(db, workId, chapters)
}

async function insertChapters(
  db: Kysely<Database>,
  workId: WorkId,
  draft: WorkDraft,
): Promise<ChapterText[]> {
  if (draft.chapters.length === 0) return []
  // A draft counts words for the whole work; only a one-chapter work knows its chapter's count.
  const oneChapterCount = draft.chapters.length === 1 ? draft.wordCount : null
  const values = draft.chapters.map((chapter, index) =>
    chapterRow(workId, index + 1, chapter, oneChapterCount),
  )
  const { rows } = await runCachedQuery(db, `import:chapters:${String(values.length)}`, rowValues(values), () =>
    db.insertInto('chapters').values(values).returning(['id', 'position']),
  )
  return rows.map(({ id, position }) => {
    const sections = draft.chapters[position - 1]?.sections
    if (sections === undefined) throw new Error(`chapters: none at position ${String(position)}`)
    return chapterText({ chapterId: id, workId, position }, sections)
  })
}

async function insertTags(db: Kysely<Database>, workId: WorkId, draft: WorkDraft) {
  // A work always has its rating tag.
  const tags = await findOrCreateTags(db, draftTags(draft))
  await insertWorkTags(db, workId, tags.map((tag) => tag.id))
}
