import type { Kysely } from 'kysely'
import { TAG_KINDS } from '../domain/tag.js'
import type { WorkDraft } from '../domain/work-draft.js'
import { WORK_FIELDS, type WorkField } from '../domain/work-field.js'
import type { Work } from '../domain/work.js'
import { nameKey } from './name-key.js'
import type { Database } from './schema.js'
import { sectionsToJson } from './sections-json.js'
import { uniqueBy } from './unique-by.js'
import { findExistingTagIds, TAG_FIELDS, tagsOfKind } from './work-tag-fields.js'
import { draftDates, type WorkWrite } from './write-work-fields.js'

/** Every field's value, as a reparse would write a draft whole. */
export type DraftValues = Required<WorkWrite>

/**
 * What a draft says of each field, in the shape `writeWorkFields` takes. Dates are what an import
 * makes of them: the source's, or the day the work was imported (`importedDay`) when it names none.
 */
export function valuesOfDraft(draft: WorkDraft, importedDay: string): DraftValues {
  return {
    title: draft.title,
    creators: draft.creators,
    rating: draft.rating,
    ratingOriginal: draft.ratingOriginal,
    archiveWarnings: draft.archiveWarnings,
    categories: draft.categories,
    fandoms: draft.fandoms,
    relationships: draft.relationships.map(({ name, platonic }) => ({ name, platonic })),
    characters: draft.characters,
    freeforms: draft.freeforms,
    summary: draft.summary,
    notes: draft.notes,
    disclaimer: draft.disclaimer,
    dates: draftDates(draft, importedDay),
    complete: draft.complete,
    language: draft.language,
    wordCount: draft.wordCount,
    chapters: draft.chapters,
    contentNotices: draft.contentNotices,
  }
}

type FieldKeys = Record<WorkField, string>
type TagField = (typeof TAG_FIELDS)[keyof typeof TAG_FIELDS]
type PlainValues = Omit<DraftValues, Exclude<TagField, 'rating'>>

/**
 * The fields whose stored value differs from what `values` says, in WORK_FIELDS order. Each
 * field is compared as the store would hold it: creators and tags by the creator or tag they
 * would be (so "jen" is Jen, and a freeform "Gen" is "Gen (Additional Tag)"), chapters by
 * title and sections, notices as a set.
 */
export async function findDifferingFields(
  db: Kysely<Database>,
  work: Work,
  values: DraftValues,
): Promise<WorkField[]> {
  const stored = { ...plainKeys(storedValues(work)), ...storedTagKeys(work) }
  const wanted = { ...plainKeys(values), ...(await wantedTagKeys(db, values)) }
  return WORK_FIELDS.filter((field) => stored[field] !== wanted[field])
}

function storedValues(work: Work): PlainValues {
  return {
    title: work.title,
    creators: work.creators.map(({ name }) => name),
    rating: work.rating,
    ratingOriginal: work.ratingOriginal,
    summary: work.summary,
    notes: work.notes,
    disclaimer: work.disclaimer,
    dates: { posted: work.posted, updated: work.updated, fromSource: work.datesFromSource },
    complete: work.complete,
    language: work.language,
    wordCount: work.wordCount,
    chapters: work.chapters,
    contentNotices: work.contentNotices,
  }
}

// Each field's value as one string, equal when the store would hold the same. The rating is
// keyed with the tags, as the column and its tag together.
function plainKeys(values: PlainValues): Omit<FieldKeys, TagField> {
  const key = JSON.stringify
  const creators = values.creators.map((name) => name.trim()).filter((name) => name !== '')
  const notices = uniqueBy(values.contentNotices, ({ topic, line }) => `${topic}:${String(line)}`)
    .map(({ topic, line }) => [line, topic] as const)
    .sort(([a, s], [b, t]) => a - b || (s < t ? -1 : s > t ? 1 : 0))
  const { notes, dates } = values
  return {
    title: key(values.title),
    creators: key(uniqueBy(creators.map(nameKey), (name) => name)),
    ratingOriginal: key(values.ratingOriginal),
    summary: key(values.summary),
    notes: key([notes.beginning, notes.end]),
    disclaimer: key(values.disclaimer),
    dates: key([dates.posted, dates.updated, dates.fromSource]),
    complete: key(values.complete),
    language: key(values.language),
    wordCount: key(values.wordCount),
    chapters: key(values.chapters.map(({ title, sections }) => [title, sectionsToJson(sections)])),
    contentNotices: key(notices),
  }
}

type TagKeys = Record<TagField, string>

function storedTagKeys(work: Work): TagKeys {
  const keys = TAG_KINDS.map((kind) => {
    const ids = work.tags.filter((tag) => tag.kind === kind).map(({ id }) => String(id))
    return [TAG_FIELDS[kind], uniqueBy(ids, (id) => id)] as const
  })
  return tagKeys(work.rating, keys)
}

async function wantedTagKeys(db: Kysely<Database>, values: DraftValues): Promise<TagKeys> {
  const wanted = TAG_KINDS.map((kind) => tagsOfKind(kind, values) ?? [])
  const found = await findExistingTagIds(db, wanted.flat())
  let next = 0
  const keys = TAG_KINDS.map((kind, index) => {
    // A tag not made yet differs from every stored one: it has a name and no id.
    const ids = (wanted[index] ?? []).map((tag) => String(found[next++] ?? `new:${tag.name}`))
    return [TAG_FIELDS[kind], uniqueBy(ids, (id) => id)] as const
  })
  return tagKeys(values.rating, keys)
}

function tagKeys(
  rating: string,
  byField: ReadonlyArray<readonly [TagField, readonly string[]]>,
): TagKeys {
  const keys = Object.fromEntries(byField.map(([field, ids]) => [field, JSON.stringify(ids)]))
  const ids = (field: TagField): string => keys[field] ?? '[]'
  return {
    rating: JSON.stringify([rating, ids('rating')]),
    archiveWarnings: ids('archiveWarnings'),
    categories: ids('categories'),
    fandoms: ids('fandoms'),
    relationships: ids('relationships'),
    characters: ids('characters'),
    freeforms: ids('freeforms'),
  }
}
