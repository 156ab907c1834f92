import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { REPO_ROOT, runQuire } from '../support/run-quire.js'
import { openTestStore, TEST_DATABASE_URL, TEST_DIALECTS, type TestStore } from '../support/test-store.js'

// Issue 5, "Folder scale": an import killed with SIGKILL part-way leaves whole works only, and
// running it again imports the rest, nothing twice. The folder is big enough that the import
// is still writing when it is killed: 1,600 tales take seconds, the kill comes after 400.
const SHELVES = 8
const TALES_PER_SHELF = 200
const KILL_AFTER_LINES = 400
// A story told in three files on the first shelf (stored before the kill), one halfway and one
// on the last shelf (stored after it).
const SERIALS = [
  { shelf: 0, name: 'Saltmarsh' },
  { shelf: SHELVES / 2, name: 'Kestrel' },
  { shelf: SHELVES - 1, name: 'Ember' },
] as const
const PARTS = 3

type StoryFile = Readonly<{ sha256: string; serial: string | null }>
type ReportLine = Readonly<{ file: string; status: string; work: string | null; sha256: string | null }>

// Distinct titles and bodies (digits count as letters for a fingerprint, and the bodies are over
// its 100 letters), so no tale is another's copy; no word a part marker could be read from.
function tale(number: number): string {
  return `Title: The Lantern of Lane ${String(number)}
Author: ${['Juniper Ash', 'Corvin Lisle', 'Marisol Vey'][number % 3] ?? ''}
Fandom: Original Work
Rating: G

The lantern maker of lane ${String(number)} folded a new crane every morning and hung it in the window to dry.

Nobody in lane ${String(number)} knew who bought them, only that by evening the window was always empty again.
`
}

function serialPart(name: string, part: number): string {
  return `Title: The Tide at ${name} (${String(part)}/${String(PARTS)})
Author: Tamsin Reed
Fandom: Original Work
Rating: G

The tide went out at ${name} for the ${String(part)}th time that spring, and the boats sat crooked on the mud.

Old Pell walked the harbour wall at ${name} and counted the gulls, ${String(part * 7)} of them, as he did every evening.
`
}

// The folder: shelves of tales, each serial's parts in the middle of its shelf. The files in
// the order `quire import` walks them: by name ("tale00100-tide-1" before "tale00100").
async function writeFolder(folder: string): Promise<Map<string, StoryFile>> {
  const texts = new Map<string, Readonly<{ text: string; serial: string | null }>>()
  for (let shelf = 0; shelf < SHELVES; shelf += 1) {
    const dir = path.join(folder, `shelf-${String(shelf).padStart(2, '0')}`)
    for (let index = 0; index < TALES_PER_SHELF; index += 1) {
      const number = shelf * TALES_PER_SHELF + index
      texts.set(path.join(dir, `tale${String(number).padStart(5, '0')}.txt`), { text: tale(number), serial: null })
    }
    const serial = SERIALS.find((s) => s.shelf === shelf)
    const middle = String(shelf * TALES_PER_SHELF + TALES_PER_SHELF / 2).padStart(5, '0')
    for (let part = 1; serial !== undefined && part <= PARTS; part += 1) {
      const text = serialPart(serial.name, part)
      texts.set(path.join(dir, `tale${middle}-tide-${String(part)}.txt`), { text, serial: serial.name })
    }
    await mkdir(dir, { recursive: true })
  }
  const files = new Map<string, StoryFile>()
  for (const file of [...texts.keys()].sort()) {
    const { text, serial } = texts.get(file) ?? { text: '', serial: null }
    files.set(file, { sha256: createHash('sha256').update(text).digest('hex'), serial })
  }
  await Promise.all([...texts].map(([file, { text }]) => writeFile(file, text)))
  return files
}

// Where the command imports to, and how the test tells from outside that it is writing a batch.
type ImportTarget = Readonly<{ url: string; env: NodeJS.ProcessEnv; isWriting: () => Promise<boolean> }>

