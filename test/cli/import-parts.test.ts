import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runQuire } from '../support/run-quire.js'

// An invented story told in chapter files, one of them missing, and an unrelated story beside it.
function chapterFile(number: number, title = 'The Glass Orchard'): string {
  return `Title: ${title}
Author: Juniper Ash
Fandom: Original Work
Rating: PG

Chapter ${String(number)}

The orchard kept its glass apples for the ${String(number)}th winter running, and Tamsin counted them twice.

"They ring when the wind comes," she told the keeper, who had heard it every night for ${String(number * 10)} years.
`
}

const LANTERN = `Title: The Paper Lantern
Author: Corvin Lisle
Fandom: Original Work
Rating: G

The lantern maker folded a new crane every morning and hung it in the window to dry.

Nobody in the lane knew who bought them, only that by evening the window was always empty.
`

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quire-parts-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function writeStory(name: string, content: string): Promise<void> {
  const file = path.join(dir, name)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, content)
}

async function importArchive(): Promise<{ code: number | null; stderr: string; lines: Array<Record<string, unknown>> }> {
  const reportFile = path.join(dir, 'report.jsonl')
  const run = await runQuire(['import', 'archive', '--report', reportFile], { cwd: dir })
  const text = await readFile(reportFile, 'utf8')
  const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
  return { code: run.code, stderr: run.stderr, lines }
}

function codes(line: Record<string, unknown> | undefined): unknown[] {
  return (line?.['warnings'] as Array<Record<string, unknown>>).map((warning) => warning['code'])
}

describe('a story told in chapter files', () => {
  it('becomes one work with its chapters in order, every file a source of it, and the missing part reported', async () => {
    await writeStory('archive/ch1.txt', chapterFile(1))
    await writeStory('archive/ch2.txt', chapterFile(2))
    await writeStory('archive/ch4.txt', chapterFile(4, 'The Glass Orchard, Part 4'))
    await writeStory('archive/lantern.txt', LANTERN)
    const { code, stderr, lines } = await importArchive()
    expect(code).toBe(0)
    expect(lines.map((line) => [line['file'], line['status']])).toEqual([
      ['archive/ch1.txt', 'imported'],
      ['archive/ch2.txt', 'imported'],
      ['archive/ch4.txt', 'imported'],
      ['archive/lantern.txt', 'imported'],
    ])
    const work = lines[0]?.['work']
    expect(lines.slice(0, 3).every((line) => line['work'] === work)).toBe(true)
    expect(lines[3]?.['work']).not.toBe(work)
    for (const line of lines.slice(0, 3)) expect(codes(line)).toContain('QUIRE_RESCUE_MISSING_PARTS')
    expect(codes(lines[3])).not.toContain('QUIRE_RESCUE_MISSING_PARTS')
    const missing = (lines[0]?.['warnings'] as Array<Record<string, unknown>>).find((w) => w['code'] === 'QUIRE_RESCUE_MISSING_PARTS')
    expect(missing?.['message']).toBe('part 3 is missing: found parts 1, 2 and 4')
    expect(stderr).toContain('4 imported, 0 merged, 0 unchanged, 0 skipped, 0 failed')
    const db = new Database(path.join(dir, 'quire-data', 'quire.db'), { readonly: true })
    try {
      expect(db.prepare('select count(*) as n from works').get()).toEqual({ n: 2 })
      const joined = db.prepare('select title, chapter_count, complete from works where id = ?').get(work)
      expect(joined).toEqual({ title: 'The Glass Orchard', chapter_count: 3, complete: 0 })
      const chapters = db.prepare('select position from chapters where work_id = ? order by position').all(work)
      expect(chapters).toEqual([{ position: 1 }, { position: 2 }, { position: 3 }])
      const words = db.prepare('select sections from chapters where work_id = ? order by position').all(work) as Array<Record<string, string>>
      expect(words.map((row) => /the (\d+)th winter/u.exec(JSON.stringify(row))?.[1])).toEqual(['1', '2', '4'])
      const sources = db.prepare('select file_name, bytes from sources where work_id = ? order by id').all(work) as Array<{ file_name: string; bytes: Buffer }>
      expect(sources.map((row) => row.file_name)).toEqual(['ch1.txt', 'ch2.txt', 'ch4.txt'])
      expect(sources[2]?.bytes.toString('utf8')).toBe(chapterFile(4, 'The Glass Orchard, Part 4'))
    } finally {
      db.close()
    }
    // Importing the folder again changes nothing.
    const again = await importArchive()
    expect(again.lines.map((line) => [line['status'], line['work']])).toEqual([
      ['unchanged', work],
      ['unchanged', work],
      ['unchanged', work],
      ['unchanged', lines[3]?.['work']],
    ])
  })

  it('stores a part found after its story as a work of its own, flagged for review', async () => {
    await writeStory('archive/ch1.txt', chapterFile(1))
    await writeStory('archive/ch2.txt', chapterFile(2))
    const first = await importArchive()
    const work = first.lines[0]?.['work']
    await writeStory('archive/ch3.txt', chapterFile(3))
    const { lines } = await importArchive()
    expect(lines.map((line) => line['status'])).toEqual(['unchanged', 'unchanged', 'imported'])
    expect(lines[2]?.['work']).not.toBe(work)
    const warning = (lines[2]?.['warnings'] as Array<Record<string, unknown>>).find((w) => w['code'] === 'QUIRE_RESCUE_MISSING_PARTS')
    expect(warning?.['message']).toContain(`stored before as work ${String(work)}`)
  })
})
