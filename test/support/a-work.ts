import type { DecodedSource } from '../../src/domain/source.js'
import type { RescueReport, RescuedWork } from '../../src/domain/rescue-report.js'
import { makeTagName } from '../../src/domain/tag.js'
import type { ChapterDraft, WorkDraft } from '../../src/domain/work-draft.js'
import type { ImportInput } from '../../src/store/import-rescued.js'

/** A chapter with one paragraph, or what the test says. */
export function aChapterDraft(overrides: Partial<ChapterDraft> = {}): ChapterDraft {
  return {
    title: null,
    sections: [{ kind: 'paragraph', text: 'Chloe looked out over the fields.' }],
    ...overrides,
  }
}

/** A valid draft of a short Smallville story; override only what the test is about. */
export function aWorkDraft(overrides: Partial<WorkDraft> = {}): WorkDraft {
  return {
    title: 'Stepping Back',
    creators: ['Jen'],
    rating: 'teen',
    ratingOriginal: 'PG-13',
    archiveWarnings: ['choose-not-to-warn'],
    categories: ['gen'],
    fandoms: [makeTagName('Smallville')],
    relationships: [
      { name: makeTagName('Chloe & Lex'), platonic: true, original: 'Chloe/Lex friendship' },
    ],
    characters: [makeTagName('Chloe'), makeTagName('Lex')],
    freeforms: [makeTagName('Songfic')],
    summary: 'Chloe and Lex, after.',
    disclaimer: "I don't own Smallville.",
    notes: { beginning: 'Thanks to my beta.', end: null },
    contentNotices: [],
    complete: true,
    language: 'en',
    wordCount: 6,
    posted: '2004-05-01',
    updated: '2004-05-01',
    chapters: [aChapterDraft()],
    ...overrides,
  }
}

export type RescuedWorkOverrides = Partial<WorkDraft> &
  Readonly<{ report?: RescueReport; source?: DecodedSource }>

/** What rescue would make of a clean UTF-8 file holding `aWorkDraft(overrides)`. */
export function aRescuedWork({ report, source, ...work }: RescuedWorkOverrides = {}): RescuedWork {
  return {
    work: aWorkDraft(work),
    report: report ?? {
      format: 'plain-text',
      fields: { title: { line: 1, rule: 'header:Title', confidence: 1 } },
      unrecognised: [],
      issues: [],
    },
    source: source ?? { encoding: 'UTF-8', encodingConfidence: 1 },
  }
}

let importCount = 0

export type ImportOverrides = RescuedWorkOverrides &
  Readonly<{ bytes?: Uint8Array; fileName?: string }>

/** An import of a rescued work; its bytes differ from every other call's unless given. */
export function anImport({ bytes, fileName, ...overrides }: ImportOverrides = {}): ImportInput {
  importCount += 1
  const rescued = aRescuedWork(overrides)
  return {
    rescued,
    bytes:
      bytes ??
      new TextEncoder().encode(`Title: ${rescued.work.title}\n\nStory ${String(importCount)}.\n`),
    fileName: fileName ?? `story-${String(importCount)}.txt`,
  }
}
