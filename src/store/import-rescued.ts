import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { RescuedWork } from '../domain/rescue-report.js'
import type { WorkId } from '../domain/work.js'
import { rowValues, runCachedQuery } from './cached-query.js'
import { BytesAlreadyStored, insertSource } from './insert-source.js'
import { mergeRescued, type MergeResult } from './merge-rescued.js'
import { newWorkId } from './new-work-id.js'
import type { Database } from './schema.js'
import { storyFingerprint } from './story-fingerprint.js'
import { draftWorkFields, writeWorkContent } from './work-content.js'
import { recordWorkChange } from './work-changes.js'
import { claimFingerprint, findFingerprintOwner, FingerprintTaken } from './work-fingerprints.js'

// Named here too: the import's callers catch these and read these from one place.
export { BytesAlreadyStored, FingerprintTaken, type MergeResult }

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
  /**
   * The other files of a story told across files, each kept as a source of the same work (the
   * first file is `bytes`; `rescued.work` is the story joined from them all).
   */
  parts?: readonly PartSource[]
}>

/** One more file of a story told across files: its bytes, as read, and what rescue made of it. */
export type PartSource = Readonly<{ rescued: RescuedWork; bytes: Uint8Array; fileName: string; sha256: string }>

/**
 * `unchanged` when the same bytes were imported before: nothing was written. `merged` when
 * another copy of the same story (same fingerprint, other bytes) made a work already: the file
 * became another source of it, and `merged` says which copy's fields the work shows.
 */
export type ImportResult =
  | Readonly<{ status: 'imported' | 'unchanged'; workId: WorkId; sha256: string }>
  | Readonly<{ status: 'merged'; workId: WorkId; sha256: string; merged: MergeResult }>

/**
 * Stores a rescued work with its chapters, tags, creators, notices and source in one
 * transaction: it lands whole or not at all. The same bytes twice make one work, and so do
 * two copies of one story (see `writeRescued`).
 */
export async function importRescued(
  db: Kysely<Database>,
  input: ImportInput,
): Promise<ImportResult> {
  const sha256 = input.sha256 ?? sha256Of(input.bytes)
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute((trx) => writeRescued(trx, input, sha256, new Date()))
    } catch (error) {
      if (error instanceof BytesAlreadyStored && error.sha256 === sha256) return findUnchanged(db, sha256)
      // Another copy of the story became a work meanwhile: the next attempt merges into it.
      if (!(error instanceof FingerprintTaken) || attempt > 1) throw error
    }
  }
}

/** The hex sha256 of `bytes`: a source's identity, and what makes a second import a no-op. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Writes one work and its source through `trx`, which must be a transaction (or a savepoint in
 * one) that the caller rolls back when this throws. When a work with the same story
 * fingerprint exists, the file becomes another source of it instead (see `mergeRescued`).
 * Throws `BytesAlreadyStored` when the bytes (or a part's) already belong to a work, and
 * `FingerprintTaken` when another import claimed the story's fingerprint after this one looked
 * for it. A story told across files (`parts`) keeps every file as a source of its one work.
 */
export async function writeRescued(
  trx: Kysely<Database>,
  { rescued, bytes, fileName, parts = [] }: ImportInput,
  sha256: string,
  now: Date,
): Promise<ImportResult> {
  const draft = rescued.work
  const copy = { rescued, bytes, fileName, sha256, now }
  const fingerprint = storyFingerprint(draft.chapters)
  const owner = fingerprint === null ? undefined : await findFingerprintOwner(trx, fingerprint)
  if (owner !== undefined) {
    const merged = await mergeRescued(trx, copy, owner)
    for (const part of parts) await insertSource(trx, { ...part, workId: owner, now })
    return { status: 'merged', workId: owner, sha256, merged }
  }
  const workId = newWorkId()
  const row = { id: workId, ...draftWorkFields(draft, now), created_at: now.toISOString() }
  await runCachedQuery(trx, 'import:works', rowValues([row]), () => trx.insertInto('works').values(row))
  // The source goes in right after the work row, naming it, so no later `update` is needed
  // (0.16 ms a work on SQLite), and before the fingerprint: the same bytes imported twice at
  // once are `unchanged`, never a merge.
  await insertSource(trx, { ...copy, workId })
  for (const part of parts) await insertSource(trx, { ...part, workId, now })
  if (fingerprint !== null) await claimFingerprint(trx, workId, fingerprint)
  await writeWorkContent(trx, workId, draft)
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
