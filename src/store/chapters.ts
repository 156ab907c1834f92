import type { Kysely, Selectable } from 'kysely'
import type { Chapter, WorkId } from '../domain/work.js'
import type { Database, ChaptersTable } from './schema.js'
import { sectionsFromJson } from './sections-json.js'

/** Chapters of one work, in reading order. */
export async function findChapters(db: Kysely<Database>, workId: WorkId): Promise<Chapter[]> {
  const rows = await db
    .selectFrom('chapters')
    .selectAll()
    .where('work_id', '=', workId)
    .orderBy('position')
    .execute()
  return rows.map(toChapter)
}

function toChapter(row: Selectable<ChaptersTable>): Chapter {
  return {
    position: row.position,
    title: row.title,
    notes: { beginning: row.notes_beginning, end: row.notes_end },
    sections: sectionsFromJson(row.sections),
    wordCount: row.word_count,
  }
}
