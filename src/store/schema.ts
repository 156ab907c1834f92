import type { Generated } from 'kysely'
import type { CreatorId } from '../domain/creator.js'
import type { Rating } from '../domain/rating.js'
import type { SourceId } from '../domain/stored-source.js'
import type { TagId } from '../domain/stored-tag.js'
import type { TagKind, TagName } from '../domain/tag.js'
import type { WorkId } from '../domain/work.js'
import type { ContentTopic } from '../domain/work-draft.js'

// Columns are nullable, never optional. Flags are INTEGER 0/1 on both databases, because
// better-sqlite3 cannot bind a boolean; timestamps are ISO 8601 text on both, because pg would
// hand back a Date and SQLite a string. One representation keeps one code path.

/** 0 or 1; `toFlag` and `isSet` in flag.ts convert. */
export type Flag = number

export interface WorksTable {
  id: WorkId
  title: string
  summary: string | null
  notes_beginning: string | null
  notes_end: string | null
  disclaimer: string | null
  rating: Rating
  rating_original: string | null
  /** ISO 639-1 */
  language: string | null
  word_count: number
  complete: Flag
  chapter_count: number
  /** YYYY-MM-DD */
  posted_at: string
  /** YYYY-MM-DD */
  updated_at: string
  dates_from_source: Flag
  kudos_count: Generated<number>
  hits_count: Generated<number>
  comments_count: Generated<number>
  bookmarks_count: Generated<number>
  restricted: Generated<Flag>
  created_at: string
  /** JSON array of the `WorkField`s a person has edited (migration 0013); '[]' at first. */
  edited_fields: Generated<string>
}

export interface ChaptersTable {
  id: Generated<number>
  work_id: WorkId
  /** From 1, unique within a work. */
  position: number
  title: string | null
  notes_beginning: string | null
  notes_end: string | null
  /** JSON array of `Section`. */
  sections: string
  word_count: number | null
}

export interface CreatorsTable {
  id: Generated<CreatorId>
  name: string
  /** `name` folded for comparison; unique. */
  name_key: string
  created_at: string
}

export interface WorkCreatorsTable {
  work_id: WorkId
  creator_id: CreatorId
  position: number
}

export interface TagsTable {
  id: Generated<TagId>
  kind: TagKind
  name: TagName
  /** `name` folded for comparison; unique across the archive, as on AO3. */
  name_key: string
  /** The canonical tag this one is a synonym of, or null. */
  canonical_id: TagId | null
  platonic: Flag
  created_at: string
}

export interface TagParentsTable {
  child_id: TagId
  parent_id: TagId
}

export interface WorkTagsTable {
  work_id: WorkId
  tag_id: TagId
  position: number
}

export interface SeriesTable {
  id: Generated<number>
  title: string
  summary: string | null
  notes: string | null
  complete: Flag
  created_at: string
  updated_at: string
}

export interface SeriesWorksTable {
  series_id: number
  work_id: WorkId
  position: number
}

export interface SourcesTable {
  id: Generated<SourceId>
  work_id: WorkId | null
  /** Lower-case hex; unique, so the same bytes are stored once. */
  sha256: string
  bytes: Buffer
  encoding: string
  encoding_confidence: number
  file_name: string
  byte_length: number
  imported_at: string
  /** The rescue report as JSON. */
  report: string
}

/** Migration 0012: the fingerprint of a work's story text (see `storyFingerprint`). */
export interface WorkFingerprintsTable {
  work_id: WorkId
  /** Lower-case hex; unique, so copies of one story make one work. */
  fingerprint: string
}

export interface ContentNoticesTable {
  work_id: WorkId
  topic: ContentTopic
  line: number
}

/** Every table the store knows, for `Kysely<Database>`. */
export interface Database {
  works: WorksTable
  chapters: ChaptersTable
  creators: CreatorsTable
  work_creators: WorkCreatorsTable
  tags: TagsTable
  tag_parents: TagParentsTable
  work_tags: WorkTagsTable
  series: SeriesTable
  series_works: SeriesWorksTable
  sources: SourcesTable
  content_notices: ContentNoticesTable
  work_fingerprints: WorkFingerprintsTable
}
