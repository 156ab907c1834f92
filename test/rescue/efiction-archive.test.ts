import { describe, expect, it } from 'vitest'
import { RescueError } from '../../src/domain/errors.js'
import type { RescuedWork } from '../../src/domain/rescue-report.js'
import { serialiseArchiveStory, storyFile, type ArchiveStoryRecord } from '../../src/rescue/archive-story.js'
import { EfictionTables, planEfictionStories, type EfictionStoryPlan } from '../../src/rescue/efiction-archive.js'
import { MysqlDumpReader } from '../../src/rescue/mysql-dump.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import { EFICTION_CHAPTER_FILES, EFICTION_DUMP } from '../support/efiction-dump.js'

function plan(dump = EFICTION_DUMP): EfictionStoryPlan[] {
  const reader = new MysqlDumpReader('harbour.sql')
  const tables = new EfictionTables()
  for (const statement of [...reader.push(Buffer.from(dump)), ...reader.end()]) tables.add(statement)
  return planEfictionStories(tables.finish('harbour.sql'))
}

// What `quire import-archive` does with a plan: the chapter files read in, the record kept as
// bytes, and those bytes rescued as `quire reparse` reads them.
function withFiles(story: EfictionStoryPlan): ArchiveStoryRecord {
  const chapters = [...story.record.chapters]
  for (const { index, path } of story.files) {
    const text = EFICTION_CHAPTER_FILES[path]
    const chapter = chapters[index]
    if (text === undefined || chapter === undefined) throw new Error(`no file ${path}`)
    chapters[index] = { ...chapter, file: storyFile(path, Buffer.from(text)) }
  }
  return { ...story.record, chapters }
}

function rescue(id: string): RescuedWork {
  const story = plan().find((candidate) => candidate.id === id)
  if (story === undefined) throw new Error(`no story ${id}`)
  return rescuePlainText(serialiseArchiveStory(withFiles(story)), `efiction-story-${id}.json`)
}

describe('an eFiction archive read from its dump', () => {
  it('finds every story, by sid, whatever the tables are prefixed with', () => {
    expect(plan().map((story) => story.id)).toEqual(['1', '2', '3'])
    expect(plan(EFICTION_DUMP.replaceAll('hl_', 'fanfiction_')).map((story) => story.id)).toEqual(['1', '2', '3'])
  })

  it('reads a story with its authors, rating, category tree, characters, classes, series and dates', () => {
    const { work, report } = rescue('1')
    expect(report.format).toBe('archive-story')
    expect(work).toMatchObject({
      title: 'The Lamp Room',
      creators: ['Wren Halloway'],
      rating: 'teen',
      ratingOriginal: 'PG-13',
      // Category 2 "The Northern Coast" sits under the top category "Lighthouse Keepers".
      fandoms: ['Lighthouse Keepers', 'The Northern Coast'],
      categories: [],
      characters: ['Mara Quell', 'Jonah Fisk'],
      // A warning class that is one of AO3's warnings is that warning; a genre is a freeform.
      archiveWarnings: ['major-character-death'],
      freeforms: ['Angst'],
      summary: 'A keeper, a storm, and a promise kept.',
      notes: { beginning: 'Written for a winter prompt.\n\nSeries: Tides (part 1)', end: 'Thank you for reading.' },
      complete: true,
      posted: '2005-03-01',
      updated: '2005-04-02',
    })
  })

  it('reads chapters in inorder, with their titles, notes and end notes, leaving out unvalidated ones', () => {
    const { work } = rescue('1')
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['The First Night', 'The Second Night'])
    expect(work.chapters[0]?.sections).toEqual([
      { kind: 'note', text: 'My thanks to a patient beta.' },
      { kind: 'paragraph', text: 'Mara Quell had kept the lamp for eleven winters, and she had never once let it go dark.' },
      { kind: 'paragraph', text: '"Hold fast," she told the glass. It\'s what her mother had said.' },
    ])
    expect(work.chapters[1]?.sections.map((section) => section.kind)).toEqual(['paragraph', 'paragraph'])
    expect(plan()[0]?.issues.map((issue) => issue.message)).toEqual([
      'chapters 7 of story 1 await validation on the old archive and are left out',
    ])
  })

  it('credits co-authors, reads a category word as a category, and warnings AO3 lacks as freeforms', () => {
    const { work } = rescue('2')
    expect(work).toMatchObject({
      title: 'Salt and Iron',
      creators: ['Tamsin Reed', 'Odile Marsh'],
      rating: 'explicit',
      ratingOriginal: 'NC-17',
      fandoms: ['Lighthouse Keepers', 'Harbour Tales'],
      categories: ['mm'],
      characters: ['Captain Ives'],
      archiveWarnings: ['choose-not-to-warn'],
      freeforms: ['Romance', 'Mild Language'],
      complete: false,
      posted: '2006-06-10',
      updated: '2006-07-01',
    })
  })

  it('reads chapter text kept in stories/<uid>/<chapid>.txt, as HTML or as plain text', () => {
    expect(plan()[1]?.files).toEqual([
      { index: 0, path: 'stories/2/4.txt' },
      { index: 1, path: 'stories/2/5.txt' },
    ])
    const { work } = rescue('2')
    expect(work.chapters.map((chapter) => [chapter.title, chapter.sections.map((s) => s.text)])).toEqual([
      ['Arrival', [
        'The ship came into the south harbour with its sails torn and its crew singing anyway.',
        'Odile counted the barrels twice and wrote the number on her sleeve.',
      ]],
      ['Departure', [
        'The ship left the north harbour at dawn.',
        'Tamsin watched it go from the sea wall until the mast was a pencil line and then nothing at all.',
      ]],
    ])
  })

  it('reads a one-chapter story as a work of one untitled chapter, escapes and all', () => {
    const { work } = rescue('3')
    expect(work).toMatchObject({
      title: 'Fog Signals',
      creators: ['Wren Halloway'],
      rating: 'general',
      fandoms: ['Harbour Tales'],
      summary: 'Captain Ives \\ the "horn".',
      notes: { beginning: 'Series: Tides (part 2)', end: null },
      posted: '2007-01-05',
      updated: null,
    })
    expect(work.chapters).toHaveLength(1)
    expect(work.chapters[0]?.title).toBeNull()
    expect(work.chapters[0]?.sections[1]?.text).toBe(
      "Captain Ives counted the horn's blasts under his breath: one, two, three, and a back\\slash.",
    )
  })

  it('keeps an author e-mail in the source but never shows it, and never keeps a password', () => {
    const record = withFiles(plan()[0] as EfictionStoryPlan)
    const bytes = Buffer.from(serialiseArchiveStory(record)).toString('utf8')
    expect(bytes).toContain('wren@example.org')
    expect(bytes).not.toContain('5f4dcc3b5aa765d61d8327deb882cf99')
    expect(JSON.stringify(rescue('1').work)).not.toContain('@example')
  })

  it('makes the same bytes from the same dump, so a second import finds them unchanged', () => {
    const once = plan().map((story) => Buffer.from(serialiseArchiveStory(withFiles(story))))
    const twice = plan().map((story) => Buffer.from(serialiseArchiveStory(withFiles(story))))
    expect(once).toEqual(twice)
  })

  it('refuses a dump without eFiction tables', () => {
    const reader = new MysqlDumpReader('other.sql')
    const tables = new EfictionTables()
    for (const statement of reader.push(Buffer.from('CREATE TABLE `posts` (`id` int);'))) tables.add(statement)
    expect(() => tables.finish('other.sql')).toThrow(RescueError)
    expect(() => tables.finish('other.sql')).toThrow(/holds no eFiction tables/u)
  })
})
