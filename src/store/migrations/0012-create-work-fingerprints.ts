import type { Kysely } from 'kysely'
import { sectionsFromJson } from '../sections-json.js'
import type { StoreMigration } from '../store-migration.js'
import { storyFingerprint } from '../story-fingerprint.js'

// Works fingerprinted per transaction while the table is filled.
const BACKFILL_PAGE = 500

/**
 * The fingerprint of each work's story text, so a second copy of a story in another format
 * (an HTML page, then a text file of it) becomes another source of its work. Unique: two
 * imports of two copies at once make one work, as the unique sha256 of `sources` does for one
 * copy. A work has at most one; deleting the work deletes it.
 *
 * Works stored before this migration get theirs here, from their stored chapters, which hold
 * the sections rescue read (the fingerprint's input): one read of every chapter, in pages, at
 * about the cost of an import's hashing. Where an archive already holds the same story twice,
 * the older work (the smaller ULID) gets the fingerprint and later copies merge into it.
 */
export const createWorkFingerprints: StoreMigration = {
  async up(db) {
    await db.schema
      .createTable('work_fingerprints')
      .addColumn('work_id', 'text', (col) =>
        col.primaryKey().references('works.id').onDelete('cascade'),
      )
      .addColumn('fingerprint', 'text', (col) => col.notNull().unique())
      .execute()
    await backfill(db)
  },
  async down(db) {
    await db.schema.dropTable('work_fingerprints').execute()
  },
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function backfill(db: Kysely<any>): Promise<void> {
  for (let after = ''; ; ) {
    const works: Array<{ id: string }> = await db
      .selectFrom('works')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BACKFILL_PAGE)
      .execute()
    const last = works.at(-1)
    if (last === undefined) return
    const chapters: Array<{ work_id: string; sections: string }> = await db
      .selectFrom('chapters')
      .select(['work_id', 'sections'])
      .where('work_id', 'in', works.map((work) => work.id))
      .orderBy('work_id')
      .orderBy('position')
      .execute()
    const rows = fingerprintRows(chapters)
    if (rows.length > 0) {
      await db
        .insertInto('work_fingerprints')
        .values(rows)
        .onConflict((conflict) => conflict.column('fingerprint').doNothing())
        .execute()
    }
    after = last.id
  }
}

function fingerprintRows(
  chapters: ReadonlyArray<{ work_id: string; sections: string }>,
): Array<{ work_id: string; fingerprint: string }> {
  const byWork = new Map<string, Array<{ title: null; sections: ReturnType<typeof sectionsFromJson> }>>()
  for (const { work_id: workId, sections } of chapters) {
    const list = byWork.get(workId) ?? []
    list.push({ title: null, sections: sectionsFromJson(sections) })
    byWork.set(workId, list)
  }
  const rows: Array<{ work_id: string; fingerprint: string }> = []
  // Map order is id order: within a page, the older work claims a fingerprint first.
  for (const [workId, drafts] of byWork) {
    const fingerprint = storyFingerprint(drafts)
    if (fingerprint !== null) rows.push({ work_id: workId, fingerprint })
  }
  return rows
}
