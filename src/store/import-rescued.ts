import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { CreatorId } from '../domain/creator.js'
import type { RescuedWork } from '../domain/rescue-report.js'
import type { WorkDraft } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import { rowValues, runCachedQuery } from './cached-query.js'
import { findOrCreateCreator } from './creators.js'
import { draftTags } from './draft-tags.js'
import { toFlag } from './flag.js'
import { chapterText } from './full-text-chapters.js'
import type { ChapterText } from './full-text-engine.js'
import { indexWrittenChapters } from './full-text.js'
import { newWorkId } from './new-work-id.js'
import type { Database } from './schema.js'
import { sectionsToJson } from './sections-json.js'
import { findOrCreateTags } from './tags.js'
import { uniqueBy } from './unique-by.js'
import { recordWorkChange } from './work-changes.js'

/** One legacy file to store: what rescue made of it, and the bytes exactly as read. */
export type ImportInput = Readonly<{
  rescued: RescuedWork
  bytes: Uint8Array
  fileName: string
  /**
   * The bytes' sha256, when the caller hashed them already (`quire import` does, to skip
   * unchanged files before parsing them); computed here when absent.
   */
  sha256?: string
}>

/** `unchanged` when the same bytes were imported before: nothing was written. */
export type ImportResult = Readonly<{
  status: 'imported' | 'unchanged'
  workId: WorkId
  sha256: string
}>

/**
 * Thrown inside an import's transaction when its bytes already belong to a work: the caller
 * rolls back what it wrote and answers `unchanged` (see `findUnchanged`).
 */
export class BytesAlreadyStored extends Error {
  readonly sha256: string
  constructor(sha256: string) {
    super(`sources: bytes ${sha256} already belong to a work`)
    this.sha256 = sha256
    this.name = 'BytesAlreadyStored'
  }
}

/**
 * Stores a rescued work with its chapters, tags, creators, notices and source in one
 * transaction: it lands whole or not at all. The same bytes twice make one work.
 */
export async function importRescued(
  db: Kysely<Database>,
  input: ImportInput,
): Promise<ImportResult> {
  const sha256 = input.sha256 ?? sha256Of(input.bytes)
  try {
    return await db.transaction().execute((trx) => writeRescued(trx, input, sha256, new Date()))
  } catch (error) {
    if (!(error instanceof BytesAlreadyStored)) throw error
    return findUnchanged(db, sha256)
  }
}

/** The hex sha256 of `bytes`: a source's identity, and what makes a second import a no-op. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Writes one work and its source through `trx`, which must be a transaction (or a savepoint in
 * one) that the caller rolls back when this throws. Throws `BytesAlreadyStored` when the bytes
 * already belong to a work.
 */
export async function writeRescued(
  trx: Kysely<Database>,
  { rescued, bytes, fileName }: ImportInput,
  sha256: string,
  now: Date,
): Promise<ImportResult> {
  const draft = rescued.work
  const workId = newWorkId()
  await insertWorkRow(trx, workId, draft, now)
  // The source goes in right after the work row, naming it, so no later `update` is needed
  // (0.16 ms a work on SQLite). Its unique sha256 is the lock: a second import of the same
  // bytes waits here (PostgreSQL) or behind the writer (SQLite), then finds them taken and
  // rolls back. Kept bytes whose work was deleted (work_id null) are taken over instead.
  const sourceRow = {
    work_id: workId,
    sha256,
    bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    encoding: rescued.source.encoding,
    encoding_confidence: rescued.source.encodingConfidence,
    file_name: fileName,
    byte_length: bytes.byteLength,
    imported_at: now.toISOString(),
    report: JSON.stringify(rescued.report),
  }
  const inserted = await runCachedQuery(trx, 'import:sources', [...rowValues([sourceRow]), workId], () =>
    trx
      .insertInto('sources')
      .values(sourceRow)
      .onConflict((conflict) =>
        conflict
          .column('sha256')
          .doUpdateSet({ work_id: workId })
          .where('sources.work_id', 'is', null),
      )
      .returning('id'),
  )
  const [source] = inserted.rows
  if (source === undefined) throw new BytesAlreadyStored(sha256)
  const chapters = await insertChapters(trx, workId, draft)
  await insertCreators(trx, workId, draft.creators)
  await insertTags(trx, workId, draft)
  await insertContentNotices(trx, workId, draft)
  // It removes before it indexes, not needlessly for a new work: SQLite reuses the chapter ids
  // of a work deleted last, and a delete outside the store leaves their FTS5 rows behind.
  await indexWrittenChapters(trx, workId, chapters)
  await recordWorkChange(trx, workId)
  return { status: 'imported', workId, sha256 }
}

/** The answer for bytes that `writeRescued` found already stored. */
export async function findUnchanged(db: Kysely<Database>, sha256: string): Promise<ImportResult> {
  const existing = await db
    .selectFrom('sources')
    .select('work_id')
    .where('sha256', '=', sha256)
    .executeTakeFirstOrThrow()
  if (existing.work_id === null) {
    // Only a delete between the failed insert and this read does this; the file can be tried again.
    throw new Error(`sources: the work made from ${sha256} was deleted during its import`)
  }
  return { status: 'unchanged', workId: existing.work_id, sha256 }
}

async function insertWorkRow(
  db: Kysely<Database>,
  id: WorkId,
  draft: WorkDraft,
  now: Date,
): Promise<void> {
  const today = now.toISOString().slice(0, 10)
  const row = {
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
  }
  await runCachedQuery(db, 'import:works', rowValues([row]), () => db.insertInto('works').values(row))
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
