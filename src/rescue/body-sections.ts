import type { Section } from '../domain/work-draft.js'
import { readTextUnits } from './block-units.js'
import type { BodyItem } from './body-items.js'
import { readEndMarker } from './end-marker.js'
import type { PageMarks } from './page-marks.js'
import { unwrapLines } from './source-lines.js'
import { isStanza } from './verse.js'

// What may come before the first chapter heading and still belong to the first chapter.
const PREFACE_KINDS: ReadonlySet<string> = new Set(['note', 'break'])

/** A section and the source line it starts on. */
export type PlacedSection = Readonly<{ section: Section; line: number }>

/** A chapter as read from the body: its title and its sections in order. */
export type BodyChapter = Readonly<{
  title: string | null
  line: number
  sections: PlacedSection[]
}>

type NumberedText = Readonly<{ number: number; text: string }>

// A paragraph or stanza, with the HTML its page gave its lines when it gave any.
function textSection(kind: 'paragraph' | 'verse', text: string, lines: readonly string[], marks?: PageMarks): Section {
  const html = marks?.sectionHtml(lines)
  return html === undefined ? { kind, text } : { kind, text, html }
}

// Consecutive one-line paragraphs that could each be verse (lyrics typed one line per
// paragraph) make one stanza; a lone one is a paragraph.
function flushLines(sections: PlacedSection[], lines: readonly NumberedText[], marks?: PageMarks): void {
  const [first] = lines
  if (first === undefined) return
  const texts = lines.map((line) => line.text)
  if (isStanza(texts)) {
    sections.push({ section: textSection('verse', texts.join('\n'), texts, marks), line: first.number })
    return
  }
  for (const line of lines) {
    sections.push({ section: textSection('paragraph', line.text, [line.text], marks), line: line.number })
  }
}

function readSections(items: readonly BodyItem[], marks?: PageMarks): PlacedSection[] {
  const sections: PlacedSection[] = []
  let lines: NumberedText[] = []
  const flush = (): void => {
    flushLines(sections, lines, marks)
    lines = []
  }
  for (const item of items) {
    if (item.kind === 'chapter') continue
    if (item.kind !== 'text') {
      flush()
      sections.push({ section: { kind: item.kind, text: item.text }, line: item.line })
      continue
    }
    for (const unit of readTextUnits(item.lines, marks)) {
      const first = unit.lines[0]
      if (first === undefined) continue
      if (unit.kind === 'line') {
        lines.push(first)
        continue
      }
      flush()
      const texts = unit.lines.map((line) => line.text)
      const section =
        unit.kind === 'stanza'
          ? textSection('verse', texts.join('\n'), texts, marks)
          : textSection('paragraph', unwrapLines(unit.lines), texts, marks)
      sections.push({ section, line: first.number })
    }
  }
  flush()
  return sections
}

// Breaks only separate scenes: one before the first scene or after the last separates
// nothing. "TBC" or "End of chapter 3" closing a chapter that another follows says nothing
// about the work.
function tidyChapter(sections: PlacedSection[], isLast: boolean): PlacedSection[] {
  let start = 0
  let end = sections.length
  const kindAt = (index: number): string | undefined => sections[index]?.section.kind
  while (start < end && kindAt(start) === 'break') start += 1
  for (;;) {
    while (end > start && kindAt(end - 1) === 'break') end -= 1
    const last = sections[end - 1]?.section
    if (isLast || last?.kind !== 'paragraph' || readEndMarker(last.text) === undefined) break
    end -= 1
  }
  return sections.slice(start, end).filter(({ section }) => {
    return section.kind !== 'paragraph' || readEndMarker(section.text) !== 'chapter-end'
  })
}

/**
 * Splits body items at chapter headings and reads each chapter's sections; a page's marks give
 * its paragraphs and stanzas their inline markup, and set its verse apart.
 */
export function readChapters(items: readonly BodyItem[], marks?: PageMarks): BodyChapter[] {
  const groups: { title: string | null; line: number; items: BodyItem[] }[] = [
    { title: null, line: 0, items: [] },
  ]
  for (const item of items) {
    if (item.kind === 'chapter') groups.push({ title: item.title, line: item.line, items: [] })
    else groups[groups.length - 1]?.items.push(item)
  }
  const chapters = groups.map((group, index) => ({
    title: group.title,
    line: group.line,
    sections: tidyChapter(readSections(group.items, marks), index === groups.length - 1),
  }))
  const [opening, ...rest] = chapters
  if (opening === undefined || rest.length === 0) return chapters
  // Notes before the first chapter heading belong to it; prose there is a chapter of its own.
  const isPreface = opening.sections.every(({ section }) => PREFACE_KINDS.has(section.kind))
  if (isPreface) {
    const [first, ...others] = rest
    if (first === undefined) return chapters
    const notes = opening.sections.filter(({ section }) => section.kind === 'note')
    return [{ ...first, sections: [...notes, ...first.sections] }, ...others]
  }
  return chapters
}
