import { mapLegacyRating } from '../domain/legacy-rating.js'
import { makeTagName, type TagName } from '../domain/tag.js'
import type { WorkDraft } from '../domain/work-draft.js'
import { readArchiveWarnings, type WarningReading } from './archive-warnings.js'
import { fieldText, fieldTexts, type HeaderValues, headerRule } from './header-values.js'
import { inferFandomFromDisclaimer } from './infer-fandom.js'
import { readCast, splitList } from './infer-relationships.js'
import { readCategories } from './legacy-category.js'
import { addIssue, recordField, type ReportCollector } from './report-collector.js'

/** The tags of a draft, as read from its header. */
export type DraftTags = Pick<
  WorkDraft,
  | 'rating'
  | 'ratingOriginal'
  | 'archiveWarnings'
  | 'categories'
  | 'fandoms'
  | 'relationships'
  | 'characters'
  | 'freeforms'
>

/** Text that may name a fandom or a genre, with the line it starts on. */
export type LocatedText = Readonly<{ text: string; line: number }>

const SONGFIC = /\bsong[\s-]?fic/iu

// A full stop ending a list goes; one after an initial ("Chloe S.", as FanFiction.Net names
// characters) is part of the name.
function uniqueTags(names: readonly string[]): TagName[] {
  const tags: TagName[] = []
  for (const name of names) {
    const tag = makeTagName(name.replace(/^[*_"“]+|(?:[*_"”]|(?<!(?:^|\s)\p{Lu})\.)+$/gu, ''))
    const isKnown = tags.some((known) => known.toLowerCase() === tag.toLowerCase())
    if (tag !== '' && !isKnown) tags.push(tag)
  }
  return tags
}

// AO3's Gen: no romantic or sexual relationship, and the creator named at least one.
function isAllPlatonic(relationships: DraftTags['relationships']): boolean {
  return relationships.length > 0 && relationships.every((relationship) => relationship.platonic)
}

function readRating(
  header: HeaderValues,
  report: ReportCollector,
): Pick<DraftTags, 'rating' | 'ratingOriginal'> {
  const field = header.first('rating')
  if (field === undefined) {
    recordField(report, 'rating', 0, 'default:not-rated', 0.5)
    return { rating: 'not-rated', ratingOriginal: null }
  }
  const text = fieldText(field)
  const { rating, recognised } = mapLegacyRating(text)
  recordField(report, 'rating', field.line, headerRule(field), recognised ? 1 : 0.3)
  recordField(report, 'ratingOriginal', field.line, headerRule(field), 1)
  if (!recognised) {
    const message = `unknown rating "${text}"; read as Not Rated`
    addIssue(report, 'QUIRE_RESCUE_UNKNOWN_RATING', field.line, field.key, message)
  }
  return { rating, ratingOriginal: text }
}

function readFandoms(
  header: HeaderValues,
  disclaimer: LocatedText | null,
  report: ReportCollector,
): TagName[] {
  const fields = header.all('fandom')
  const [field] = fields
  if (field !== undefined) {
    recordField(report, 'fandoms', field.line, headerRule(field), 1)
    return uniqueTags(fieldTexts(fields).flatMap((text) => text.split(/\s*[,;/]\s*|\s+x\s+/u)))
  }
  const inferred = disclaimer === null ? undefined : inferFandomFromDisclaimer(disclaimer.text)
  if (disclaimer === null || inferred === undefined) return []
  recordField(report, 'fandoms', disclaimer.line, 'disclaimer-ownership', 0.8)
  return uniqueTags([inferred])
}

function readWarnings(header: HeaderValues, report: ReportCollector): WarningReading {
  const fields = header.all('warnings')
  const [field] = fields
  if (field === undefined) {
    // As AO3's importer does for works that say nothing about warnings.
    recordField(report, 'archiveWarnings', 0, 'default:choose-not-to-warn', 0.5)
    return { warnings: ['choose-not-to-warn'], unmapped: [] }
  }
  recordField(report, 'archiveWarnings', field.line, headerRule(field), 0.9)
  return readArchiveWarnings(fieldTexts(fields).flatMap(splitList))
}

/** Reads rating, warnings, categories, fandoms, relationships, characters and freeforms. */
export function readDraftTags(
  header: HeaderValues,
  disclaimer: LocatedText | null,
  statements: readonly LocatedText[],
  report: ReportCollector,
): DraftTags {
  const pairings = header.all('pairing')
  const characterFields = header.all('characters')
  const cast = readCast(fieldTexts(pairings), fieldTexts(characterFields))
  const [pairing] = pairings
  if (pairing !== undefined && cast.relationships.length > 0) {
    recordField(report, 'relationships', pairing.line, headerRule(pairing), 1)
  }
  const castField = pairing ?? characterFields[0]
  if (castField !== undefined && cast.characters.length > 0) {
    recordField(report, 'characters', castField.line, `${headerRule(castField)}:as-written`, 0.9)
  }
  for (const item of cast.unread) {
    const key = pairing?.key ?? 'Pairing'
    report.unrecognised.push({ line: pairing?.line ?? 0, text: `${key}: ${item}` })
  }
  const categoryFields = header.all('category')
  const stated = readCategories(fieldTexts(categoryFields).flatMap(splitList))
  let categories = stated.categories
  const [categoryField] = categoryFields
  if (categoryField !== undefined && categories.length > 0) {
    recordField(report, 'categories', categoryField.line, headerRule(categoryField), 0.9)
  } else if (isAllPlatonic(cast.relationships)) {
    categories = ['gen']
    recordField(report, 'categories', pairing?.line ?? 0, 'all-relationships-platonic', 0.8)
  }
  const warnings = readWarnings(header, report)
  const genres = fieldTexts([...header.all('genre'), ...header.all('freeforms')]).flatMap(splitList)
  const songfic = statements.find((statement) => SONGFIC.test(statement.text))
  if (songfic !== undefined) {
    recordField(report, 'freeforms', songfic.line, 'songfic-mentioned', 0.8)
  }
  const genreField = header.first('genre') ?? header.first('freeforms')
  if (genreField !== undefined) {
    recordField(report, 'freeforms', genreField.line, headerRule(genreField), 0.9)
  }
  const freeforms = [
    ...genres,
    ...(songfic === undefined ? [] : ['Songfic']),
    ...stated.unmapped,
    ...warnings.unmapped,
  ]
  return {
    ...readRating(header, report),
    archiveWarnings: warnings.warnings,
    categories,
    fandoms: readFandoms(header, disclaimer, report),
    relationships: cast.relationships,
    characters: uniqueTags(cast.characters),
    freeforms: uniqueTags(freeforms),
  }
}
