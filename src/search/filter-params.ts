import { ARCHIVE_WARNINGS, archiveWarningFromName } from '../domain/archive-warning.js'
import { CATEGORIES, categoryFromName } from '../domain/category.js'
import { QuireError } from '../domain/errors.js'
import {
  CROSSOVER_FILTERS,
  EMPTY_FILTER_QUERY,
  FILTER_SORTS,
  makeIsoDay,
  makeLanguageCode,
  makePageNumber,
  type CompletionFilter,
  type FilterQuery,
  type IsoDay,
  type PageNumber,
  type Range,
} from '../domain/filter-query.js'
import { RATINGS, ratingFromName } from '../domain/rating.js'
import { makeTagName, TAG_MAX, type TagName } from '../domain/tag.js'

/** At most this many `include` and `exclude` tags together in one query. */
export const FILTER_TAGS_MAX = 50
/** Longer `q` text is refused rather than sent to the full-text engine. */
export const FILTER_TEXT_MAX = 500
/** Page numbers past this clamp to it; the filter then clamps to the last page there is. */
export const FILTER_PAGE_MAX = 1_000_000_000
const WORDS_LIMIT = 1_000_000_000

/** A query string as URLSearchParams or as Fastify parses one (a repeated key gives an array). */
export type RawFilterParams =
  | URLSearchParams
  | Readonly<Record<string, string | readonly string[] | undefined>>

/**
 * The FilterQuery a listing URL spells: `include` and `exclude` (repeatable tag names), `rating`,
 * `warning`, `category` (repeatable, ids such as `teen` or AO3's names), `crossover`
 * (include, exclude, only), `complete` (true, false), `language`, `words_min`, `words_max`,
 * `updated_after`, `updated_before` (YYYY-MM-DD, inclusive), `q`, `sort`, `page`. Unknown keys
 * are ignored, as links from elsewhere carry their own; bad values throw a QuireError.
 */
export function parseFilterParams(raw: RawFilterParams): FilterQuery {
  const values = (key: string): string[] => valuesOf(raw, key)
  const include = values('include')
  const exclude = values('exclude')
  if (include.length + exclude.length > FILTER_TAGS_MAX) {
    throw new QuireError(
      'QUIRE_FILTER_TOO_MANY_TAGS',
      `filter: ${String(include.length + exclude.length)} include and exclude tags; at most ${String(FILTER_TAGS_MAX)} may be given`,
    )
  }
  const sort = single(values, 'sort')
  return {
    include: tagNames('include', include),
    exclude: tagNames('exclude', exclude),
    ratings: oneOfEach('rating', values('rating'), RATINGS, ratingFromName),
    warnings: oneOfEach('warning', values('warning'), ARCHIVE_WARNINGS, archiveWarningFromName),
    categories: oneOfEach('category', values('category'), CATEGORIES, categoryFromName),
    crossover: choice('crossover', single(values, 'crossover'), CROSSOVER_FILTERS) ?? 'include',
    completion: parseCompletion(single(values, 'complete')),
    language: parseLanguage(single(values, 'language')),
    words: parseWords(single(values, 'words_min'), single(values, 'words_max')),
    updated: parseDays(single(values, 'updated_after'), single(values, 'updated_before')),
    text: parseText(single(values, 'q')),
    sort: choice('sort', sort, FILTER_SORTS) ?? EMPTY_FILTER_QUERY.sort,
    page: parsePage(single(values, 'page')),
  }
}

/** The short URL parameters for `query`, defaults left out, in a fixed order for shareable links. */
export function filterQueryToParams(query: FilterQuery): URLSearchParams {
  const params = new URLSearchParams()
  for (const name of query.include) params.append('include', name)
  for (const name of query.exclude) params.append('exclude', name)
  for (const rating of query.ratings) params.append('rating', rating)
  for (const warning of query.warnings) params.append('warning', warning)
  for (const category of query.categories) params.append('category', category)
  if (query.crossover !== 'include') params.set('crossover', query.crossover)
  if (query.completion !== 'any') params.set('complete', String(query.completion === 'complete'))
  if (query.language !== null) params.set('language', query.language)
  if (query.words.min !== null) params.set('words_min', String(query.words.min))
  if (query.words.max !== null) params.set('words_max', String(query.words.max))
  if (query.updated.min !== null) params.set('updated_after', query.updated.min)
  if (query.updated.max !== null) params.set('updated_before', query.updated.max)
  if (query.text !== null) params.set('q', query.text)
  if (query.sort !== EMPTY_FILTER_QUERY.sort) params.set('sort', query.sort)
  if (query.page !== 1) params.set('page', String(query.page))
  return params
}

function valuesOf(raw: RawFilterParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key)
  const value = raw[key]
  if (value === undefined) return []
  return typeof value === 'string' ? [value] : [...value]
}

// A key a form sends once; twice is a hand-made URL that means two things, so say so.
function single(values: (key: string) => string[], key: string): string | undefined {
  const all = values(key).filter((value) => value.trim() !== '')
  if (all.length > 1) {
    throw new QuireError('QUIRE_FILTER_BAD_PARAM', `filter: "${key}" given ${String(all.length)} times; give it once`)
  }
  return all[0]?.trim()
}

