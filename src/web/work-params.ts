import { Type } from 'typebox'
import { QuireError } from '../domain/errors.js'
import type { Chapter, Work, WorkId } from '../domain/work.js'
import type { Store } from '../store/store.js'

// Ids are ULIDs (domain/work.ts); rejecting anything else here means the store never sees it.
const WorkIdParam = Type.Unsafe<WorkId>(Type.String({ pattern: '^[0-7][0-9A-HJKMNP-TV-Z]{25}$' }))

/** `:workId` in a reading route. */
export const WorkParams = Type.Object({ workId: WorkIdParam })

/** `:workId/chapters/:position`; no work has 100,000 chapters. */
export const ChapterParams = Type.Object({
  workId: WorkIdParam,
  position: Type.Integer({ minimum: 1, maximum: 99_999 }),
})

/** The work with this id, or a QuireError that becomes a 404 page. */
export async function findWorkOrThrow(store: Store, workId: WorkId): Promise<Work> {
  const work = await store.works.find(workId)
  if (work === undefined) throw new QuireError('QUIRE_WORK_NOT_FOUND', `no work ${workId}`)
  return work
}

/** The work's chapter at `position`, or a QuireError that becomes a 404 page. */
export function findChapterOrThrow(work: Work, position: number): Chapter {
  const chapter = work.chapters.find((candidate) => candidate.position === position)
  if (chapter === undefined) {
    const count = String(work.chapters.length)
    throw new QuireError(
      'QUIRE_WORK_NOT_FOUND',
      `work ${work.id} has ${count} chapters, not ${String(position)}`,
    )
  }
  return chapter
}
