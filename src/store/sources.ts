import type { Kysely, Selectable } from 'kysely'
import { QuireError } from '../domain/errors.js'
import type { SourceId, SourceSummary, StoredSource } from '../domain/stored-source.js'
import type { WorkId } from '../domain/work.js'
import type { Database, SourcesTable } from './schema.js'
import { findShownSource } from './work-fingerprints.js'

// Eight hex digits, as `git` abbreviates: short to type, and a clash among a few thousand
// files is unlikely; a clash is an error, never a guess.
const SHA256_PREFIX = /^[0-9a-f]{8,64}$/u

/** The sources a work was made from, oldest first, without their bytes: what a page lists. */
export async function findSourceSummariesByWork(
  db: Kysely<Database>,
  workId: WorkId,
): Promise<SourceSummary[]> {
  const rows = await db
    .selectFrom('sources')
    .select(['id', 'work_id', 'sha256', 'encoding', 'encoding_confidence', 'file_name', 'byte_length', 'imported_at'])
    .where('work_id', '=', workId)
    .orderBy('imported_at')
    .orderBy('id')
    .execute()
  return rows.map(toSourceSummary)
}

/** One source of a work, bytes and all; undefined when the work has no such source. */
export async function findSourceOfWork(
  db: Kysely<Database>,
  workId: WorkId,
  sourceId: SourceId,
): Promise<StoredSource | undefined> {
  const row = await db
    .selectFrom('sources')
    .selectAll()
    .where('work_id', '=', workId)
    .where('id', '=', sourceId)
    .executeTakeFirst()
  return row === undefined ? undefined : toStoredSource(row)
}

/**
 * The source whose reading a work shows, bytes and all (after a merge whose new copy won, that
 * copy; see `findShownSource`): what a reparse reads again. Undefined for a work with no source.
 */
export async function findShownSourceOfWork(
  db: Kysely<Database>,
  workId: WorkId,
): Promise<StoredSource | undefined> {
  const shown = await findShownSource(db, workId)
  return shown === undefined ? undefined : findSourceOfWork(db, workId, shown.id)
}

/** The source whose sha256 is, or starts with, `sha256` (8 to 64 hex digits), or undefined. */
export async function findSourceBySha256(
  db: Kysely<Database>,
  sha256: string,
): Promise<StoredSource | undefined> {
  const wanted = sha256.trim().toLowerCase()
  if (!SHA256_PREFIX.test(wanted)) {
    throw new QuireError(
      'QUIRE_SOURCE_NOT_FOUND',
      `sha256 "${sha256}": expected 8 to 64 hexadecimal digits`,
    )
  }
  const query = db.selectFrom('sources').selectAll().limit(2)
  const rows = await (
    wanted.length === 64
      ? query.where('sha256', '=', wanted)
      : query.where('sha256', 'like', `${wanted}%`)
  ).execute()
  const [first, second] = rows
  if (second !== undefined) {
    throw new QuireError(
      'QUIRE_SOURCE_AMBIGUOUS',
      `sha256 prefix "${wanted}" matches more than one source; give more digits`,
    )
  }
  return first === undefined ? undefined : toStoredSource(first)
}

/**
 * Whether these exact bytes were stored, and for which work (null once it was deleted): what an
 * import asks of every file before parsing it, so it reads no bytes back.
 */
export async function findSourceOwner(
  db: Kysely<Database>,
  sha256: string,
): Promise<Readonly<{ workId: WorkId | null }> | undefined> {
  const row = await db
    .selectFrom('sources')
    .select('work_id')
    .where('sha256', '=', sha256)
    .executeTakeFirst()
  return row === undefined ? undefined : { workId: row.work_id }
}

/** Every work made from stored sources, in id order (so oldest first): what a reparse reads. */
export async function findRescuedWorkIds(db: Kysely<Database>): Promise<WorkId[]> {
  const rows = await db
    .selectFrom('sources')
    .select('work_id')
    .distinct()
    .where('work_id', 'is not', null)
    .orderBy('work_id')
    .execute()
  return rows.flatMap(({ work_id: workId }) => (workId === null ? [] : [workId]))
}

function toSourceSummary(row: Omit<Selectable<SourcesTable>, 'bytes' | 'report'>): SourceSummary {
  return {
    id: row.id,
    workId: row.work_id,
    sha256: row.sha256,
    encoding: row.encoding,
    encodingConfidence: row.encoding_confidence,
    fileName: row.file_name,
    byteLength: row.byte_length,
    importedAt: row.imported_at,
  }
}

function toStoredSource(row: Selectable<SourcesTable>): StoredSource {
  return { ...toSourceSummary(row), bytes: row.bytes, reportJson: row.report }
}
