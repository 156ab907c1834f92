import type { EfictionRecord } from './archive-story.js'
import { CATEGORY_WORDS } from './efiction-page.js'
import { htmlToText } from './html-to-text.js'
import { decodeStoryFile } from './story-file-text.js'
import type { FormatReading } from './story-formats.js'
import { type PageChapter, type PageField, writeStoryText } from './story-text-writer.js'

type Row = EfictionRecord['story']

// eFiction writes its text fields as HTML (TinyMCE, or <br /> where the author pressed Enter).
const HAS_TAGS = /<\/?[a-z][^>]*>/iu
const NO_DATE = /^0000-00-00/u
// "Harry/Draco", "Kirk & Spock": a category that names a relationship, not a fandom.
const RELATIONSHIP = /\/|\s&\s/u
// Class types whose classes are warnings ("warnings", "Warnings", "Content Warnings").
const WARNING_TYPE = /warn/iu

function text(row: Row, column: string): string {
  const value = row[column]
  return value === undefined || value === null ? '' : String(value).trim()
}

/** An eFiction text field as paragraphs of plain text: HTML read as its reader saw it. */
function paragraphs(value: string): string[] {
  const plain = HAS_TAGS.test(value) ? htmlToText(value) : value.replace(/\r\n?/gu, '\n')
  return plain
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
}

function bodyText(value: string): string {
  return HAS_TAGS.test(value) ? htmlToText(value) : value.replace(/\r\n?/gu, '\n')
}

/**
 * A category by the names on its chain, top first: a top-level category of an eFiction archive
 * is a fandom (on a multi-fandom archive) and so, by default, is each category under it
 * ("Star Trek" > "The Original Series"). A name that is one of AO3's category words ("Het",
 * "Slash") is a category, and one that names two people ("Kirk/Spock") a relationship: archives
 * of one fandom often sorted their stories so.
 */
function readCategories(record: EfictionRecord): PageField[] {
  const names = [...new Set(record.categories.flatMap((chain) => chain.map((row) => text(row, 'category'))))].filter(
    (name) => name !== '',
  )
  const isCategory = (name: string): boolean => CATEGORY_WORDS.test(name)
  const isRelationship = (name: string): boolean => !isCategory(name) && RELATIONSHIP.test(name)
  return [
    ['Fandom', names.filter((name) => !isCategory(name) && !isRelationship(name))],
    ['Category', names.filter(isCategory)],
    ['Pairing', names.filter(isRelationship)],
  ]
}

// Classes sorted by their type: warnings (as AO3's archive warnings where they match one, else
// freeform tags, as rescue reads a "Warnings:" field), and the rest (genres) as freeform tags.
function readClasses(record: EfictionRecord): PageField[] {
  const warningTypes = new Set(
    record.classtypes
      .filter((type) => WARNING_TYPE.test(`${text(type, 'classtype_name')} ${text(type, 'classtype_title')}`))
      .map((type) => text(type, 'classtype_id')),
  )
  const isWarning = (row: Row): boolean => warningTypes.has(text(row, 'class_type'))
  return [
    ['Warnings', record.classes.filter(isWarning).map((row) => text(row, 'class_name'))],
    ['Genre', record.classes.filter((row) => !isWarning(row)).map((row) => text(row, 'class_name'))],
  ]
}

function readDate(row: Row, column: string): string | undefined {
  const value = text(row, column)
  if (value === '' || NO_DATE.test(value)) return undefined
  return value.slice(0, 10)
}

function readSeries(record: EfictionRecord): string[] {
  return record.series.map(({ series, inseries }) => {
    const position = text(inseries, 'inorder')
    return position === '' ? text(series, 'title') : `${text(series, 'title')} (part ${position})`
  })
}

function readChapters(record: EfictionRecord): PageChapter[] {
  const storyTitle = text(record.story, 'title').toLowerCase()
  const isOnly = record.chapters.length === 1
  return record.chapters.map(({ row, file }, index) => {
    const title = text(row, 'title')
    // A one-chapter story's chapter is the story: eFiction names it after the story.
    const isStoryTitle = isOnly && (title === '' || title.toLowerCase() === storyTitle)
    const stored = text(row, 'storytext')
    return {
      number: isStoryTitle ? null : index + 1,
      title: isStoryTitle || title === '' ? null : title,
      notes: paragraphs(text(row, 'notes')),
      text: bodyText(stored !== '' || file === undefined ? stored : decodeStoryFile(file)),
      endNotes: paragraphs(text(row, 'endnotes')),
    }
  })
}

/** A story of an eFiction 3.x database as the plain text rescue reads. */
export function readEfictionStory(record: EfictionRecord): FormatReading {
  const { story } = record
  const completed = text(story, 'completed')
  const fields: PageField[] = [
    ['Title', text(story, 'title')],
    ['Authors', record.authors.map((author) => text(author, 'penname')).filter((name) => name !== '')],
    ['Rating', record.rating === null ? undefined : text(record.rating, 'rating')],
    ...readCategories(record),
    ['Characters', record.characters.map((row) => text(row, 'charname'))],
    ...readClasses(record),
    ['Series', readSeries(record)],
    ['Words', text(story, 'wordcount')],
    ['Status', completed === '' ? undefined : completed === '1' ? 'Complete' : 'In Progress'],
    ['Published', readDate(story, 'date')],
    ['Updated', readDate(story, 'updated')],
  ]
  return {
    text: writeStoryText({
      fields,
      summary: paragraphs(text(story, 'summary')),
      notes: paragraphs(text(story, 'storynotes')),
      chapters: readChapters(record),
      endNotes: [],
    }),
    issues: [],
  }
}