// The test store's own database: its SQLite file, or its PostgreSQL schema named in the URL (pg
// passes `options` to the server on every connection). On PostgreSQL the command's connections
// carry a name of their own, so pg_stat_activity shows when one of them has written in a
// transaction not yet committed (its backend_xid).
async function importTarget(store: TestStore): Promise<ImportTarget> {
  if (store.dialect.name === 'sqlite') {
    const { rows } = await sql<{ file: string }>`
      select file from pragma_database_list where name = 'main'`.execute(store.db)
    const file = rows[0]?.file ?? ''
    return { url: `sqlite:${file}`, env: {}, isWriting: () => Promise.resolve(holdsWriteLock(file)) }
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)
  const schema = rows[0]?.schema ?? ''
  const options = encodeURIComponent(`-c search_path=${schema}`)
  const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${options}`
  const isWriting = async (): Promise<boolean> => {
    const { rows: writers } = await sql<{ pid: number }>`select pid from pg_stat_activity
      where application_name = ${schema} and backend_xid is not null`.execute(store.db)
    return writers.length > 0
  }
  return { url, env: { PGAPPNAME: schema }, isWriting }
}

// SQLite lets one connection write at a time: refused a write transaction at once, the test
// knows the import is inside one (it takes the lock at a batch's first insert, until its commit).
function holdsWriteLock(file: string): boolean {
  const probe = new Database(file, { timeout: 0 })
  try {
    probe.exec('begin immediate')
    probe.exec('rollback')
    return false
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') return true
    throw error
  } finally {
    probe.close()
  }
}

// Counts lines without parsing them: the killer polls this while the import runs beside it.
async function countLines(file: string): Promise<number> {
  const bytes = await readFile(file).catch(() => Buffer.alloc(0))
  let lines = 0
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines += 1
  return lines
}

async function readReport(file: string): Promise<ReportLine[]> {
  const text = await readFile(file, 'utf8').catch(() => '')
  // A killed import may have written half a line last.
  const whole = text.slice(0, text.lastIndexOf('\n') + 1)
  return whole.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as ReportLine)
}

/**
 * Starts the import and SIGKILLs it once its report names `afterLines` files (each committed)
 * and it is inside the transaction of a later batch: a crash in the middle, not between batches.
 */
async function importKilledWhileWriting(
  args: readonly string[],
  target: ImportTarget,
  reportFile: string,
  afterLines: number,
): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, [`${REPO_ROOT}bin/quire.js`, ...args], {
    env: { ...process.env, QUIRE_DATABASE_URL: undefined, ...target.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  // Read, or a full pipe would stop the import: it writes a line per file to stderr.
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)))
  let lines = 0
  try {
    while (child.exitCode === null && child.signalCode === null) {
      if (lines < afterLines) lines = await countLines(reportFile)
      else if (await target.isWriting()) {
        child.kill('SIGKILL')
        expect(await closed).toBe('SIGKILL')
        return
      }
      await sleep(5)
    }
  } finally {
    // A probe that failed leaves no import running into the next test's database.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  const why = `after ${String(lines)} report lines (make the folder bigger): ${stderr.slice(-2000)}`
  throw new Error(`the import ended before it was killed, ${why}`)
}

type ChapterKey = Readonly<{ work_id: string | null; position: number | null }>

type Archive = Readonly<{
  works: ReadonlyMap<string, number>
  chapters: ReadonlyMap<string | null, number[]>
  texts: ReadonlyMap<string | null, number[]>
  /** Each stored sha256's work; `sourceRows` counts the rows, so a sha256 stored twice shows. */
  sources: ReadonlyMap<string, string | null>
  sourceRows: number
  creators: ReadonlySet<string>
  tags: ReadonlySet<string>
  fingerprints: ReadonlySet<string>
  /** Works in the change log that in-memory indexes follow. */
  changes: ReadonlySet<string>
}>

/** What the database holds, as plain values: works' chapter counts, and every work's parts. */
async function readArchive({ db, dialect }: TestStore): Promise<Archive> {
  const works = await db.selectFrom('works').select(['id', 'chapter_count']).execute()
  const chapters = await db.selectFrom('chapters').select(['work_id', 'position']).execute()
  // Each full-text row by its chapter's id (FTS5's rowid); one of no chapter has no work.
  const chapterId = sql.ref(dialect.name === 'sqlite' ? 't.rowid' : 't.chapter_id')
  const { rows: texts } = await sql<ChapterKey>`
    select c.work_id, c.position from chapter_texts t left join chapters c on c.id = ${chapterId}`.execute(db)
  const sources = await db.selectFrom('sources').select(['work_id', 'sha256']).execute()
  const { rows: changes } = await sql<{ work_id: string }>`
    select work_id from work_changes where kind = 'work'`.execute(db)
  const ids = async (table: 'work_creators' | 'work_tags' | 'work_fingerprints'): Promise<Set<string>> =>
    new Set((await db.selectFrom(table).select('work_id').execute()).map((row) => row.work_id))
  return {
    works: new Map(works.map((work) => [work.id, work.chapter_count])),
    chapters: positionsByWork(chapters),
    texts: positionsByWork(texts),
    sources: new Map(sources.map((source) => [source.sha256, source.work_id])),
    sourceRows: sources.length,
    creators: await ids('work_creators'),
    tags: await ids('work_tags'),
    fingerprints: await ids('work_fingerprints'),
    changes: new Set(changes.map((row) => row.work_id)),
  }
}

function positionsByWork(rows: readonly ChapterKey[]): Map<string | null, number[]> {
  const byWork = new Map<string | null, number[]>()
  for (const row of rows) byWork.set(row.work_id, [...(byWork.get(row.work_id) ?? []), row.position ?? 0])
  for (const positions of byWork.values()) positions.sort((a, b) => a - b)
  return byWork
}

/** Every sign of a work stored in part, or of a row left from one: none, when each landed whole. */
function partialWorks(archive: Archive): string[] {
  const problems: string[] = []
  const sourced = new Set(archive.sources.values())
  for (const [id, chapterCount] of archive.works) {
    const expected = Array.from({ length: chapterCount }, (_, index) => index + 1).join()
    const chapters = archive.chapters.get(id)?.join() ?? 'none'
    if (chapters !== expected) problems.push(`work ${id}: chapters ${chapters} of ${String(chapterCount)}`)
    const texts = archive.texts.get(id)?.join() ?? 'none'
    if (texts !== expected) problems.push(`work ${id}: full text of chapters ${texts} of ${String(chapterCount)}`)
    if (!sourced.has(id)) problems.push(`work ${id}: no source`)
    if (!archive.creators.has(id)) problems.push(`work ${id}: no creator`)
    if (!archive.tags.has(id)) problems.push(`work ${id}: no tag`)
    if (!archive.fingerprints.has(id)) problems.push(`work ${id}: no fingerprint`)
    if (!archive.changes.has(id)) problems.push(`work ${id}: not in the change log`)
  }
  const orphans = (what: string, workIds: Iterable<string | null>): void => {
    for (const id of workIds) {
      if (id === null || !archive.works.has(id)) problems.push(`${what} of no work (${String(id)})`)
    }
  }
  orphans('chapter', archive.chapters.keys())
  orphans('full text', archive.texts.keys())
  orphans('source', archive.sources.values())
  orphans('creator link', archive.creators)
  orphans('tag link', archive.tags)
  orphans('fingerprint', archive.fingerprints)
  orphans('change', archive.changes)
  return problems
}

// One folder for every database: writing it takes a few seconds of its own.
let folder: string
let files: Map<string, StoryFile>
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'quire-import-crash-folder-'))
  files = await writeFolder(folder)
})
afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe.each(TEST_DIALECTS)('an import killed part-way on %s', (dialect) => {
  let dir: string
  let store: TestStore
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quire-import-crash-'))
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.destroy()
    await rm(dir, { recursive: true, force: true })
  })

  it('leaves only whole works, and a second run imports the rest, nothing twice', async () => {
    const stories = SHELVES * TALES_PER_SHELF + SERIALS.length
    const target = await importTarget(store)
    const importArgs = (report: string): string[] =>
      ['--database', target.url, 'import', folder, '--report', path.join(dir, report)]

    const killedReport = path.join(dir, 'killed.jsonl')
    await importKilledWhileWriting(importArgs('killed.jsonl'), target, killedReport, KILL_AFTER_LINES)
    const killed = await readArchive(store)
    expect(partialWorks(killed)).toEqual([])
    // Killed mid-way, past the lines it waited for and well short of the end.
    expect(killed.works.size).toBeGreaterThanOrEqual(KILL_AFTER_LINES - PARTS + 1)
    expect(killed.works.size).toBeLessThan(stories)
    // A file is reported imported only once its batch committed.
    for (const line of await readReport(killedReport)) {
      expect([line.status, killed.sources.get(line.sha256 ?? '')]).toEqual(['imported', line.work])
    }
    // A story told in three files is stored with all three, or not at all.
    const storedParts = SERIALS.map(({ name }) =>
      [...files.values()].filter((file) => file.serial === name && killed.sources.has(file.sha256)).length,
    )
    expect(storedParts).toEqual([PARTS, 0, 0])

    const second = await runQuire(importArgs('second.jsonl'), { cwd: dir })
    expect(second.code, second.stderr).toBe(0)
    const lines = await readReport(path.join(dir, 'second.jsonl'))
    const archive = await readArchive(store)
    expect(partialWorks(archive)).toEqual([])
    expect(archive.works.size).toBe(stories)
    expect([archive.sources.size, archive.sourceRows]).toEqual([files.size, files.size])
    // Each file once: unchanged if the killed run stored it (as the same work), else imported now.
    expect(lines.map((line) => [line.file, line.status, line.sha256])).toEqual(
      [...files].map(([file, { sha256 }]) => [file, killed.sources.has(sha256) ? 'unchanged' : 'imported', sha256]),
    )
    for (const line of lines) {
      expect(line.work).toBe(archive.sources.get(line.sha256 ?? ''))
      if (line.status === 'unchanged') expect(line.work).toBe(killed.sources.get(line.sha256 ?? ''))
    }
    // Each story told in three files is one work of three chapters, each file a source of it.
    for (const { name } of SERIALS) {
      const parts = [...files.values()].filter((file) => file.serial === name)
      const works = new Set(parts.map((file) => archive.sources.get(file.sha256)))
      expect(works.size).toBe(1)
      const [work] = works
      expect(archive.works.get(work ?? '')).toBe(PARTS)
      expect([...archive.sources.values()].filter((owner) => owner === work)).toHaveLength(PARTS)
    }

    const third = await runQuire(importArgs('third.jsonl'), { cwd: dir })
    expect(third.code, third.stderr).toBe(0)
    const again = await readReport(path.join(dir, 'third.jsonl'))
    expect(again.map((line) => [line.file, line.status, line.work])).toEqual(
      lines.map((line) => [line.file, 'unchanged', line.work]),
    )
    expect((await readArchive(store)).works.size).toBe(stories)
  }, 120_000)
})
