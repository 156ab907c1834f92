import type { Kysely } from 'kysely'
import type { RescuedWork } from '../domain/rescue-report.js'
import type { WorkId } from '../domain/work.js'
import { rowValues, runCachedQuery } from './cached-query.js'
import type { Database } from './schema.js'

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

/** One file's bytes, as read, and what rescue made of them, to keep as a source of `workId`. */
export type SourceToInsert = Readonly<{
  workId: WorkId
  rescued: RescuedWork
  bytes: Uint8Array
  fileName: string
  sha256: string
  now: Date
}>

/**
 * Keeps a file's bytes as a source of a work. Its unique sha256 is the lock: a second import of
 * the same bytes waits here (PostgreSQL) or behind the writer (SQLite), then finds them taken,
 * and this throws `BytesAlreadyStored`. Kept bytes whose work was deleted (work_id null) are
 * taken over instead.
 */
export async function insertSource(
  trx: Kysely<Database>,
  { workId, rescued, bytes, fileName, sha256, now }: SourceToInsert,
): Promise<void> {
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
  if (inserted.rows.length === 0) throw new BytesAlreadyStored(sha256)
}
