import type { ArchiveWarning } from './archive-warning.js'
import type { Category } from './category.js'
import type { Rating } from './rating.js'
import type { TagName } from './tag.js'

/** AO3's limit on a title's length. */
export const TITLE_MAX = 255

/** The five kinds of body section a rescued chapter is made of. */
export const SECTION_KINDS = ['paragraph', 'break', 'verse', 'heading', 'note'] as const
export type SectionKind = (typeof SECTION_KINDS)[number]

/**
 * One block of a chapter's body. `text` is plain text: a break keeps its marker as written
 * ("* * *"), a verse its lines joined by "\n". A paragraph or verse read from a page that marked
 * its words up (emphasis, strike, ruby…) keeps that as `html`: a fragment sanitised by
 * safety/story-html's allowlist, lines joined by `<br>`, the same words as `text`.
 */
export type Section = Readonly<{ kind: SectionKind; text: string; html?: string }>

export type ChapterDraft = Readonly<{ title: string | null; sections: readonly Section[] }>

export type RelationshipDraft = Readonly<{ name: TagName; platonic: boolean; original: string }>

/** Subjects for which a reader is shown a notice and crisis resources before the text. */
export const CONTENT_TOPICS = ['suicide', 'self-harm'] as const
export type ContentTopic = (typeof CONTENT_TOPICS)[number]

/** A notice the work needs, and the line of the source that called for it. */
export type ContentNotice = Readonly<{ topic: ContentTopic; line: number }>

export type WorkNotes = Readonly<{ beginning: string | null; end: string | null }>

/** A work as rescue reads it from a legacy file, before it has an id or a place in the store. */
export type WorkDraft = Readonly<{
  title: string
  creators: readonly string[]
  rating: Rating
  /** The rating as the source wrote it ("PG-13 for subject matter"), or null. */
  ratingOriginal: string | null
  archiveWarnings: readonly ArchiveWarning[]
  categories: readonly Category[]
  fandoms: readonly TagName[]
  relationships: readonly RelationshipDraft[]
  characters: readonly TagName[]
  freeforms: readonly TagName[]
  summary: string | null
  disclaimer: string | null
  notes: WorkNotes
  contentNotices: readonly ContentNotice[]
  complete: boolean
  /** ISO 639-1 code, or null when the text is too short or mixed to tell. */
  language: string | null
  wordCount: number
  /** ISO 8601 dates (YYYY-MM-DD) from the source, or null when it names none. */
  posted: string | null
  updated: string | null
  chapters: readonly ChapterDraft[]
}>
