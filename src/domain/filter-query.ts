import type { ArchiveWarning } from './archive-warning.js'
import type { Brand } from './brand.js'
import type { Category } from './category.js'
import type { Rating } from './rating.js'
import type { TagName } from './tag.js'

/** The orders a listing can take; `best` is full-text relevance and needs a text query. */
export const FILTER_SORTS = [
  'updated',
  'posted',
  'title',
  'creator',
  'words',
  'kudos',
  'hits',
  'comments',
  'bookmarks',
  'best',
] as const
export type FilterSort = (typeof FILTER_SORTS)[number]

/** Crossovers (works in 2+ fandoms): shown with the rest, left out, or shown alone. */
export const CROSSOVER_FILTERS = ['include', 'exclude', 'only'] as const
export type CrossoverFilter = (typeof CROSSOVER_FILTERS)[number]

export type CompletionFilter = 'any' | 'complete' | 'in-progress'

/** A calendar day, YYYY-MM-DD, checked to exist. */
export type IsoDay = Brand<string, 'IsoDay'>
/** ISO 639-1 (or 639-3 where there is no two-letter code), lower case. */
export type LanguageCode = Brand<string, 'LanguageCode'>
/** A page of a listing, from 1. */
export type PageNumber = Brand<number, 'PageNumber'>

/** Inclusive bounds; null is open. */
export type Range<T> = Readonly<{ min: T | null; max: T | null }>

/**
 * What a reader asked a listing for. Tags are names, as the URL spells them; the filter engine
 * resolves them (synonyms to their canonical tag, metatags with their subtags). Ratings,
 * warnings and categories each match any of the values given; `include` needs every tag,
 * `exclude` none.
 */
export type FilterQuery = Readonly<{
  include: readonly TagName[]
  exclude: readonly TagName[]
  ratings: readonly Rating[]
  warnings: readonly ArchiveWarning[]
  categories: readonly Category[]
  crossover: CrossoverFilter
  completion: CompletionFilter
  language: LanguageCode | null
  words: Range<number>
  /** The day a work was last updated, both ends inclusive. */
  updated: Range<IsoDay>
  /** Text to search for within the results; the full-text engine reads it. */
  text: string | null
  sort: FilterSort
  page: PageNumber
}>

/** Every work, newest update first, page 1. */
export const EMPTY_FILTER_QUERY: FilterQuery = {
  include: [],
  exclude: [],
  ratings: [],
  warnings: [],
  categories: [],
  crossover: 'include',
  completion: 'any',
  language: null,
  words: { min: null, max: null },
  updated: { min: null, max: null },
  text: null,
  sort: 'updated',
  page: 1 as PageNumber,
}

/** `raw` as a page number when it is a whole number from 1; undefined otherwise. */
export function makePageNumber(raw: number): PageNumber | undefined {
  return Number.isSafeInteger(raw) && raw >= 1 ? (raw as PageNumber) : undefined
}

/** `raw` as a day when it is YYYY-MM-DD and that day exists (no 2023-02-30). */
export function makeIsoDay(raw: string): IsoDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(raw)
  if (match === null) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  const exists =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return exists ? (raw as IsoDay) : undefined
}

/** `raw` as a language code when it is two or three letters a-z. */
export function makeLanguageCode(raw: string): LanguageCode | undefined {
  const code = raw.trim().toLowerCase()
  return /^[a-z]{2,3}$/u.test(code) ? (code as LanguageCode) : undefined
}
