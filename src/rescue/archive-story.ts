import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import { RescueError } from '../domain/errors.js'
import { readAutomatedArchiveStory } from './automated-archive-story.js'
import { readEfictionStory } from './efiction-story.js'
import type { FormatReading, StoryFormat } from './story-formats.js'

const SqlValue = Type.Union([Type.String(), Type.Number(), Type.Null()])
const SqlRow = Type.Record(Type.String(), SqlValue)

/** A file an archive kept beside its database: its text, or its bytes when they are not UTF-8. */
const StoryFile = Type.Union([
  Type.Object({ name: Type.String(), text: Type.String() }),
  Type.Object({ name: Type.String(), base64: Type.String() }),
])

const EfictionChapter = Type.Object({ row: SqlRow, file: Type.Optional(StoryFile) })

/**
 * One story of an eFiction 3.x database: its own rows, and the rows of the tables it points
 * into that say what its ids mean (authors without their passwords, each category with its
 * parents, characters, classes and their types, its rating, its series).
 */
const EfictionRecord = Type.Object({
  quire: Type.Literal('archive-story'),
  archive: Type.Literal('efiction-3'),
  story: SqlRow,
  authors: Type.Array(SqlRow),
  categories: Type.Array(Type.Array(SqlRow)),
  characters: Type.Array(SqlRow),
  classes: Type.Array(SqlRow),
  classtypes: Type.Array(SqlRow),
  rating: Type.Union([SqlRow, Type.Null()]),
  series: Type.Array(Type.Object({ series: SqlRow, inseries: SqlRow })),
  chapters: Type.Array(EfictionChapter),
})

/** One story of an Automated Archive: its record of ARCHIVE_DB.pl as written, and its files. */
const AutomatedArchiveRecord = Type.Object({
  quire: Type.Literal('archive-story'),
  archive: Type.Literal('automated-archive'),
  id: Type.String(),
  record: Type.Record(Type.String(), Type.String()),
  files: Type.Array(StoryFile),
})

const ArchiveStoryRecord = Type.Union([EfictionRecord, AutomatedArchiveRecord])

export type StoryFile = Static<typeof StoryFile>
export type EfictionRecord = Static<typeof EfictionRecord>
export type EfictionChapterRecord = Static<typeof EfictionChapter>
export type AutomatedArchiveRecord = Static<typeof AutomatedArchiveRecord>
export type ArchiveStoryRecord = Static<typeof ArchiveStoryRecord>

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** A file kept as text when its bytes are UTF-8 (so the source reads as it was), else as base64. */
export function storyFile(name: string, bytes: Uint8Array): StoryFile {
  try {
    return { name, text: UTF8.decode(bytes) }
  } catch {
    // Not UTF-8: the bytes go in unchanged, and rescue guesses their encoding when it reads them.
    return { name, base64: Buffer.from(bytes).toString('base64') }
  }
}

/**
 * The bytes a story of an archive database is kept as, its source: JSON with its keys in the
 * order the database gave them, so the same rows always make the same bytes, and importing the
 * same dump again finds every story unchanged.
 */
export function serialiseArchiveStory(record: ArchiveStoryRecord): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(record, null, 1)}\n`)
}

const MARKER = /^\s*\{\s*"quire"\s*:\s*"archive-story"/u

function readArchiveStory(text: string, fileName: string): FormatReading | undefined {
  if (!MARKER.test(text)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    refused(fileName, `looks like a story of an archive database but is not JSON: ${String(error)}`)
  }
  if (!Value.Check(ArchiveStoryRecord, parsed)) {
    const [first] = Value.Errors(ArchiveStoryRecord, parsed)
    const where = first === undefined ? '' : ` (${first.instancePath}: ${first.message})`
    refused(fileName, `is not a story record Quire wrote${where}`)
  }
  return parsed.archive === 'efiction-3' ? readEfictionStory(parsed) : readAutomatedArchiveStory(parsed)
}

// A record Quire cannot read holds no story it can rescue.
function refused(fileName: string, detail: string): never {
  throw new RescueError('QUIRE_RESCUE_BAD_ARCHIVE', { file: fileName, line: 0 }, detail)
}

/**
 * A story of an old archive's database, as `quire import-archive` keeps it (see
 * `serialiseArchiveStory`); read again to the plain text rescue reads, so `quire reparse`
 * reads it as the import did.
 */
export const ARCHIVE_STORY: StoryFormat = {
  name: 'archive-story',
  label: 'a story of an archive database',
  read: readArchiveStory,
}
