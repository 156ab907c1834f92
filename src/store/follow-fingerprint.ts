import type { Kysely } from 'kysely'
import type { ChapterDraft } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import type { Database } from './schema.js'
import { storyFingerprint } from './story-fingerprint.js'
import { findFingerprintOwner, tryClaimFingerprint } from './work-fingerprints.js'

/**
 * How a work's story fingerprint (`work_fingerprints`) changed when its chapters were written
 * again. `updated`: it holds the new chapters' fingerprint. `removed`: it has none now, because
 * the new chapters are too short to fingerprint, or because another work `by` has their
 * fingerprint already. That work keeps it (the constraint allows one), so later copies of the
 * story merge into it; whether the two works are one story is a person's call, not a reparse's.
 */
export type FingerprintChange =
  | Readonly<{ kind: 'updated' }>
  | Readonly<{ kind: 'removed'; reason: 'too-short' }>
  | Readonly<{ kind: 'removed'; reason: 'taken'; by: WorkId }>

/**
 * Makes a work's fingerprint that of `chapters`, its chapters as just written (or, on a dry run,
 * as they would be: then it only says what it would do). Undefined when the fingerprint row stays
 * as it was. Never breaks the unique constraint, so the caller's transaction goes on.
 */
export async function followFingerprint(
  db: Kysely<Database>,
  workId: WorkId,
  chapters: readonly ChapterDraft[],
  options: Readonly<{ dryRun: boolean }>,
): Promise<FingerprintChange | undefined> {
  const fingerprint = storyFingerprint(chapters)
  const held = await db
    .selectFrom('work_fingerprints')
    .select('fingerprint')
    .where('work_id', '=', workId)
    .executeTakeFirst()
  if (held?.fingerprint === (fingerprint ?? undefined)) return undefined
  if (!options.dryRun && held !== undefined) {
    await db.deleteFrom('work_fingerprints').where('work_id', '=', workId).execute()
  }
  if (fingerprint === null) return { kind: 'removed', reason: 'too-short' }
  const owner = await findFingerprintOwner(db, fingerprint)
  if (owner !== undefined) return { kind: 'removed', reason: 'taken', by: owner }
  if (options.dryRun || (await tryClaimFingerprint(db, workId, fingerprint))) return { kind: 'updated' }
  // Another import claimed it between the look-up and the claim.
  const claimant = await findFingerprintOwner(db, fingerprint)
  if (claimant === undefined) throw new Error(`work_fingerprints: ${fingerprint} was refused and has no owner`)
  return { kind: 'removed', reason: 'taken', by: claimant }
}
