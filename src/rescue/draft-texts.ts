import { TITLE_MAX, type WorkNotes } from '../domain/work-draft.js'
import type { HeaderBlock, HeaderField } from './header-block.js'
import type { HeaderFieldName } from './header-keys.js'
import { fieldText, type HeaderValues, headerRule } from './header-values.js'
import { addIssue, recordField, type ReportCollector } from './report-collector.js'
import { hasEmail, stripEmails } from './strip-emails.js'

/** The free texts of a draft: title, creators, summary, disclaimer and notes. */
export type DraftTexts = Readonly<{
  title: string
  creators: readonly string[]
  summary: string | null
  disclaimer: string | null
  notes: WorkNotes
}>

/** A closing note or field found after the story. */
export type EndText = Readonly<{ text: string; line: number; key: string | null }>

// Fields shown on the work's page as a labelled line of its beginning notes.
const NOTE_EXTRAS: ReadonlySet<HeaderFieldName> = new Set([
  'spoilers',
  'dedication',
  'beta',
  'context',
])

/** Field text fit for a page: e-mail addresses go, and each one found is reported. */
export function visibleText(
  text: string,
  line: number,
  field: string,
  report: ReportCollector,
): string {
  if (!hasEmail(text)) return text
  addIssue(
    report,
    'QUIRE_RESCUE_EMAIL_IN_HEADER',
    line,
    field,
    'an e-mail address in this field stays in the source and is not shown on any page',
  )
  return stripEmails(text)
}

function unquote(text: string): string {
  return text.replace(/^(["“'‘*_]+)(.+?)(["”'’*_]+)$/u, '$2').trim()
}

// A title: the Title field, else a short unlabelled line above the story, else the file name.
function readTitle(
  header: HeaderValues,
  block: HeaderBlock,
  fileName: string,
  report: ReportCollector,
): string {
  const field = header.first('title')
  if (field !== undefined) {
    recordField(report, 'title', field.line, headerRule(field), 1)
    const { titleLine } = block
    if (titleLine !== null) {
      report.unrecognised.push({ line: titleLine.number, text: titleLine.text })
    }
    return unquote(fieldText(field)).slice(0, TITLE_MAX)
  }
  if (block.titleLine !== null) {
    recordField(report, 'title', block.titleLine.number, 'title-line', 0.6)
    return unquote(block.titleLine.text).slice(0, TITLE_MAX)
  }
  const stem = (fileName.split(/[/\\]/u).pop() ?? '')
    .replace(/\.[^.]*$/u, '')
    .replace(/[_-]+/gu, ' ')
    .trim()
  recordField(report, 'title', 0, 'file-name', 0.2)
  const message = `no title in the file; using its name "${stem}"`
  addIssue(report, 'QUIRE_RESCUE_NO_TITLE', 0, 'title', message)
  return (stem === '' ? 'Untitled' : stem).slice(0, TITLE_MAX)
}

function readCreators(header: HeaderValues, block: HeaderBlock, report: ReportCollector): string[] {
  const names: string[] = []
  const fields = header.all('author')
  const [field] = fields
  if (field !== undefined) recordField(report, 'creators', field.line, headerRule(field), 1)
  const [byLine] = block.byLines
  if (byLine !== undefined) recordField(report, 'creators', byLine.line, 'by-line', 0.8)
  const written = [
    ...fields.map((author) => ({ text: fieldText(author), line: author.line })),
    ...block.byLines.map((by) => ({ text: by.name, line: by.line })),
  ]
  for (const { text, line } of written) {
    const visible = visibleText(text, line, 'creators', report).replace(/\(\s*\)|<\s*>/gu, '')
    for (const name of visible.split(/\s*(?:,|;|&|\band\b)\s*/u)) {
      const clean = name.replace(/^[*_"]+|[*_",.]+$/gu, '').trim()
      if (clean !== '' && !names.includes(clean)) names.push(clean)
    }
  }
  return names
}

function readField(
  fields: readonly HeaderField[],
  name: string,
  report: ReportCollector,
): string | null {
  const [first] = fields
  if (first === undefined) return null
  recordField(report, name, first.line, headerRule(first), 1)
  return fields.map((field) => visibleText(fieldText(field), field.line, name, report)).join('\n\n')
}

function readBeginningNotes(block: HeaderBlock, report: ReportCollector): string | null {
  const parts: string[] = []
  for (const field of block.fields) {
    const isNote = field.field === 'notes'
    if (!isNote && !NOTE_EXTRAS.has(field.field)) continue
    recordField(report, 'notes', field.line, headerRule(field), 1)
    const text = visibleText(fieldText(field), field.line, 'notes', report)
    if (text !== '') parts.push(isNote ? text : `${field.key}: ${text}`)
  }
  return parts.length === 0 ? null : parts.join('\n\n')
}

/** Reads title, creators, summary, disclaimer and notes from the header and the end matter. */
export function readDraftTexts(
  header: HeaderValues,
  block: HeaderBlock,
  endNotes: readonly EndText[],
  fileName: string,
  report: ReportCollector,
): DraftTexts {
  const beginning = readBeginningNotes(block, report)
  const [firstEndNote] = endNotes
  if (firstEndNote !== undefined) recordField(report, 'notes', firstEndNote.line, 'end-note', 0.9)
  const end = endNotes.map((note) => {
    const text = visibleText(note.text, note.line, 'notes', report)
    return note.key === null ? text : `${note.key}: ${text}`
  })
  return {
    title: readTitle(header, block, fileName, report),
    creators: readCreators(header, block, report),
    summary: readField(header.all('summary'), 'summary', report),
    disclaimer: readField(header.all('disclaimer'), 'disclaimer', report),
    notes: { beginning, end: end.length === 0 ? null : end.join('\n\n') },
  }
}
