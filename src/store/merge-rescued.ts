import type { Kysely } from 'kysely'
import { chooseCopy, fieldConfidences, type CopyChoice } from '../domain/copy-choice.js'
import type { RescuedWork } from '../domain/rescue-report.js'
import type { WorkId } from '../domain/work.js'
import { insertSource } from './insert-source.js'
import type { Database } from './schema.js'
import { draftWorkFields, removeWorkContent, writeWorkContent } from './work-content.js'
import { recordWorkChange } from './work-changes.js'
import { findShownFields } from './work-fingerprints.js'

/** A copy of a story already stored, kept as another source of its work, and which copy won. */
export type MergeResult = Readonly<{ into: WorkId } & CopyChoice>

/**
 * Adds a file as another source of `into`, the work made from another copy of the same story,
 * in the caller's transaction. When `chooseCopy` prefers the new copy, the work is written
 * again from it (fields, chapters, creators, tags, notices, index), keeping its id, creation
 * date and counts. Throws `BytesAlreadyStored` when these bytes are stored already.
 */
export async function mergeRescued(
  trx: Kysely<Database>,
  copy: Readonly<{ rescued: RescuedWork; bytes: Uint8Array; fileName: string; sha256: string; now: Date }>,
  into: WorkId,
): Promise<MergeResult> {
  // Read before the new source goes in, so the new copy is not weighed against itself.
  const shown = await findShownFields(trx, into)
  await insertSource(trx, { ...copy, workId: into })
  const choice = chooseCopy(shown, fieldConfidences(copy.rescued.report.fields))
  if (choice.kept === 'new') {
    const draft = copy.rescued.work
    // A copy that names no dates leaves the work's (perhaps from its first import) alone.
    const { posted_at, updated_at, dates_from_source, ...undated } = draftWorkFields(draft, copy.now)
    const hasDates = draft.posted !== null || draft.updated !== null
    const fields = hasDates ? { ...undated, posted_at, updated_at, dates_from_source } : undated
    await trx.updateTable('works').set(fields).where('id', '=', into).execute()
    await removeWorkContent(trx, into)
    await writeWorkContent(trx, into, draft)
    await recordWorkChange(trx, into)
  }
  return { into, ...choice }
}
