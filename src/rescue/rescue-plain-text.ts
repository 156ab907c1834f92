import { RescueError } from '../domain/errors.js'
import type { RescueIssue, RescuedWork } from '../domain/rescue-report.js'
import type { ChapterDraft, Section, WorkDraft } from '../domain/work-draft.js'
import { type AuthorStatement, findContentNotices } from '../safety/content-notices.js'
import { sanitizeStoryFragments } from '../safety/story-html.js'
import { readBodyItems } from './body-items.js'
import { type BodyChapter, readChapters } from './body-sections.js'
import { type DecodedText, decodeText } from './decode-text.js'
import { readDraftStatus } from './draft-status.js'
import { readDraftTags } from './draft-tags.js'
import { type EndText, readDraftTexts, visibleText } from './draft-texts.js'
import { type EndMatter, readEndMatter } from './end-matter.js'
import { type HeaderBlock, readHeaderBlock } from './header-block.js'
import type { HeaderFieldName } from './header-keys.js'
import { fieldParagraphs, type HeaderValues, indexHeader } from './header-values.js'
import { reportEmailsInText } from './emails-in-text.js'
import { readEpubStory } from './epub-book.js'
import { detectLanguage } from './language.js'
import { findNotAStory } from './not-a-story.js'
import { collectPageMarks, type PageMarks } from './page-marks.js'
import {
  createReportCollector,
  finishReport,
  recordField,
  type ReportCollector,
} from './report-collector.js'
import { groupBlocks, splitLines } from './source-lines.js'
import { readStoryFormat } from './story-formats.js'
import { countWords } from './word-count.js'

type ReadStory = Readonly<{
  decoded: DecodedText
  block: HeaderBlock
  end: EndMatter
  chapters: readonly BodyChapter[]
  report: ReportCollector
}>

// Fields rescue understands but never shows: how to write to the author, where the story may
// be archived, counts it recomputes.
const UNSHOWN_FIELDS: readonly HeaderFieldName[] = [
  'feedback',
  'archive',
  'word-count',
  'chapters',
  'language',
]
// Fields in which an author says what the work is about.
const STATEMENT_FIELDS: readonly HeaderFieldName[] = [
  'summary',
  'notes',
  'warnings',
  'spoilers',
  'genre',
  'freeforms',
]
// AO3 counts a chapter's body; breaks and notes are not words of the story.
const COUNTED_KINDS: ReadonlySet<string> = new Set(['paragraph', 'verse', 'heading'])

function isStory(chapters: readonly BodyChapter[]): boolean {
  return chapters.some((chapter) =>
    chapter.sections.some(({ section }) => COUNTED_KINDS.has(section.kind)),
  )
}

function reportUnshownEmails(header: HeaderValues, report: ReportCollector): void {
  for (const field of UNSHOWN_FIELDS.flatMap((name) => header.all(name))) {
    for (const { text, line } of field.paragraphs) visibleText(text, line, field.key, report)
  }
}

type EndTexts = Readonly<{ notes: EndText[]; disclaimer: EndText | null }>

// Closing notes, and fields written after the story: a disclaimer there is the disclaimer,
// a feedback request is dropped like the header's, the rest are labelled closing notes.
function readEndTexts(end: EndMatter, report: ReportCollector): EndTexts {
  const notes: EndText[] = end.notes.map((note) => ({ ...note, key: null }))
  let disclaimer: EndText | null = null
  for (const { field, key, value, line } of end.fields) {
    if (field === 'disclaimer') disclaimer ??= { text: value, line, key: null }
    else if (field === 'feedback' || field === 'archive') visibleText(value, line, key, report)
    else notes.push({ text: value, line, key })
  }
  return { notes, disclaimer }
}

function authorStatements(
  header: HeaderValues,
  endNotes: readonly EndText[],
  chapters: readonly BodyChapter[],
): AuthorStatement[] {
  const fields = STATEMENT_FIELDS.flatMap((name) => header.all(name))
  const notes = chapters
    .flatMap((chapter) => chapter.sections)
    .filter(({ section }) => section.kind === 'note')
  return [
    ...fieldParagraphs(fields).sort((a, b) => a.line - b.line),
    ...notes.map(({ section, line }) => ({ text: section.text, line })),
    ...endNotes,
  ]
}

function refuse(fileName: string, line: number, code: 'EMPTY' | 'NO_STORY', detail: string): never {
  throw new RescueError(`QUIRE_RESCUE_${code}`, { file: fileName, line }, detail)
}

