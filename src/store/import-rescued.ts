import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { CreatorId } from '../domain/creator.js'
import type { RescuedWork } from '../domain/rescue-report.js'
import type { SourceId } from '../domain/stored-source.js'
import type { WorkDraft } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import { findOrCreateCreator } from './creators.js'
import { draftTags } from './draft-tags.js'
import { toFlag } from './flag.js'
import { indexWorkText } from './full-text.js'
import { newWorkId } from './new-work-id.js'
import type { Database } from './schema.js'
import { sectionsToJson } from './sections-json.js'
import { findOrCreateTags } from './tags.js'
import { uniqueBy } from './unique-by.js'
import { recordWorkChange } from './work-changes.js'

/** One legacy file to store: what rescue made of it, and the bytes exactly as read. */
export type ImportInput = Readonly<{ rescued: RescuedWork; bytes: Uint8Array; fileName: string }>

/** `unchanged` when the same bytes were imported before: nothing was written. */
export type ImportResult = Readonly<{
  status: 'imported' | 'unchanged'
  workId: WorkId
  sha256: string
}>

/**
 * Stores a rescued work with its chapters, tags, creators, notices and source in one
 * transaction: it lands whole or not at all. The same bytes twice make one work.
 */
export async function importRescued(
  db: Kysely<Database>,
  { rescued, bytes, fileName }: ImportInput,
): Promise<ImportResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const now = new Date()
  return db.transaction().execute(async (trx) => {
    // The source goes in first: its unique sha256 is the lock. A second import of the same
    // bytes waits here (PostgreSQL) or behind the writer (SQLite), then finds them taken.
    const inserted = await trx
      .insertInto('sources')
      .values({
        work_id: null,
        sha256,
        bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        encoding: rescued.source.encoding,
        encoding_confidence: rescued.source.encodingConfidence,
        file_name: fileName,
        byte_length: bytes.byteLength,
        imported_at: now.toISOString(),
        report: JSON.stringify(rescued.report),
      })
      .onConflict((conflict) => conflict.column('sha256').doNothing())
      .returning('id')
      .executeTakeFirst()
    let sourceId: SourceId
    if (inserted === undefined) {
      const existing = await trx
        .selectFrom('sources')
        .select(['id', 'work_id'])
        .where('sha256', '=', sha256)
        .executeTakeFirstOrThrow()
      if (existing.work_id !== null) {
        return { status: 'unchanged', workId: existing.work_id, sha256 }
      }
      // The work these bytes became was deleted; the bytes stayed, so make it again.
      sourceId = existing.id
    } else {
      sourceId = inserted.id
    }
    const workId = await insertWork(trx, rescued.work, now)
    await indexWorkText(trx, workId)
    await trx.updateTable('sources').set({ work_id: workId }).where('id', '=', sourceId).execute()
    await recordWorkChange(trx, workId)
    return { status: 'imported', workId, sha256 }
  })
}

async function insertWork(db: Kysely<Database>, draft: WorkDraft, now: Date): Promise<WorkId> {
  const id = newWorkId()
  const today = now.toISOString().slice(0, 10)
  await db
    .insertInto('works')
    .values({
      id,
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
      created_at: now.toISOString(),
    })
    .execute()
  await insertChapters(db, id, draft)
  await insertCreators(db, id, draft.creators)
  await insertTags(db, id, draft)
  await insertContentNotices(db, id, draft)
  return id
}

async function insertChapters(db: Kysely<Database>, workId: WorkId, draft: WorkDraft) {
  if (draft.chapters.length === 0) return
  // A draft counts words for the whole work; only a one-chapter work knows its chapter's count.
  const oneChapterCount = draft.chapters.length === 1 ? draft.wordCount : null
  await db
    .insertInto('chapters')
    .values(
      draft.chapters.map((chapter, index) => ({
        work_id: workId,
        position: index + 1,
        title: chapter.title,
        notes_beginning: null,
        notes_end: null,
        sections: sectionsToJson(chapter.sections),
        word_count: oneChapterCount,
      })),
    )
    .execute()
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
  if (rows.length > 0) await db.insertInto('work_creators').values(rows).execute()
}

async function insertTags(db: Kysely<Database>, workId: WorkId, draft: WorkDraft) {
  const tagIds = (await findOrCreateTags(db, draftTags(draft))).map((tag) => tag.id)
  // "Chloe" and "chloe" are one tag: list it once. A work always has its rating tag.
  const rows = uniqueBy(tagIds, (id) => id).map((tagId, index) => ({
    work_id: workId,
    tag_id: tagId,
    position: index + 1,
  }))
  await db.insertInto('work_tags').values(rows).execute()
}

async function insertContentNotices(db: Kysely<Database>, workId: WorkId, draft: WorkDraft) {
  const notices = uniqueBy(draft.contentNotices, ({ topic, line }) => `${topic}:${String(line)}`)
  if (notices.length === 0) return
  await db
    .insertInto('content_notices')
    .values(notices.map(({ topic, line }) => ({ work_id: workId, topic, line })))
    .execute()
}
