import { describe, expect, it } from 'vitest'
import { RescueError } from '../../src/domain/errors.js'
import { serialiseArchiveStory, storyFile, type ArchiveStoryRecord } from '../../src/rescue/archive-story.js'
import { planAutomatedArchiveStories } from '../../src/rescue/automated-archive.js'
import { readPerlData } from '../../src/rescue/perl-data.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import { ARCHIVE_DB, HARBOUR_TXT, KEEPERS_LOG_HTML } from '../support/automated-archive.js'

const FILES: Readonly<Record<string, Uint8Array>> = {
  'wren/keepers-log.html': Buffer.from(KEEPERS_LOG_HTML),
  'tamsin/harbour.txt': HARBOUR_TXT,
}

function rescue(id: string) {
  const plan = planAutomatedArchiveStories(ARCHIVE_DB, 'ARCHIVE_DB.pl').find((story) => story.id === id)
  const name = plan?.candidates[0]
  const bytes = name === undefined ? undefined : FILES[name]
  if (plan === undefined || name === undefined || bytes === undefined) throw new Error(`no story ${id}`)
  const record: ArchiveStoryRecord = {
    quire: 'archive-story',
    archive: 'automated-archive',
    id,
    record: { ...plan.record },
    files: [storyFile(name, bytes)],
  }
  return rescuePlainText(serialiseArchiveStory(record), `automated-archive-story-${id}.json`)
}

describe('reading Perl data without running it', () => {
  it('reads hashes and lists of quoted strings, q() and qq{}, numbers, undef and comments', () => {
    const text = `# comment\n%H = ( a => 'it\\'s', "b" => "x\\ty", c => q{nested {braces}}, d => [1, -2.5, undef], e => { f => qq(\\"g\\") }, );\n1;\n`
    expect(readPerlData(text, 'h.pl')).toEqual([
      {
        name: '%H',
        line: 2,
        value: {
          kind: 'hash',
          entries: [
            ['a', { kind: 'string', value: "it's" }],
            ['b', { kind: 'string', value: 'x\ty' }],
            ['c', { kind: 'string', value: 'nested {braces}' }],
            ['d', { kind: 'list', items: [{ kind: 'string', value: '1' }, { kind: 'string', value: '-2.5' }, { kind: 'undef' }] }],
            ['e', { kind: 'hash', entries: [['f', { kind: 'string', value: '"g"' }]] }],
          ],
        },
      },
    ])
  })

  it('refuses code, naming its line, instead of running it', () => {
    expect(() => readPerlData("%FILES = (\n1 => { Title => system('rm -rf /') },\n);", 'x.pl')).toThrow(RescueError)
    expect(() => readPerlData("%FILES = (\n1 => { Title => system('rm') },\n);", 'x.pl')).toThrow(/^x\.pl:2: expected a value/u)
  })

  it('names the line where an unclosed string began', () => {
    expect(() => readPerlData("%FILES = (\n1 => { Title => 'never closed },\n);", 'x.pl')).toThrow(
      /^x\.pl:2: a string begun on line 2 is never closed/u,
    )
  })
})

describe('an Automated Archive read from ARCHIVE_DB.pl', () => {
  it('lists each record with where its file is, and a story it only linked to', () => {
    const plans = planAutomatedArchiveStories(ARCHIVE_DB, 'ARCHIVE_DB.pl')
    expect(plans.map((plan) => [plan.id, plan.candidates, plan.external])).toEqual([
      ['1', ['wren/keepers-log.html'], null],
      ['2', ['tamsin/harbour.txt'], null],
      ['3', [], 'http://example.com/elsewhere.html'],
    ])
    expect(plans[1]?.record).toEqual({
      Title: 'Harbour Lights (Revised)',
      Author: 'Tamsin Reed',
      EmailAuthor: 'tamsin@example.net',
      Rating: 'NC-17',
      Summary: 'Two ships, "one" harbour.\nAnd a storm.',
      Location: 'tamsin/harbour',
      FileType: 'txt',
      Date: '12/01/99',
    })
  })

  it("reads a story's fields from its record and its text from its HTML file", () => {
    const { work, report } = rescue('1')
    expect(report.format).toBe('archive-story')
    expect(work).toMatchObject({
      title: "The Keeper's Log",
      creators: ['Wren Halloway'],
      fandoms: ['Lighthouse Keepers'],
      rating: 'teen',
      ratingOriginal: 'PG-13',
      categories: ['mm'],
      freeforms: ['winter', 'storms', 'Drama'],
      summary: 'A log kept through one long winter.',
      posted: '2000-01-30',
    })
    expect(work.chapters).toHaveLength(1)
    expect(work.chapters[0]?.sections.map((section) => section.text)).toEqual([
      'The first entry was written on the night the lamp failed, in a hand that shook a little.',
      'The second entry was steadier: the oil had come, and the glass was clean again.',
      'By the third, the keeper had stopped counting the days and started counting the ships.',
    ])
  })

  it('never shows an author e-mail address, from the record or the file', () => {
    const { work } = rescue('1')
    expect(JSON.stringify(work)).not.toContain('@example')
  })

  it('reads a text file in an old codepage', () => {
    const { work, source } = rescue('2')
    expect(work).toMatchObject({
      title: 'Harbour Lights (Revised)',
      creators: ['Tamsin Reed'],
      rating: 'explicit',
      // One line end inside a paragraph, as a header field's value reads it.
      summary: 'Two ships, "one" harbour. And a storm.',
      posted: '1999-12-01',
    })
    expect(source.encoding).toBe('UTF-8')
    expect(work.chapters[0]?.sections[0]?.text).toContain('the café on the quay')
  })
})
