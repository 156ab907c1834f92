import type { Kysely } from 'kysely'
import type { ChapterDraft } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import { indexWorkText, removeWorkText } from './full-text.js'
import type { Database } from './schema.js'
import { sectionsToJson } from './sections-json.js'
import { chapterRow } from './work-parts.js'

/**
 * Replaces a work's chapters with `chapters`, keeping the id of each chapter whose position is
 * still there (so links and the index's rows to it hold), deleting those past the new end and
 * adding the new ones; chapter notes stay with their position. Keeps the full-text index in
 * step; call it in the transaction that changes the work.
 */
export async function rewriteChapters(
  db: Kysely<Database>,
  workId: WorkId,
  chapters: readonly ChapterDraft[],
): Promise<void> {
  // First, while the chapters are as indexed: SQLite's FTS5 rows are found by chapter id.
  await removeWorkText(db, workId)
  const existing = await db
    .selectFrom('chapters')
    .select(['id', 'position'])
    .where('work_id', '=', workId)
    .orderBy('position')
    .execute()
  for (const { id, position } of existing) {
    const chapter = chapters[position - 1]
    if (chapter === undefined) continue
    await db
      .updateTable('chapters')
      .set({ title: chapter.title, sections: sectionsToJson(chapter.sections) })
      .where('id', '=', id)
      .execute()
  }
  await db
    .deleteFrom('chapters')
    .where('work_id', '=', workId)
    .where('position', '>', chapters.length)
    .execute()
  const taken = new Set(existing.map(({ position }) => position))
  const added = chapters
    .map((chapter, index) => ({ chapter, position: index + 1 }))
    .filter(({ position }) => !taken.has(position))
    // Counted after, by `setChapterWordCounts`, once the work's count is written.
    .map(({ chapter, position }) => chapterRow(workId, position, chapter, null))
  if (added.length > 0) await db.insertInto('chapters').values(added).execute()
  await indexWorkText(db, workId)
}

/**
 * Sets each chapter's own word count as an import does: a one-chapter work's is the work's, and
 * a chapter of several has none, since a draft counts words for the whole work only.
 */
export async function setChapterWordCounts(
  db: Kysely<Database>,
  workId: WorkId,
  chapterCount: number,
  wordCount: number,
): Promise<void> {
  await db
    .updateTable('chapters')
    .set({ word_count: chapterCount === 1 ? wordCount : null })
    .where('work_id', '=', workId)
    .execute()
}
