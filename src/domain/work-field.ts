import type { ArchiveWarning } from './archive-warning.js'
import type { Category } from './category.js'
import type { Rating } from './rating.js'
import type { TagName } from './tag.js'
import type { ChapterDraft, ContentNotice, WorkNotes } from './work-draft.js'

/**
 * The fields of a work that a person may edit and a reparse may read again, named as
 * `WorkDraft` names them. `dates` is posted and updated together; `rating` is the rating and
 * its tag, `ratingOriginal` the text the source wrote.
 */
export const WORK_FIELDS = [
  'title',
  'creators',
  'rating',
  'ratingOriginal',
  'archiveWarnings',
  'categories',
  'fandoms',
  'relationships',
  'characters',
  'freeforms',
  'summary',
  'notes',
  'disclaimer',
  'dates',
  'complete',
  'language',
  'wordCount',
  'chapters',
  'contentNotices',
] as const
export type WorkField = (typeof WORK_FIELDS)[number]

/** Whether `value` names a work field. */
export function isWorkField(value: unknown): value is WorkField {
  return WORK_FIELDS.some((field) => field === value)
}

/** A work's posted and updated days, YYYY-MM-DD. */
export type WorkDates = Readonly<{ posted: string; updated: string }>

/** A relationship tag as a work asks for it. */
export type RelationshipEdit = Readonly<{ name: TagName; platonic: boolean }>

// Names every field, and nothing else: a new field goes into WORK_FIELDS before it can be edited.
type EveryField<T extends Record<WorkField, unknown> & Record<Exclude<keyof T, WorkField>, never>> = T

/** The value of every work field, as an edit gives it. */
export type WorkFieldValues = EveryField<
  Readonly<{
    title: string
    creators: readonly string[]
    rating: Rating
    ratingOriginal: string | null
    archiveWarnings: readonly ArchiveWarning[]
    categories: readonly Category[]
    fandoms: readonly TagName[]
    relationships: readonly RelationshipEdit[]
    characters: readonly TagName[]
    freeforms: readonly TagName[]
    summary: string | null
    notes: WorkNotes
    disclaimer: string | null
    dates: WorkDates
    complete: boolean
    language: string | null
    wordCount: number
    chapters: readonly ChapterDraft[]
    contentNotices: readonly ContentNotice[]
  }>
>

/** New values for some of a work's fields; the fields left out stay as they are. */
export type WorkEdit = Partial<WorkFieldValues>

/** The fields an edit names, in WORK_FIELDS order. */
export function editedFieldsOf(edit: WorkEdit): WorkField[] {
  return WORK_FIELDS.filter((field) => Object.hasOwn(edit, field))
}