function tagNames(key: string, raw: readonly string[]): TagName[] {
  const names: TagName[] = []
  for (const value of raw) {
    if (value.length > TAG_MAX * 4) {
      throw new QuireError('QUIRE_FILTER_BAD_PARAM', `filter: "${key}" tag of ${String(value.length)} characters; tags have at most ${String(TAG_MAX)}`)
    }
    const name = makeTagName(value)
    if (name !== '' && !names.includes(name)) names.push(name)
  }
  return names
}

function oneOfEach<T extends string>(
  key: string,
  raw: readonly string[],
  ids: readonly T[],
  fromName: (name: string) => T | undefined,
): T[] {
  const found: T[] = []
  for (const value of raw) {
    const id = ids.find((candidate) => candidate === value.trim()) ?? fromName(value)
    if (id === undefined) {
      const expected = ids.join(', ')
      throw new QuireError('QUIRE_FILTER_BAD_PARAM', `filter: "${key}" of "${clip(value)}"; expected one of ${expected}`)
    }
    if (!found.includes(id)) found.push(id)
  }
  return found
}

function choice<T extends string>(key: string, raw: string | undefined, ids: readonly T[]): T | undefined {
  if (raw === undefined) return undefined
  const id = ids.find((candidate) => candidate === raw.toLowerCase())
  if (id === undefined) {
    throw new QuireError('QUIRE_FILTER_BAD_PARAM', `filter: "${key}" of "${clip(raw)}"; expected one of ${ids.join(', ')}`)
  }
  return id
}

function parseCompletion(raw: string | undefined): CompletionFilter {
  if (raw === undefined) return 'any'
  // AO3 writes T and F; a form checkbox writes true.
  const value = raw.toLowerCase()
  if (value === 'true' || value === 't' || value === '1') return 'complete'
  if (value === 'false' || value === 'f' || value === '0') return 'in-progress'
  throw new QuireError('QUIRE_FILTER_BAD_PARAM', `filter: "complete" of "${clip(raw)}"; expected true or false`)
}

function parseLanguage(raw: string | undefined): FilterQuery['language'] {
  if (raw === undefined) return null
  const code = makeLanguageCode(raw)
  if (code === undefined) {
    throw new QuireError('QUIRE_FILTER_BAD_PARAM', `filter: "language" of "${clip(raw)}"; expected an ISO 639-1 code such as en`)
  }
  return code
}

function parseWords(min: string | undefined, max: string | undefined): Range<number> {
  const range = { min: wordCount('words_min', min), max: wordCount('words_max', max) }
  if (range.min !== null && range.max !== null && range.min > range.max) {
    throw new QuireError('QUIRE_FILTER_BAD_PARAM', `filter: "words_min" ${String(range.min)} is more than "words_max" ${String(range.max)}`)
  }
  return range
}

function wordCount(key: string, raw: string | undefined): number | null {
  if (raw === undefined) return null
  const digits = raw.replace(/[,_ ]/gu, '')
  if (!/^\d+$/u.test(digits)) {
    throw new QuireError('QUIRE_FILTER_BAD_PARAM', `filter: "${key}" of "${clip(raw)}"; expected a whole number of words`)
  }
  return Math.min(Number(digits), WORDS_LIMIT)
}

function parseDays(after: string | undefined, before: string | undefined): Range<IsoDay> {
  const range = { min: isoDay('updated_after', after), max: isoDay('updated_before', before) }
  if (range.min !== null && range.max !== null && range.min > range.max) {
    throw new QuireError('QUIRE_FILTER_BAD_DATE', `filter: "updated_after" ${range.min} is later than "updated_before" ${range.max}`)
  }
  return range
}

function isoDay(key: string, raw: string | undefined): IsoDay | null {
  if (raw === undefined) return null
  const day = makeIsoDay(raw)
  if (day === undefined) {
    throw new QuireError('QUIRE_FILTER_BAD_DATE', `filter: "${key}" of "${clip(raw)}"; expected a day that exists, as YYYY-MM-DD`)
  }
  return day
}

function parseText(raw: string | undefined): string | null {
  if (raw === undefined) return null
  if (raw.length > FILTER_TEXT_MAX) {
    throw new QuireError('QUIRE_FILTER_BAD_PARAM', `filter: "q" of ${String(raw.length)} characters; at most ${String(FILTER_TEXT_MAX)}`)
  }
  return raw
}

function parsePage(raw: string | undefined): PageNumber {
  if (raw === undefined) return EMPTY_FILTER_QUERY.page
  const page = /^\d+$/u.test(raw) ? makePageNumber(Math.min(Number(raw), FILTER_PAGE_MAX)) : undefined
  if (page === undefined) {
    throw new QuireError('QUIRE_FILTER_BAD_PAGE', `filter: "page" of "${clip(raw)}"; expected a whole number from 1`)
  }
  return page
}

// Messages quote what was sent, but never a whole pasted novel.
function clip(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw
}
