import type { Kysely } from 'kysely'
import type { CreatorId } from '../domain/creator.js'
import type { WorkDraft } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import { rowValues, runCachedQuery } from './cached-query.js'
import { findOrCreateCreator } from './creators.js'
import { draftTags } from './draft-tags.js'
import { toFlag } from './flag.js'
import { chapterText } from './full-text-chapters.js'
import type { ChapterText } from './full-text-engine.js'
import { indexWrittenChapters, removeWorkText } from './full-text.js'
import type { Database } from './schema.js'
import { sectionsToJson } from './sections-json.js'
import { findOrCreateTags } from './tags.js'
import { uniqueBy } from './unique-by.js'

/** The columns of a work's row that its draft decides, dated `now` where the draft names no date. */
export function draftWorkFields(draft: WorkDraft, now: Date) {
  const today = now.toISOString().slice(0, 10)
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
    // A source that names one date names when it was posted and last updated.
    posted_at: draft.posted ?? draft.updated ?? today,
    updated_at: draft.updated ?? draft.posted ?? today,
    dates_from_source: toFlag(draft.posted !== null || draft.updated !== null),
  }
}

/**
 * Writes what a work holds besides its row: chapters, creators, tags, content notices, and its
 * chapters' full-text index. The work must have none of them yet (see `removeWorkContent`).
 */
export async function writeWorkContent(
  db: Kysely<Database>,
  workId: WorkId,
  draft: WorkDraft,
): Promise<void> {
  const chapters = await insertChapters(db, workId, draft)
  await insertCreators(db, workId, draft.creators)
  await insertTags(db, workId, draft)
  await insertContentNotices(db, workId, draft)
  // It removes before it indexes, not needlessly for a new work: SQLite reuses the chapter ids
  // of a work deleted last, and a delete outside the store leaves their FTS5 rows behind.
  await indexWrittenChapters(db, workId, chapters)
}

/** Deletes what `writeWorkContent` wrote, index first, so the work can be written anew. */
export async function removeWorkContent(db: Kysely<Database>, workId: WorkId): Promise<void> {
  // SQLite's FTS5 table finds a work's rows by its chapters' ids: before they go.
  await removeWorkText(db, workId)
  await db.deleteFrom('content_notices').where('work_id', '=', workId).execute()
  await db.deleteFrom('work_tags').where('work_id', '=', workId).execute()
  await db.deleteFrom('work_creators').where('work_id', '=', workId).execute()
  await db.deleteFrom('chapters').where('work_id', '=', workId).execute()
}

async function insertChapters(
  db: Kysely<Database>,
  workId: WorkId,
  draft: WorkDraft,
): Promise<ChapterText[]> {
  if (draft.chapters.length === 0) return []
  // A draft counts words for the whole work; only a one-chapter work knows its chapter's count.
  const oneChapterCount = draft.chapters.length === 1 ? draft.wordCount : null
  const values = draft.chapters.map((chapter, index) => ({
    work_id: workId,
    position: index + 1,
    title: chapter.title,
    notes_beginning: null,
    notes_end: null,
    sections: sectionsToJson(chapter.sections),
    word_count: oneChapterCount,
  }))
  const { rows } = await runCachedQuery(db, `import:chapters:${String(values.length)}`, rowValues(values), () =>
    db.insertInto('chapters').values(values).returning(['id', 'position']),
  )
  return rows.map(({ id, position }) => {
    const sections = draft.chapters[position - 1]?.sections
    if (sections === undefined) throw new Error(`chapters: none at position ${String(position)}`)
    return chapterText({ chapterId: id, workId, position }, sections)
  })
}

async function insertCreators(db: Kysely<Database>, workId: WorkId, names: readonly string[]) {
  const creatorIds: CreatorId[] = []
  for (const name of names) {
    if (name.trim() !== '') creatorIds.push((await findOrCreateCreator(db, name.trim())).id)
  }
  // "Jen" and "jen" are one creator: credit them once.
  const rows = uniqueBy(creatorIds, (id) => id).map((creatorId, index) => ({
    work_id: workId,
    creator_id: creatorId,
    position: index + 1,
  }))
  if (rows.length === 0) return
  await runCachedQuery(db, `import:work_creators:${String(rows.length)}`, rowValues(rows), () =>
    db.insertInto('work_creators').values(rows),
  )
}

async function insertTags(db: Kysely<Database>, workId: WorkId, draft: WorkDraft) {
  const tagIds = (await findOrCreateTags(db, draftTags(draft))).map((tag) => tag.id)
  // "Chloe" and "chloe" are one tag: list it once. A work always has its rating tag.
  const rows = uniqueBy(tagIds, (id) => id).map((tagId, index) => ({
    work_id: workId,
    tag_id: tagId,
    position: index + 1,
  }))
  await runCachedQuery(db, `import:work_tags:${String(rows.length)}`, rowValues(rows), () =>
    db.insertInto('work_tags').values(rows),
  )
}

async function insertContentNotices(db: Kysely<Database>, workId: WorkId, draft: WorkDraft) {
  const notices = uniqueBy(draft.contentNotices, ({ topic, line }) => `${topic}:${String(line)}`)
  if (notices.length === 0) return
  await db
    .insertInto('content_notices')
    .values(notices.map(({ topic, line }) => ({ work_id: workId, topic, line })))
    .execute()
}
