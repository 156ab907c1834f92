import type { FieldProvenance, RescueIssue, RescuedWork } from '../domain/rescue-report.js'
import type { ChapterDraft, ContentNotice, WorkDraft } from '../domain/work-draft.js'
import type { PartNumber } from './part-number.js'

/** One file of a story told across files: what rescue made of it, and which part it is. */
export type StoryPart = Readonly<{
  rescued: RescuedWork
  number: PartNumber
  /** The title less its part marker ("The Long Road"), or null when the title had no marker. */
  title: string | null
  /** What the title said after its marker ("Homecoming"), the name of a one-chapter part. */
  subtitle: string | null
}>

/** The parts joined into one story, and the warning for the parts not found, if any. */
export type JoinedParts = Readonly<{ rescued: RescuedWork; missing: RescueIssue | null }>

/**
 * Joins the parts of one story (at least one) into one work: its chapters are the parts'
 * chapters in part order; each header field is the first part's, a later part's filling a gap;
 * content notices of every part are kept (a notice must never be lost to a join). A number
 * not among the parts, below the highest or a stated count, is reported missing.
 */
export function joinParts(given: readonly StoryPart[]): JoinedParts {
  const parts = [...given].sort((a, b) => a.number.part - b.number.part)
  const [first] = parts
  if (first === undefined) throw new Error('joinParts: no parts to join')
  const missing = findMissing(parts)
  const drafts = parts.map((part) => part.rescued.work)
  const pick = <T>(read: (draft: WorkDraft) => T, isGap: (value: T) => boolean): T => {
    for (const draft of drafts) if (!isGap(read(draft))) return read(draft)
    return read(first.rescued.work)
  }
  const isNull = (value: unknown): boolean => value === null
  const isEmpty = (value: readonly unknown[]): boolean => value.length === 0
  const dates = drafts.flatMap((draft) => [draft.posted, draft.updated]).filter((date) => date !== null).sort()
  const posted = pick((draft) => draft.posted, isNull) ?? dates[0] ?? null
  const latest = dates[dates.length - 1] ?? null
  const last = parts[parts.length - 1]?.rescued.work ?? first.rescued.work
  const work: WorkDraft = {
    ...first.rescued.work,
    title: first.title !== null && first.title !== '' ? first.title : first.rescued.work.title,
    creators: pick((draft) => draft.creators, isEmpty),
    rating: pick((draft) => draft.rating, (rating) => rating === 'not-rated'),
    ratingOriginal: pick((draft) => draft.ratingOriginal, isNull),
    archiveWarnings: pick((draft) => draft.archiveWarnings, isEmpty),
    categories: pick((draft) => draft.categories, isEmpty),
    fandoms: pick((draft) => draft.fandoms, isEmpty),
    relationships: pick((draft) => draft.relationships, isEmpty),
    characters: pick((draft) => draft.characters, isEmpty),
    freeforms: pick((draft) => draft.freeforms, isEmpty),
    summary: pick((draft) => draft.summary, isNull),
    disclaimer: pick((draft) => draft.disclaimer, isNull),
    notes: {
      beginning: pick((draft) => draft.notes.beginning, isNull),
      end: pick((draft) => draft.notes.end, isNull),
    },
    contentNotices: uniqueNotices(drafts.flatMap((draft) => draft.contentNotices)),
    // The story is complete when its last part says so and no part is missing.
    complete: last.complete && missing === null,
    language: pick((draft) => draft.language, isNull),
    wordCount: drafts.reduce((sum, draft) => sum + draft.wordCount, 0),
    posted,
    updated: latest !== null && latest !== posted ? latest : first.rescued.work.updated,
    chapters: parts.flatMap(partChapters),
  }
  const fields: Record<string, FieldProvenance> = {}
  for (const part of parts) for (const [name, value] of Object.entries(part.rescued.report.fields)) fields[name] ??= value
  const issues = [...first.rescued.report.issues, ...(missing === null ? [] : [missing])]
  const report = { ...first.rescued.report, fields, issues }
  return { rescued: { work, report, source: first.rescued.source }, missing }
}

// A part told in one untitled chapter takes the name its title gave it.
function partChapters({ rescued, subtitle }: StoryPart): readonly ChapterDraft[] {
  const { chapters } = rescued.work
  const [only] = chapters
  if (chapters.length === 1 && only !== undefined && only.title === null && subtitle !== null) {
    return [{ ...only, title: subtitle }]
  }
  return chapters
}

function uniqueNotices(notices: readonly ContentNotice[]): ContentNotice[] {
  const seen = new Set<string>()
  return notices.filter(({ topic }) => {
    if (seen.has(topic)) return false
    seen.add(topic)
    return true
  })
}

function listNumbers(numbers: readonly number[]): string {
  const words = numbers.map(String)
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`
}

/** The parts between 1 and the highest number (or the stated count) that are not here. */
export function findMissing(parts: readonly StoryPart[]): RescueIssue | null {
  const numbers = [...new Set(parts.map(({ number }) => number.part))].sort((a, b) => a - b)
  // A number from a chapter heading is the first of the file's chapters: "Chapter 6" over five
  // chapters holds chapters 6 to 10.
  const covered = new Set(parts.flatMap(({ number, rescued }) => {
    const span = number.from === 'heading' ? Math.max(1, rescued.work.chapters.length) : 1
    return Array.from({ length: span }, (_, index) => number.part + index)
  }))
  const stated = Math.max(0, ...parts.map(({ number }) => number.of ?? 0))
  const total = Math.max(stated, ...numbers)
  const missing: number[] = []
  for (let part = 1; part <= total; part += 1) if (!covered.has(part)) missing.push(part)
  if (missing.length === 0) return null
  const plural = missing.length > 1
  const message =
    `part${plural ? 's' : ''} ${listNumbers(missing)}${stated > 0 ? ` of ${String(stated)}` : ''} ` +
    `${plural ? 'are' : 'is'} missing: found part${numbers.length > 1 ? 's' : ''} ${listNumbers(numbers)}`
  return { code: 'QUIRE_RESCUE_MISSING_PARTS', line: 0, field: 'chapters', message }
}
