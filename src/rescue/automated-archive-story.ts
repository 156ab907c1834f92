import type { AutomatedArchiveRecord } from './archive-story.js'
import { fieldOf } from './automated-archive.js'
import { htmlToText, looksLikeHtml } from './html-to-text.js'
import { decodeStoryFile } from './story-file-text.js'
import type { FormatReading } from './story-formats.js'
import { type PageField, writeHeader } from './story-text-writer.js'

// Fields of ARCHIVE_DB.pl records, lower case, and the header key rescue reads each as. Email
// is left out: an author's address is kept in the source, never shown.
const FIELDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Title', ['title']],
  ['Author', ['author', 'authors']],
  ['Fandom', ['fandom', 'fandoms']],
  ['Rating', ['rating']],
  ['Category', ['category', 'categories']],
  ['Pairing', ['pairing', 'pairings', 'relationship', 'relationships']],
  ['Characters', ['characters', 'character']],
  ['Warnings', ['warnings', 'warning']],
  ['Genre', ['genre', 'genres']],
  ['Keywords', ['keywords', 'tags']],
  ['Published', ['date', 'printtime', 'dateprint']],
  ['Updated', ['updated']],
]
const MARKUP = /<\/?[a-z][^>]*>|&#?\w+;/iu

function plain(value: string): string {
  return MARKUP.test(value) ? htmlToText(value) : value
}

function field(record: AutomatedArchiveRecord['record'], names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = fieldOf(record, name)
    if (value !== undefined && value.trim() !== '') return plain(value)
  }
  return undefined
}

function paragraphs(value: string | undefined): string[] {
  return (value ?? '').split(/\n\s*\n/u).map((text) => text.trim()).filter((text) => text !== '')
}

/**
 * A story of an Automated Archive as the plain text rescue reads: the record's fields as a
 * header, then the story's file as its reader saw it. A header the file has of its own follows
 * the record's and joins it: the record's title and rating come first, so they count.
 */
export function readAutomatedArchiveStory(story: AutomatedArchiveRecord): FormatReading {
  const { record } = story
  const fields: PageField[] = FIELDS.map(([key, names]) => [key, field(record, names)])
  const header = writeHeader({
    fields,
    summary: paragraphs(field(record, ['summary', 'storysummary'])),
    notes: paragraphs(field(record, ['notes'])),
  })
  const texts = story.files.map((file) => {
    const text = decodeStoryFile(file)
    return looksLikeHtml(text, file.name) ? htmlToText(text) : text
  })
  return { text: `${[header, ...texts].join('\n\n').trim()}\n`, issues: [] }
}
