import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importArchive, type ArchiveOutcome } from '../../src/cli/import-archive.js'
import { openStore } from '../../src/store/store.js'
import { ARCHIVE_DB, HARBOUR_TXT, KEEPERS_LOG_HTML } from '../support/automated-archive.js'
import { EFICTION_CHAPTER_FILES, EFICTION_DUMP } from '../support/efiction-dump.js'
import { runQuire } from '../support/run-quire.js'
import { openTestStore, TEST_DIALECTS } from '../support/test-store.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quire-import-archive-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function write(files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), content)
  }
}

async function writeEfiction(folder: string, dump: string | Uint8Array = gzipSync(EFICTION_DUMP)): Promise<string> {
  const files = Object.fromEntries(Object.entries(EFICTION_CHAPTER_FILES).map(([name, text]) => [`${folder}/${name}`, text]))
  await write({ [`${folder}/harbour.sql${typeof dump === 'string' ? '' : '.gz'}`]: dump, ...files })
  return path.join(dir, folder)
}

async function importArchiveCli(...args: string[]) {
  const run = await runQuire(['--database', 'sqlite:quire.db', 'import-archive', ...args, '--report', 'report.jsonl'], { cwd: dir })
  const lines = (await readFile(path.join(dir, 'report.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
  const stories = lines.filter((line) => !('summary' in line)) as unknown as ArchiveOutcome[]
  const summary = lines.find((line) => 'summary' in line)?.['summary']
  return { ...run, stories, summary }
}

async function countWorks(): Promise<number> {
  const store = await openStore('sqlite:quire.db', { cwd: dir })
  try {
    await store.migrate()
    return await store.works.count()
  } finally {
    await store.destroy()
  }
}

describe('quire import-archive on an eFiction dump', () => {
  it('imports every story of a gzip dump with its stories/ folder, then finds them unchanged', async () => {
    const folder = await writeEfiction('harbour')
    const first = await importArchiveCli(folder)
    expect(first.stderr).toContain('3 imported, 0 merged, 0 unchanged, 0 skipped, 0 failed')
    expect(first.code).toBe(0)
    expect(first.stories.map((s) => [s.archive, s.story, s.status])).toEqual([
      [folder, '1', 'imported'],
      [folder, '2', 'imported'],
      [folder, '3', 'imported'],
    ])
    expect(first.stories[0]?.warnings.map((w) => w.message)).toContain(
      'chapters 7 of story 1 await validation on the old archive and are left out',
    )
    expect(first.summary).toEqual({ archive: folder, imported: 3, merged: 0, unchanged: 0, skipped: 0, failed: 0 })

    const again = await importArchiveCli(folder)
    expect(again.code).toBe(0)
    expect(again.stories.map((s) => s.status)).toEqual(['unchanged', 'unchanged', 'unchanged'])
    expect(again.stories.map((s) => s.work)).toEqual(first.stories.map((s) => s.work))
    expect(await countWorks()).toBe(3)
  })

  it('reads a plain dump given as a file, its stories/ folder beside it', async () => {
    const folder = await writeEfiction('plain', EFICTION_DUMP)
    const run = await importArchiveCli(path.join(folder, 'harbour.sql'))
    expect(run.stories.map((s) => s.status)).toEqual(['imported', 'imported', 'imported'])
  })

  it('skips the stories of a creator on the do-not-import list, co-written ones too, storing nothing of them', async () => {
    const folder = await writeEfiction('harbour')
    await write({ 'do-not-import.txt': '# asked to be left out\nODILE MARSH\n' })
    const run = await importArchiveCli(folder, '--do-not-import', 'do-not-import.txt')
    expect(run.code).toBe(0)
    expect(run.stories.map((s) => [s.story, s.status, s.skipped?.author ?? null])).toEqual([
      ['1', 'imported', null],
      ['2', 'skipped', 'Odile Marsh'],
      ['3', 'imported', null],
    ])
    const store = await openStore('sqlite:quire.db', { cwd: dir })
    try {
      expect(await store.creators.findByName('Odile Marsh')).toBeUndefined()
      expect(await store.creators.findByName('Tamsin Reed')).toBeUndefined()
      expect(await store.works.count()).toBe(2)
    } finally {
      await store.destroy()
    }
  })

  it('refuses a dump cut short in the middle of an INSERT, naming the line, and stores nothing', async () => {
    const cut = EFICTION_DUMP.slice(0, EFICTION_DUMP.indexOf("(3,'Fog Signals','Captain") + 30)
    const folder = await writeEfiction('cut', cut)
    const run = await importArchiveCli(folder)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/quire: harbour\.sql:\d+: ends inside a quoted string begun on line \d+: the dump is cut short/u)
    expect(await countWorks()).toBe(0)
  })

  it('fails a story whose chapter file is missing, imports the rest, and exits 1', async () => {
    const folder = await writeEfiction('harbour')
    await rm(path.join(folder, 'stories/2/5.txt'))
    const run = await importArchiveCli(folder)
    expect(run.code).toBe(1)
    expect(run.stories.map((s) => s.status)).toEqual(['imported', 'failed', 'imported'])
    expect(run.stories[1]?.errors[0]?.message).toMatch(/^chapter 5 of story 2 has no storytext, and stories\/2\/5\.txt cannot be read/u)
  })

  it('stores nothing on a dry run', async () => {
    const folder = await writeEfiction('harbour')
    const run = await importArchiveCli(folder, '--dry-run')
    expect(run.stories.map((s) => [s.status, s.dryRun])).toEqual([
      ['imported', true],
      ['imported', true],
      ['imported', true],
    ])
    expect(await countWorks()).toBe(0)
  })
})

describe('quire import-archive on an Automated Archive', () => {
  it('imports the stories ARCHIVE_DB.pl names and skips one it only linked to', async () => {
    await write({
      'aa/ARCHIVE_DB.pl': ARCHIVE_DB,
      'aa/wren/keepers-log.html': KEEPERS_LOG_HTML,
      'aa/tamsin/harbour.txt': HARBOUR_TXT,
    })
    const run = await importArchiveCli(path.join(dir, 'aa'))
    expect(run.code).toBe(0)
    expect(run.stories.map((s) => [s.story, s.status])).toEqual([
      ['1', 'imported'],
      ['2', 'imported'],
      ['3', 'skipped'],
    ])
    expect(run.stories[2]?.skipped?.reason).toContain('http://example.com/elsewhere.html')
    const again = await importArchiveCli(path.join(dir, 'aa'))
    expect(again.stories.map((s) => s.status)).toEqual(['unchanged', 'unchanged', 'skipped'])
  })
})

describe.each(TEST_DIALECTS)('importing an archive into the store on %s', (dialect) => {
  it('stores each story as a work with its source, once', async () => {
    const folder = await writeEfiction('harbour')
    const store = await openTestStore(dialect)
    try {
      const outcomes: ArchiveOutcome[] = []
      const options = { dryRun: false, onOutcome: (o: ArchiveOutcome) => outcomes.push(o) }
      await importArchive(store, folder, options)
      await importArchive(store, folder, options)
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'unchanged', 'unchanged', 'unchanged'])
      const work = await store.works.find(outcomes[1]?.work ?? '')
      expect(work?.title).toBe('Salt and Iron')
      expect(work?.chapters.map((chapter) => chapter.title)).toEqual(['Arrival', 'Departure'])
      const [source] = await store.sources.listByWork(outcomes[1]?.work ?? '')
      expect(source?.fileName).toBe('efiction-story-2.json')
      expect(await store.works.count()).toBe(3)
    } finally {
      await store.destroy()
    }
  })
})
