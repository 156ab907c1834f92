import type { Kysely } from 'kysely'
import type { CreatorId } from '../domain/creator.js'
import type { TagId } from '../domain/stored-tag.js'
import type { ChapterDraft, ContentNotice } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import { rowValues, runCachedQuery } from './cached-query.js'
import { findOrCreateCreator } from './creators.js'
import type { Database } from './schema.js'
import { sectionsToJson } from './sections-json.js'
import { uniqueBy } from './unique-by.js'

// The rows a work holds besides its own, written the same way by an import (`writeWorkContent`)
// and by an edit, a reparse or a merge (`writeWorkFields`), so the two never drift apart.

/**
 * Credits `names` on a work that has no creators now, in order, making the creators not met
 * before. Blank names are skipped; "Jen" and "jen" are one creator, credited once.
 */
export async function insertWorkCreators(
  db: Kysely<Database>,
  workId: WorkId,
  names: readonly string[],
): Promise<void> {
  const creatorIds: CreatorId[] = []
  for (const name of names) {
    if (name.trim() !== '') creatorIds.push((await findOrCreateCreator(db, name.trim())).id)
  }
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

/** Lists `tagIds` on a work that has no tags now, in order; "Chloe" and "chloe" are one tag, listed once. */
export async function insertWorkTags(
  db: Kysely<Database>,
  workId: WorkId,
  tagIds: readonly TagId[],
): Promise<void> {
  const rows = uniqueBy(tagIds, (id) => id).map((tagId, index) => ({
    work_id: workId,
    tag_id: tagId,
    position: index + 1,
  }))
  if (rows.length === 0) return
  await runCachedQuery(db, `import:work_tags:${String(rows.length)}`, rowValues(rows), () =>
    db.insertInto('work_tags').values(rows),
  )
}

/** Gives a work that has no content notices now `notices`, each topic and line once. */
export async function insertContentNotices(
  db: Kysely<Database>,
  workId: WorkId,
  notices: readonly ContentNotice[],
): Promise<void> {
  const unique = uniqueBy(notices, ({ topic, line }) => `${topic}:${String(line)}`)
  if (unique.length === 0) return
  await db
    .insertInto('content_notices')
    .values(unique.map(({ topic, line }) => ({ work_id: workId, topic, line })))
    .execute()
}

/** A new chapter's row; rescue reads no chapter notes, so a new chapter has none. */
export function chapterRow(
  workId: WorkId,
  position: number,
  chapter: ChapterDraft,
  wordCount: number | null,
) {
  return {
    work_id: workId,
    position,
    title: chapter.title,
    notes_beginning: null,
    notes_end: null,
    sections: sectionsToJson(chapter.sections),
    word_count: wordCount,
  }
}
