import type { Rating } from '../domain/rating.js'
import type { TagKind, TagName } from '../domain/tag.js'
import type { Section } from '../domain/work-draft.js'
import type { WorkId } from '../domain/work.js'
import { parseDatabaseUrl } from './database-url.js'
import { openBulkSqlite } from './bulk-seed-sqlite.js'
import { openBulkPostgres } from './bulk-seed-postgres.js'
import { toFlag } from './flag.js'
import { chapterText } from './full-text-chapters.js'
import type { ChapterText } from './full-text-engine.js'
import { nameKey } from './name-key.js'
import { sectionsToJson } from './sections-json.js'

/** A tag of a bulk load; `canonical` and `parents` are indexes into the same list. */
export type BulkTag = Readonly<{
  kind: TagKind
  name: TagName
  platonic: boolean
  canonical: number | null
  parents: readonly number[]
  /** Made by the migrations (ratings, warnings, categories): found by name, not inserted. */
  fixed: boolean
}>

export type BulkChapter = Readonly<{
  title: string | null
  sections: readonly Section[]
  wordCount: number | null
}>

/** One work of a bulk load, with the fields an import stores; tags and creators by index. */
export type BulkWork = Readonly<{
  id: WorkId
  title: string
  summary: string | null
  rating: Rating
  language: string | null
  wordCount: number
  complete: boolean
  chapterCount: number
  /** YYYY-MM-DD */
  posted: string
  updated: string
  kudos: number
  hits: number
  comments: number
  bookmarks: number
  /** ISO 8601 */
  createdAt: string
  creators: readonly number[]
  /** In AO3's order: rating, warnings, categories, fandoms, relationships, characters, freeforms. */
  tags: readonly number[]
  chapters: readonly BulkChapter[]
}>

/** The tables a bulk load writes, each column with its type (for PostgreSQL's arrays). */
export const BULK_COLUMNS = {
  tags: { kind: 'text', name: 'text', name_key: 'text', platonic: 'integer', created_at: 'text' },
  tag_parents: { child_id: 'integer', parent_id: 'integer' },
  creators: { name: 'text', name_key: 'text', created_at: 'text' },
  works: {
    id: 'text', title: 'text', summary: 'text', rating: 'text', language: 'text',
    word_count: 'integer', complete: 'integer', chapter_count: 'integer', posted_at: 'text',
    updated_at: 'text', dates_from_source: 'integer', kudos_count: 'integer',
    hits_count: 'integer', comments_count: 'integer', bookmarks_count: 'integer',
    created_at: 'text',
  },
  work_creators: { work_id: 'text', creator_id: 'integer', position: 'integer' },
  work_tags: { work_id: 'text', tag_id: 'integer', position: 'integer' },
  chapters: {
    id: 'integer', work_id: 'text', position: 'integer', title: 'text', sections: 'text',
    word_count: 'integer',
  },
} as const satisfies Record<string, Record<string, 'text' | 'integer'>>

export type BulkTable = keyof typeof BULK_COLUMNS
export type BulkValue = string | number | null

/** What differs between the databases in a bulk load, as one capability object. */
export type BulkSink = Readonly<{
  /** Works already stored; a bulk load writes only into an empty archive. */
  countWorks(): Promise<number>
  /** Drops secondary indexes (and on PostgreSQL foreign keys), remembering them for `finish`. */
  start(): Promise<void>
  begin(): Promise<void>
  commit(): Promise<void>
  /** Rows in the order of BULK_COLUMNS[table]. */
  insert(table: BulkTable, rows: readonly (readonly BulkValue[])[]): Promise<void>
  /** Inserts rows whose `name_key` is unique; returns their new ids by name_key. */
  insertKeyed(table: 'tags' | 'creators', rows: readonly (readonly BulkValue[])[]): Promise<Map<string, number>>
  /** The ids of tags that already exist, by name_key. */
  existingTagIds(): Promise<Map<string, number>>
  setCanonicals(pairs: ReadonlyArray<readonly [synonymId: number, canonicalId: number]>): Promise<void>
  nextChapterId(): Promise<number>
  insertChapterTexts(chapters: readonly ChapterText[]): Promise<void>
  /** Rebuilds what `start` dropped, the full-text index's structure, statistics; logs a change. */
  finish(onPhase: (phase: string) => void): Promise<void>
  close(): Promise<void>
}>

/** Writes a whole archive fast: tags and creators first, then works in batches, indexes last. */
export type BulkLoader = Readonly<{
  /** Fails, writing nothing, when the archive already holds works. */
  begin(tags: readonly BulkTag[], creators: readonly string[]): Promise<void>
  writeWorks(works: readonly BulkWork[]): Promise<void>
  finish(onPhase: (phase: string) => void): Promise<void>
  close(): Promise<void>
}>

