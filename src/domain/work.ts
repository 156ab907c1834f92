import type { Brand } from './brand.js'
import type { Creator } from './creator.js'
import type { Rating } from './rating.js'
import type { StoredTag } from './stored-tag.js'
import type { ContentNotice, Section, WorkNotes } from './work-draft.js'

/** A work's id: a ULID, so ids sort by creation time and say nothing else. */
export type WorkId = Brand<string, 'WorkId'>

// Crockford's base 32, upper case, as `ulid` writes it; the first digit keeps it under 2^128.
const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/u

/** The WorkId that `raw` spells, or undefined when it is not a ULID. */
export function parseWorkId(raw: string): WorkId | undefined {
  return ULID_PATTERN.test(raw) ? (raw as WorkId) : undefined
}

/** One chapter as stored, `position` starting at 1. */
export type Chapter = Readonly<{
  position: number
  title: string | null
  notes: WorkNotes
  sections: readonly Section[]
  /** Null when the source gave no way to count one chapter apart from the rest. */
  wordCount: number | null
}>

/** The public counts a work shows in its stats line. */
export type WorkStats = Readonly<{
  kudos: number
  hits: number
  comments: number
  bookmarks: number
}>

/** A stored work, whole: its fields, creators, tags in kind order, notices and chapters. */
export type Work = Readonly<{
  id: WorkId
  title: string
  summary: string | null
  notes: WorkNotes
  disclaimer: string | null
  rating: Rating
  ratingOriginal: string | null
  language: string | null
  wordCount: number
  complete: boolean
  chapterCount: number
  /** YYYY-MM-DD: from the source when `datesFromSource`, else the day it was imported. */
  posted: string
  updated: string
  datesFromSource: boolean
  stats: WorkStats
  restricted: boolean
  /** ISO 8601 timestamp of the moment the work was stored. */
  createdAt: string
  creators: readonly Creator[]
  tags: readonly StoredTag[]
  contentNotices: readonly ContentNotice[]
  chapters: readonly Chapter[]
}>
