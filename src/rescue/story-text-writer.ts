import { readChapterHeading } from './chapter-heading.js'
import { readHeaderLine } from './header-line.js'
import { isNoteLine } from './note-line.js'
import { isSceneBreak } from './scene-break.js'

/** A header field as a site's page gave it: one value, a list (comma-joined) or nothing. */
export type PageField = readonly [key: string, value: string | readonly string[] | null | undefined]

/** One chapter of a site's page: its heading, notes before and after, and its text. */
export type PageChapter = Readonly<{
  number: number | null
  title: string | null
  notes: readonly string[]
  text: string
  endNotes: readonly string[]
}>

/** A story read from a site's page, before it is written as the plain text rescue reads. */
export type PageStory = Readonly<{
  fields: readonly PageField[]
  summary: readonly string[]
  notes: readonly string[]
  chapters: readonly PageChapter[]
  endNotes: readonly string[]
}>

// The plain-text reader lets a field run over at most three more paragraphs (header-block.ts
// GAP_MAX), and reads a paragraph that opens with a quote or runs past 600 characters as the
// story. Such paragraphs, and any that read as a field, heading or break, join the one before.
const FIELD_PARAGRAPHS_MAX = 4
const STORY_LENGTH = 600
// readChapterHeading reads headings of at most 100 characters.
const HEADING_TITLE_MAX = 80

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

function standsAlone(paragraph: string): boolean {
  return (
    paragraph.length <= STORY_LENGTH &&
    !/^["“'‘]/u.test(paragraph) &&
    readHeaderLine(paragraph) === undefined &&
    readChapterHeading(paragraph) === undefined &&
    !isSceneBreak(paragraph) &&
    !isNoteLine(paragraph)
  )
}

/** A field on one line (`Key: value`), or '' when it has no value. */
export function writeField([key, value]: PageField): string {
  const text = typeof value === 'string' ? oneLine(value) : oneLine((value ?? []).join(', '))
  return text === '' ? '' : `${key}: ${text}`
}

/** A field whose value runs over paragraphs (summary, notes), written so the reader keeps it whole. */
export function writeParagraphField(key: string, paragraphs: readonly string[]): string {
  const blocks: string[] = []
  for (const paragraph of paragraphs.map(oneLine).filter((text) => text !== '')) {
    const last = blocks.length - 1
    if (last < 0) blocks.push(`${key}: ${paragraph}`)
    else if (blocks.length < FIELD_PARAGRAPHS_MAX && standsAlone(paragraph)) blocks.push(paragraph)
    else blocks[last] = `${blocks[last] ?? ''} ${paragraph}`
  }
  return blocks.join('\n\n')
}

/** Author's notes inside the story, one labelled paragraph each, read as note sections. */
export function writeNotes(paragraphs: readonly string[]): string {
  return paragraphs
    .map(oneLine)
    .filter((text) => text !== '')
    .map((text) => `A/N: ${text}`)
    .join('\n\n')
}

/** A chapter heading the reader splits at: "Chapter 2: Title", or "Chapter 2". */
export function writeChapterHeading(number: number, title: string | null): string {
  const clean = oneLine(title ?? '')
  if (clean === '') return `Chapter ${number}`
  const short = clean.length > HEADING_TITLE_MAX ? `${clean.slice(0, HEADING_TITLE_MAX - 1)}…` : clean
  return `Chapter ${number}: ${short}`
}

/** The header: multi-paragraph fields first so a field always follows them, then one-line fields. */
export function writeHeader(story: Pick<PageStory, 'fields' | 'summary' | 'notes'>): string {
  return [
    writeParagraphField('Summary', story.summary),
    writeParagraphField('Notes', story.notes),
    story.fields.map(writeField).filter((line) => line !== '').join('\n'),
  ]
    .filter((part) => part !== '')
    .join('\n\n')
}

function writeChapter(chapter: PageChapter, index: number, isOnly: boolean): string {
  const heading =
    isOnly && chapter.title === null && chapter.number === null
      ? ''
      : writeChapterHeading(chapter.number ?? index + 1, chapter.title)
  return [heading, writeNotes(chapter.notes), chapter.text.trim(), writeNotes(chapter.endNotes)]
    .filter((part) => part !== '')
    .join('\n\n')
}

/**
 * The story as the plain text the plain-text reader understands: header fields, a `* * *`
 * closing the header, chapters under "Chapter n: Title" headings with their notes as "A/N:"
 * paragraphs, and the work's end notes last, where the reader finds closing notes.
 */
export function writeStoryText(story: PageStory): string {
  const isOnly = story.chapters.length === 1
  const parts = [
    writeHeader(story),
    '* * *',
    ...story.chapters.map((chapter, index) => writeChapter(chapter, index, isOnly)),
    writeNotes(story.endNotes),
  ]
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`
}