/**
 * Opens the database at `url` for a bulk load. On SQLite it takes the file for itself (no other
 * process may use it meanwhile) and keeps its journal in memory until `finish`: a load that is
 * interrupted leaves a file to delete, not an archive to trust.
 */
export async function openBulkLoader(url: string, cwd: string): Promise<BulkLoader> {
  const location = parseDatabaseUrl(url, cwd)
  const sink = location.kind === 'sqlite' ? openBulkSqlite(location.path) : await openBulkPostgres(location.url)
  return bulkLoader(sink)
}

function bulkLoader(sink: BulkSink): BulkLoader {
  let tagIds: number[] = []
  let creatorIds: number[] = []
  let nextChapter = 1
  return {
    async begin(tags, creators) {
      const stored = await sink.countWorks()
      if (stored > 0) throw new ArchiveNotEmpty(stored)
      await sink.start()
      await sink.begin()
      tagIds = await writeTags(sink, tags)
      const now = new Date(0).toISOString()
      const creatorKeys = await sink.insertKeyed(
        'creators',
        creators.map((name) => [name, nameKey(name), now]),
      )
      creatorIds = creators.map((name) => creatorKeys.get(nameKey(name)) ?? -1)
      nextChapter = await sink.nextChapterId()
      await sink.commit()
    },
    async writeWorks(works) {
      const rows = toRows(works, tagIds, creatorIds, nextChapter)
      nextChapter += rows.chapters.length
      await sink.begin()
      await sink.insert('works', rows.works)
      await sink.insert('work_creators', rows.workCreators)
      await sink.insert('work_tags', rows.workTags)
      await sink.insert('chapters', rows.chapters)
      await sink.insertChapterTexts(rows.texts)
      await sink.commit()
    },
    finish: (onPhase) => sink.finish(onPhase),
    close: () => sink.close(),
  }
}

/** Thrown by `begin` when the archive holds works already. */
export class ArchiveNotEmpty extends Error {
  readonly works: number
  constructor(works: number) {
    super(`the archive already holds ${String(works)} works`)
    this.name = 'ArchiveNotEmpty'
    this.works = works
  }
}

async function writeTags(sink: BulkSink, tags: readonly BulkTag[]): Promise<number[]> {
  const existing = await sink.existingTagIds()
  const now = new Date(0).toISOString()
  const fresh = tags.filter((tag) => !tag.fixed && !existing.has(nameKey(tag.name)))
  const inserted = await sink.insertKeyed(
    'tags',
    fresh.map((tag) => [tag.kind, tag.name, nameKey(tag.name), toFlag(tag.platonic), now]),
  )
  const ids = tags.map((tag) => {
    const key = nameKey(tag.name)
    const id = existing.get(key) ?? inserted.get(key)
    if (id === undefined) throw new Error(`bulk load: tag "${tag.name}" was neither found nor made`)
    return id
  })
  const canonicals: Array<readonly [number, number]> = []
  const parents: Array<readonly [number, number]> = []
  tags.forEach((tag, index) => {
    const id = ids[index] ?? -1
    if (tag.canonical !== null) canonicals.push([id, ids[tag.canonical] ?? -1])
    for (const parent of new Set(tag.parents)) parents.push([id, ids[parent] ?? -1])
  })
  await sink.setCanonicals(canonicals)
  await sink.insert('tag_parents', parents)
  return ids
}

type Rows = {
  works: BulkValue[][]
  workCreators: BulkValue[][]
  workTags: BulkValue[][]
  chapters: BulkValue[][]
  texts: ChapterText[]
}

function toRows(works: readonly BulkWork[], tagIds: readonly number[], creatorIds: readonly number[], firstChapter: number): Rows {
  const rows: Rows = { works: [], workCreators: [], workTags: [], chapters: [], texts: [] }
  let chapterId = firstChapter
  for (const work of works) {
    rows.works.push([
      work.id, work.title, work.summary, work.rating, work.language, work.wordCount,
      toFlag(work.complete), work.chapterCount, work.posted, work.updated, 1, work.kudos,
      work.hits, work.comments, work.bookmarks, work.createdAt,
    ])
    work.creators.forEach((creator, index) => {
      rows.workCreators.push([work.id, creatorIds[creator] ?? -1, index + 1])
    })
    const seen = new Set<number>()
    for (const tag of work.tags) {
      const id = tagIds[tag] ?? -1
      if (seen.has(id)) continue
      seen.add(id)
      rows.workTags.push([work.id, id, seen.size])
    }
    work.chapters.forEach((chapter, index) => {
      const id = chapterId++
      rows.chapters.push([id, work.id, index + 1, chapter.title, sectionsToJson(chapter.sections), chapter.wordCount])
      const text = chapterText({ chapterId: id, workId: work.id, position: index + 1 }, chapter.sections)
      // A chapter with no story text (a work seeded without text) has nothing to index.
      if (text.text !== '') rows.texts.push(text)
    })
  }
  return rows
}
