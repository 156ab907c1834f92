import type { Kysely } from 'kysely'
import { chooseCopy, type FieldConfidences } from '../domain/copy-choice.js'
import type { SourceId } from '../domain/stored-source.js'
import type { WorkId } from '../domain/work.js'
import { rowValues, runCachedQuery } from './cached-query.js'
import type { Database } from './schema.js'

/**
 * Thrown when another import claimed a story's fingerprint between this one's look-up and its
 * claim (two copies imported at the same moment): the caller rolls back and tries again, and
 * then finds the work to merge into.
 */
export class FingerprintTaken extends Error {
  readonly fingerprint: string
  constructor(fingerprint: string) {
    super(`work_fingerprints: ${fingerprint} was claimed by another import meanwhile`)
    this.fingerprint = fingerprint
    this.name = 'FingerprintTaken'
  }
}

/** A work that a copy of its story would merge into, and the fields of the copy it shows. */
export type MergeTarget = Readonly<{ workId: WorkId; fields: FieldConfidences }>

/** The work whose story has this fingerprint, or undefined. */
export async function findFingerprintOwner(
  db: Kysely<Database>,
  fingerprint: string,
): Promise<WorkId | undefined> {
  const { rows } = await runCachedQuery(db, 'import:fingerprint-owner', [fingerprint], () =>
    db.selectFrom('work_fingerprints').select('work_id').where('fingerprint', '=', fingerprint),
  )
  return rows[0]?.work_id
}

/** Records a new work's fingerprint; throws `FingerprintTaken` when another work has it. */
export async function claimFingerprint(
  db: Kysely<Database>,
  workId: WorkId,
  fingerprint: string,
): Promise<void> {
  if (!(await tryClaimFingerprint(db, workId, fingerprint))) throw new FingerprintTaken(fingerprint)
}

/**
 * Records the fingerprint of a work that has none now: false, writing nothing, when another
 * work has it (perhaps claimed by a concurrent import after the caller looked).
 */
export async function tryClaimFingerprint(
  db: Kysely<Database>,
  workId: WorkId,
  fingerprint: string,
): Promise<boolean> {
  const row = { work_id: workId, fingerprint }
  // Do nothing, not fail: PostgreSQL would refuse every later statement of the transaction.
  const { rows } = await runCachedQuery(db, 'import:fingerprint-claim', rowValues([row]), () =>
    db
      .insertInto('work_fingerprints')
      .values(row)
      .onConflict((conflict) => conflict.doNothing())
      .returning('work_id'),
  )
  return rows.length > 0
}

/** What `quire import --dry-run` asks: the work this story would merge into, if any. */
export async function findMergeTarget(
  db: Kysely<Database>,
  fingerprint: string,
): Promise<MergeTarget | undefined> {
  const workId = await findFingerprintOwner(db, fingerprint)
  return workId === undefined ? undefined : { workId, fields: await findShownFields(db, workId) }
}

/** The source whose reading a work shows, and how sure rescue was of each field it read there. */
export type ShownSource = Readonly<{ id: SourceId; fields: FieldConfidences }>

/**
 * The source whose fields a work shows: its sources replayed in the order they came, each later
 * copy winning as `chooseCopy` decided when it was imported. What a merge weighs a new copy
 * against, and what a reparse reads again. Undefined for a work with no source.
 */
export async function findShownSource(
  db: Kysely<Database>,
  workId: WorkId,
): Promise<ShownSource | undefined> {
  const sources = await db
    .selectFrom('sources')
    .select(['id', 'report'])
    .where('work_id', '=', workId)
    .orderBy('imported_at')
    .orderBy('id')
    .execute()
  let shown: ShownSource | undefined
  for (const { id, report } of sources) {
    const fields = reportFieldConfidences(report)
    if (shown === undefined || chooseCopy(shown.fields, fields).kept === 'new') shown = { id, fields }
  }
  return shown
}

/** The field confidences of the source a work shows (see `findShownSource`); none without one. */
export async function findShownFields(
  db: Kysely<Database>,
  workId: WorkId,
): Promise<FieldConfidences> {
  return (await findShownSource(db, workId))?.fields ?? {}
}

/** The confidences in a stored report (`sources.report`); a malformed one is a bug. */
function reportFieldConfidences(json: string): FieldConfidences {
  const report: unknown = JSON.parse(json)
  if (typeof report !== 'object' || report === null) throw new Error('sources.report: expected a JSON object')
  // A report without fields (written by hand, or before reports had them) read none.
  const fields = 'fields' in report ? report.fields : {}
  if (typeof fields !== 'object' || fields === null) throw new Error('sources.report: "fields" is not an object')
  const confidences: Record<string, number> = {}
  for (const [name, provenance] of Object.entries(fields)) {
    const confidence: unknown =
      typeof provenance === 'object' && provenance !== null && 'confidence' in provenance
        ? provenance.confidence
        : undefined
    if (typeof confidence !== 'number') {
      throw new Error(`sources.report: field "${name}" has no numeric confidence`)
    }
    confidences[name] = confidence
  }
  return confidences
}
