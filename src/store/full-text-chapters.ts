import type { Kysely } from 'kysely'
import { searchableText } from '../domain/segment-words.js'
import type { Section, SectionKind } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import type { ChapterText } from './full-text-engine.js'
import type { Database } from './schema.js'
import { sectionsFromJson } from './sections-json.js'

// What a reader reads as the story: notes are the author talking, breaks are "* * *".
const STORY_KINDS: ReadonlySet<SectionKind> = new Set(['paragraph', 'verse', 'heading'])

type ChapterRow = Readonly<{ id: number; work_id: WorkId; position: number; sections: string }>

/** The chapters of one work, as the index holds them. */
export async function findWorkChapterTexts(
  db: Kysely<Database>,
  workId: WorkId,
): Promise<ChapterText[]> {
  const rows = await selectChapters(db).where('work_id', '=', workId).execute()
  return rows.map(toChapterText)
}

/** The chapters with these ids, as the index holds them, in no particular order. */
export async function findChapterTextsById(
  db: Kysely<Database>,
  chapterIds: readonly number[],
): Promise<ChapterText[]> {
  if (chapterIds.length === 0) return []
  const rows = await selectChapters(db).where('id', 'in', chapterIds).execute()
  return rows.map(toChapterText)
}

/** Up to `limit` chapters with ids above `afterId`, in id order: a keyset page for a rebuild. */
export async function findChapterTextsAfter(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<ChapterText[]> {
  const rows = await selectChapters(db)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map(toChapterText)
}

function selectChapters(db: Kysely<Database>) {
  return db.selectFrom('chapters').select(['id', 'work_id', 'position', 'sections'])
}

function toChapterText(row: ChapterRow): ChapterText {
  const chapter = { chapterId: row.id, workId: row.work_id, position: row.position }
  return chapterText(chapter, sectionsFromJson(row.sections))
}

/** A chapter's text as the index holds it, from the sections the chapter holds. */
export function chapterText(
  chapter: Omit<ChapterText, 'text'>,
  sections: readonly Section[],
): ChapterText {
  const story = sections.filter(({ kind }) => STORY_KINDS.has(kind))
  return { ...chapter, text: searchableText(story.map(({ text }) => text).join('\n\n')) }
}
