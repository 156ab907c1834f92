import type { ControlledTransaction, Kysely } from 'kysely'
import {
  BytesAlreadyStored,
  FingerprintTaken,
  findUnchanged,
  sha256Of,
  writeRescued,
  type ImportInput,
  type ImportResult,
} from './import-rescued.js'
import type { Database } from './schema.js'

/** What became of one work of a batch, in the order the batch was given. */
export type BatchOutcome =
  | Readonly<{ kind: 'stored'; result: ImportResult }>
  | Readonly<{ kind: 'failed'; error: unknown }>

// One name serves every work: each savepoint is released before the next is made.
const SAVEPOINT = 'quire_work'

/**
 * Stores several rescued works in ONE transaction, so each still lands whole or not at all:
 * the batch is first written straight through, which is what nearly every batch needs; when any
 * of its works fails (bytes already stored, a constraint), all of it is rolled back and written
 * again with a savepoint per work, so the work that fails comes back `failed` (or `unchanged`)
 * and the others commit. Why batches: on SQLite the commit (WAL write and FTS5 segment flush)
 * was 1.5 ms of a 3.7 ms store per 20 KB work, and a batch pays it once; why straight through
 * first: the savepoints cost another 0.2 ms a work. A later copy of a story that an earlier work
of the batch (or of the archive) was made from comes back `merged` into that work.
 *
 * Throws when the transaction itself fails (the commit, or a savepoint command): then nothing
 * of the batch is stored, and no outcome may be reported as stored. The bytes' sha256 is the
 * idempotency key, so running the import again stores what was lost.
 *
 * On SQLite the transaction holds Kysely's only connection: a query on `db` made while this
 * runs waits for it to end. Read what the batch needs before calling this.
 */
export async function importBatch(
  db: Kysely<Database>,
  inputs: readonly ImportInput[],
): Promise<BatchOutcome[]> {
  if (inputs.length === 0) return []
  const now = new Date()
  return (
    (await inTransaction(db, (trx) => writeStraight(trx, inputs, now))) ??
    (await inTransaction(db, (trx) => writeWithSavepoints(trx, inputs, now))) ??
    []
  )
}

/** Runs `write` in a transaction; commits unless it answers undefined, then rolls back. */
async function inTransaction(
  db: Kysely<Database>,
  write: (trx: ControlledTransaction<Database>) => Promise<BatchOutcome[] | undefined>,
): Promise<BatchOutcome[] | undefined> {
  const trx = await db.startTransaction().execute()
  try {
    const outcomes = await write(trx)
    if (outcomes === undefined) await trx.rollback().execute()
    else await trx.commit().execute()
    return outcomes
  } catch (error) {
    if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute()
    throw error
  }
}

/** Every work written with no savepoint; undefined, to roll back, as soon as one fails. */
async function writeStraight(
  trx: ControlledTransaction<Database>,
  inputs: readonly ImportInput[],
  now: Date,
): Promise<BatchOutcome[] | undefined> {
  const outcomes: BatchOutcome[] = []
  for (const input of inputs) {
    try {
      const result = await writeRescued(trx, input, input.sha256 ?? sha256Of(input.bytes), now)
      outcomes.push({ kind: 'stored', result })
    } catch {
      // Its error comes back from the second pass, where the work is alone in its savepoint.
      return undefined
    }
  }
  return outcomes
}

async function writeWithSavepoints(
  trx: ControlledTransaction<Database>,
  inputs: readonly ImportInput[],
  now: Date,
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = []
  for (const input of inputs) outcomes.push(await importInSavepoint(trx, input, now))
  return outcomes
}

async function importInSavepoint(
  trx: ControlledTransaction<Database>,
  input: ImportInput,
  now: Date,
  attempt = 1,
): Promise<BatchOutcome> {
  const sha256 = input.sha256 ?? sha256Of(input.bytes)
  const work = await trx.savepoint(SAVEPOINT).execute()
  try {
    const result = await writeRescued(work, input, sha256, now)
    await work.releaseSavepoint(SAVEPOINT).execute()
    return { kind: 'stored', result }
  } catch (error) {
    // PostgreSQL refuses every statement after a failed one until this rollback.
    await work.rollbackToSavepoint(SAVEPOINT).execute()
    await work.releaseSavepoint(SAVEPOINT).execute()
    if (error instanceof BytesAlreadyStored && error.sha256 === sha256) {
      return { kind: 'stored', result: await findUnchanged(trx, sha256) }
    }
    // Another import made a work of this story meanwhile: once more, it merges into that one.
    if (error instanceof FingerprintTaken && attempt === 1) return importInSavepoint(trx, input, now, 2)
    // Another part of a story told across files was stored meanwhile: this story fails whole.
    return { kind: 'failed', error }
  }
}