function readStory(bytes: Uint8Array, fileName: string): ReadStory {
  // An EPUB is a zip of XHTML, read from its bytes before decoding refuses any zip as binary.
  const book = collectPageMarks(() => readEpubStory(bytes, fileName))
  const epub = book.value
  const decoded = epub?.decoded ?? decodeText(bytes, fileName)
  if (decoded.text.trim() === '') {
    refuse(fileName, 0, 'EMPTY', 'is empty; there is no story to rescue')
  }
  // A page saved from an old site, a message or a document reads as the text its reader saw.
  const page = collectPageMarks(() => epub?.story ?? readStoryFormat(decoded.text, fileName))
  const marks = epub === undefined ? page.marks : book.marks
  const { format, label, text, issues } = page.value
  if (text.trim() === '') refuse(fileName, 0, 'EMPTY', `is ${label} with no text in it`)
  const lines = splitLines(text)
  const notAStory = findNotAStory(lines)
  if (notAStory !== undefined) refuse(fileName, 0, 'NO_STORY', notAStory)
  const blocks = groupBlocks(lines)
  const block = readHeaderBlock(blocks)
  const end = readEndMatter(blocks.slice(block.bodyStart))
  const chapters = readChapters(readBodyItems(end.storyBlocks), marks).filter(
    (chapter) => chapter.sections.length > 0,
  )
  if (!isStory(chapters)) {
    const last = block.fields[block.fields.length - 1]
    if (last === undefined) refuse(fileName, 0, 'NO_STORY', 'holds no story text')
    refuse(fileName, last.line, 'NO_STORY', 'has a header but no story text after it')
  }
  const report = createReportCollector(format, [...decoded.issues, ...issues, ...reportRemoved(marks)])
  report.unrecognised.push(...block.unrecognised)
  return { decoded, block, end, chapters, report }
}

// What the page's HTML held that the archive never keeps, counted: "2 scripts, 1 image".
function reportRemoved(marks: PageMarks): RescueIssue[] {
  if (marks.removed.size === 0) return []
  const counts = [...marks.removed].map(([what, count]) => `${String(count)} ${count === 1 ? what : `${what}s`}`)
  const message = `removed from the page's HTML as unsafe, its text kept: ${counts.join(', ')}`
  return [{ code: 'QUIRE_RESCUE_HTML_REMOVED', line: 0, field: 'chapters', message }]
}

function readDisclaimer(
  stated: string | null,
  header: HeaderValues,
  end: EndTexts,
  report: ReportCollector,
): Readonly<{ text: string; line: number }> | null {
  const line = header.first('disclaimer')?.line ?? end.disclaimer?.line ?? 0
  if (stated !== null) return { text: stated, line }
  if (end.disclaimer === null) return null
  recordField(report, 'disclaimer', line, 'end-field', 0.9)
  return { text: visibleText(end.disclaimer.text, line, 'disclaimer', report), line }
}

// The chapters' sections, each one's markup through the story allowlist (all in one pass).
function sanitizeSections(chapters: readonly BodyChapter[]): ChapterDraft[] {
  const marked = chapters.flatMap((chapter) => chapter.sections.flatMap(({ section }) => section.html ?? []))
  const clean = sanitizeStoryFragments(marked)
  let next = 0
  return chapters.map((chapter) => ({
    title: chapter.title,
    sections: chapter.sections.map(({ section }) => {
      if (section.html === undefined) return section
      const html = clean[next++] ?? ''
      // Markup that kept no words would hide the section's text: the text is shown instead.
      return html.trim() === '' ? { kind: section.kind, text: section.text } : { ...section, html }
    }),
  }))
}

function countSectionWords(sections: readonly Section[]): number {
  let count = 0
  for (const section of sections) {
    if (COUNTED_KINDS.has(section.kind)) count += countWords(section.text)
  }
  return count
}

/**
 * Rescues one legacy plain-text story: bytes and the file's name in, a draft work, a report of
 * where each value came from, and how the bytes were decoded out. Throws RescueError when the
 * file holds no story at all (empty, binary, undecodable, only a header).
 */
export function rescuePlainText(bytes: Uint8Array, fileName: string): RescuedWork {
  const { decoded, block, end, chapters, report } = readStory(bytes, fileName)
  const header = indexHeader(block.fields)
  reportUnshownEmails(header, report)
  reportEmailsInText(chapters, report)
  const endTexts = readEndTexts(end, report)
  const texts = readDraftTexts(header, block, endTexts.notes, fileName, report)
  const disclaimer = readDisclaimer(texts.disclaimer, header, endTexts, report)
  const statements = authorStatements(header, endTexts.notes, chapters)
  const tags = readDraftTags(header, disclaimer, statements, report)
  const contentNotices = findContentNotices(statements)
  const [notice] = contentNotices
  if (notice !== undefined) {
    recordField(report, 'contentNotices', notice.line, 'safety:author-statement', 0.9)
  }
  const drafts = sanitizeSections(chapters)
  const sections = drafts.flatMap((chapter) => chapter.sections)
  recordField(report, 'wordCount', 0, 'ao3-word-rule', 1)
  const chapterRule = chapters.length > 1 ? 'chapter-headings' : 'single-chapter'
  recordField(report, 'chapters', chapters[0]?.line ?? 0, chapterRule, 0.9)
  const prose = sections.filter((section) => section.kind === 'paragraph')
  const language = detectLanguage(prose.map((section) => section.text))
  if (language !== null) recordField(report, 'language', 0, 'franc', 0.7)
  const work: WorkDraft = {
    ...texts,
    ...tags,
    disclaimer: disclaimer?.text ?? null,
    contentNotices,
    ...readDraftStatus(header, end.marker, report),
    language,
    wordCount: countSectionWords(sections),
    chapters: drafts,
  }
  return { work, report: finishReport(report), source: decoded.source }
}
