import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CLOCKMAKER_HTML, CLOCKMAKER_TEXT } from '../support/clockmaker-story.js'
import { REFERENCE_STORY, runQuire, spawnQuire } from '../support/run-quire.js'

const STORY = `Title: The Lighthouse Keeper's Daughter
Author: Marigold Vance
Fandom: Due South
Rating: PG
Pairing: Fraser/Kowalski

Summary: A winter night at the lighthouse, and a letter that arrives too late.

* * *

The lamp had been lit every night for forty years, and tonight would be no different.

Ray stamped the snow off his boots and looked up at the tower. "You sure about this?"

"Entirely," said Fraser, who was never entirely sure of anything that mattered.

END
`

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quire-cli-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function writeStory(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, content)
  return file
}

function reportLines(text: string): Array<Record<string, unknown>> {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('the quire command', () => {
  it('lists its commands in --help', async () => {
    const run = await runQuire(['--help'], { cwd: dir })
    expect(run.code).toBe(0)
    for (const command of ['parse', 'import', 'source', 'migrate', 'serve']) {
      expect(run.stdout.toString()).toContain(command)
    }
  })

  it('prints a work and its report as one JSON object with AO3 names for the rating', async () => {
    const file = await writeStory('lighthouse.txt', STORY)
    const run = await runQuire(['parse', file, '--json'], { cwd: dir })
    expect(run.code).toBe(0)
    const { work, report } = JSON.parse(run.stdout.toString()) as {
      work: Record<string, unknown>
      report: Record<string, unknown>
    }
    expect(work['title']).toBe("The Lighthouse Keeper's Daughter")
    expect(work['creators']).toEqual(['Marigold Vance'])
    expect(work['rating']).toBe('General Audiences')
    expect(work['ratingOriginal']).toBe('PG')
    expect(work['fandoms']).toEqual(['Due South'])
    expect(work['complete']).toBe(true)
    expect(report).toHaveProperty('fields.title.line', 1)
    expect(report).toHaveProperty('unrecognised')
    expect(report).toHaveProperty('issues')
  })

  it('reads the reference story with the rating, fandom and platonic relationship an archivist would give it', async () => {
    const run = await runQuire(['parse', REFERENCE_STORY, '--json'], { cwd: dir })
    expect(run.code).toBe(0)
    const { work } = JSON.parse(run.stdout.toString()) as { work: Record<string, unknown> }
    expect(work['title']).toBe('Stepping Back')
    expect(work['rating']).toBe('Teen And Up Audiences')
    expect(work['categories']).toEqual(['Gen'])
    expect(work['archiveWarnings']).toEqual(['Creator Chose Not To Use Archive Warnings'])
    expect(work['relationships']).toEqual([
      { name: 'Chloe & Lex', platonic: true, original: 'Chloe/Lex friendship' },
    ])
  })

  it('names the file and the reason when parse is given a file it cannot read', async () => {
    const file = await writeStory('empty.txt', '')
    const run = await runQuire(['parse', file], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('empty.txt')
    expect(run.stderr).not.toContain('    at ') // a message, not a stack trace
  })

  it('imports a folder, names each failure, skips hidden files and links, and exits 1 when one failed', async () => {
    await writeStory('archive/lighthouse.txt', STORY)
    // Another story, not another copy of this one: its text differs too.
    await writeStory('archive/sub/winter.txt', STORY.replace('Lighthouse Keeper', 'Winter Road').replace('forty', 'fifty'))
    await writeStory('archive/cover.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
    await writeStory('archive/.hidden.txt', STORY.replace('Lighthouse', 'Hidden'))
    await symlink(path.join(dir, 'archive', 'lighthouse.txt'), path.join(dir, 'archive', 'link.txt'))
    const reportFile = path.join(dir, 'report.jsonl')
    const run = await runQuire(['import', 'archive', '--report', reportFile], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/failed\s+archive\/cover\.png: .+/u)
    expect(run.stderr).toContain('link.txt')
    const lines = reportLines(await readFile(reportFile, 'utf8'))
    expect(lines.map((l) => [path.basename(String(l['file'])), l['status']])).toEqual([
      ['cover.png', 'failed'],
      ['lighthouse.txt', 'imported'],
      ['winter.txt', 'imported'],
    ])
    const failed = lines[0]
    expect(failed?.['errors']).toEqual([expect.objectContaining({ code: 'QUIRE_RESCUE_BINARY' })])
    expect(lines[1]?.['sha256']).toMatch(/^[0-9a-f]{64}$/u)
    expect(lines[1]?.['work']).toMatch(/^[0-9A-Z]{26}$/u)
    expect(lines[1]?.['encoding']).toBe('UTF-8')
    expect(lines[1]?.['format']).toBe('plain-text')
    expect(lines[1]?.['fields']).toMatchObject({ title: expect.any(Number), rating: expect.any(Number) })
    expect(failed?.['encoding']).toBeNull()
    expect(failed?.['format']).toBeNull()
    // The closing summary counts what the run met, by name.
    expect(run.stderr).toMatch(/^ {2}formats +plain-text 2$/mu)
    expect(run.stderr).toMatch(/^ {2}encodings +UTF-8 2$/mu)
    expect(run.stderr).toMatch(/^ {2}failures +QUIRE_RESCUE_BINARY 1$/mu)
  })

  it('changes nothing when the same bytes are imported again, and says so', async () => {
    await writeStory('archive/lighthouse.txt', STORY)
    const reportFile = path.join(dir, 'report.jsonl')
    const first = await runQuire(['import', 'archive', '--report', reportFile], { cwd: dir })
    expect(first.code).toBe(0)
    const [imported] = reportLines(await readFile(reportFile, 'utf8'))
    const second = await runQuire(['import', 'archive', '--report', reportFile], { cwd: dir })
    expect(second.code).toBe(0)
    const [again] = reportLines(await readFile(reportFile, 'utf8'))
    expect(again?.['status']).toBe('unchanged')
    expect(again?.['work']).toBe(imported?.['work'])
    expect(second.stderr).toContain('0 imported, 0 merged, 1 unchanged, 0 skipped, 0 failed')
  })

  it('keeps a text copy of an imported HTML page as another source of its work, and says which copy won', async () => {
    await writeStory('archive/1-clockmaker.html', CLOCKMAKER_HTML)
    await writeStory('archive/2-clockmaker.txt', CLOCKMAKER_TEXT)
    const reportFile = path.join(dir, 'report.jsonl')
    const run = await runQuire(['import', 'archive', '--report', reportFile], { cwd: dir })
    expect(run.code).toBe(0)
    const [page, text] = reportLines(await readFile(reportFile, 'utf8'))
    expect(page).toMatchObject({ status: 'imported', format: 'html' })
    // Rescue read the title of the text file from a labelled header, surer than the page's.
    expect(text).toMatchObject({
      status: 'merged',
      work: page?.['work'],
      merged: { into: page?.['work'], kept: 'new', reason: expect.stringContaining('surer in the new copy') },
    })
    expect(run.stderr).toContain('1 imported, 1 merged, 0 unchanged, 0 skipped, 0 failed')
    expect(run.stderr).toMatch(/^merged +archive\/2-clockmaker\.txt -> [0-9A-Z]{26} \(kept new: .+\)$/mu)
    expect(run.stderr).toMatch(/^ {2}merged +kept new 1$/mu)
    const db = new Database(path.join(dir, 'quire-data', 'quire.db'), { readonly: true })
    try {
      expect(db.prepare('select count(*) as n from works').get()).toEqual({ n: 1 })
      const files = db.prepare('select file_name, bytes from sources order by id').all() as Array<{ file_name: string; bytes: Buffer }>
      expect(files.map((row) => row.file_name)).toEqual(['1-clockmaker.html', '2-clockmaker.txt'])
      expect(files[0]?.bytes.toString('utf8')).toBe(CLOCKMAKER_HTML)
      expect(files[1]?.bytes.toString('utf8')).toBe(CLOCKMAKER_TEXT)
    } finally {
      db.close()
    }
    const listing = await runQuire(['source', String(page?.['work'])], { cwd: dir })
    expect(listing.stderr).toContain('has 2 sources')
  })

  it('says in a dry run that a copy would be merged, and stores nothing', async () => {
    await writeStory('clockmaker.html', CLOCKMAKER_HTML)
    const reportFile = path.join(dir, 'report.jsonl')
    expect((await runQuire(['import', 'clockmaker.html', '--report', reportFile], { cwd: dir })).code).toBe(0)
    const [page] = reportLines(await readFile(reportFile, 'utf8'))
    await writeStory('copies/clockmaker.txt', CLOCKMAKER_TEXT)
    await writeStory('copies/clockmaker-again.txt', CLOCKMAKER_TEXT.replace('Rating: PG\n', 'Rating: PG\nFeedback: yes please\n'))
    const dry = await runQuire(['import', 'copies', '--dry-run', '--report', reportFile], { cwd: dir })
    expect(dry.code).toBe(0)
    const lines = reportLines(await readFile(reportFile, 'utf8'))
    expect(lines.map((line) => [path.basename(String(line['file'])), line['status'], line['work'], line['dryRun']])).toEqual([
      ['clockmaker-again.txt', 'merged', page?.['work'], true],
      ['clockmaker.txt', 'merged', page?.['work'], true],
    ])
    expect(lines[0]?.['merged']).toMatchObject({ into: page?.['work'], kept: 'new' })
    expect(dry.stderr).toContain('0 would be imported, 2 would be merged, 0 unchanged, 0 skipped, 0 failed (a dry run')
    const db = new Database(path.join(dir, 'quire-data', 'quire.db'), { readonly: true })
    try {
      expect(db.prepare('select count(*) as n from sources').get()).toEqual({ n: 1 })
    } finally {
      db.close()
    }
  })

  it('stores no story by a creator on the --do-not-import list, and names them', async () => {
    await writeStory('archive/clockmaker.txt', CLOCKMAKER_TEXT)
    await writeStory('archive/lighthouse.txt', STORY)
    const list = await writeStory('do-not-import.txt', '# asked to be left out, 2024\n\n  WREN   halloway  # by e-mail\nSomeone Else\n')
    const reportFile = path.join(dir, 'report.jsonl')
    const run = await runQuire(['import', 'archive', '--do-not-import', list, '--report', reportFile], { cwd: dir })
    expect(run.code).toBe(0)
    const lines = reportLines(await readFile(reportFile, 'utf8'))
    expect(lines.map((line) => [path.basename(String(line['file'])), line['status'], line['work']])).toEqual([
      ['clockmaker.txt', 'skipped', null],
      ['lighthouse.txt', 'imported', expect.any(String)],
    ])
    expect(lines[0]?.['skipped']).toEqual({ author: 'Wren Halloway', reason: '"Wren Halloway" is on the do-not-import list' })
    expect(run.stderr).toContain('1 imported, 0 merged, 0 unchanged, 1 skipped, 0 failed')
    expect(run.stderr).toContain('skipped  archive/clockmaker.txt: "Wren Halloway" is on the do-not-import list')
    expect(run.stderr).toMatch(/^ {2}skipped +Wren Halloway 1$/mu)
    const db = new Database(path.join(dir, 'quire-data', 'quire.db'), { readonly: true })
    try {
      expect(db.prepare('select count(*) as n from sources').get()).toEqual({ n: 1 })
      expect(db.prepare("select count(*) as n from creators where name = 'Wren Halloway'").get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })

  it('names the do-not-import list when it cannot read it', async () => {
    await writeStory('clockmaker.txt', CLOCKMAKER_TEXT)
    const run = await runQuire(['import', 'clockmaker.txt', '--do-not-import', 'missing.txt'], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('missing.txt: cannot read the do-not-import list')
  })

  it('refuses a file over --max-size with a message naming it and the limit', async () => {
    await writeStory('big.txt', STORY.repeat(50))
    const run = await runQuire(['import', 'big.txt', '--max-size', '2KB'], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/big\.txt: .*over the 2\.0 KB limit/u)
  })

  it('refuses a named pipe given as a story at once, instead of waiting on it', async () => {
    const pipe = path.join(dir, 'story.fifo')
    execFileSync('mkfifo', [pipe])
    const run = await runQuire(['parse', pipe], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${pipe}: not a regular file`)
  })

  it('gives back the original bytes of a windows-1252 story, byte for byte, by work id and by sha256', async () => {
    const bytes = iconv.encode(STORY.replace("Keeper's", 'Keeper\u2019s').replace('winter', 'café'), 'windows-1252')
    await writeStory('old.txt', bytes)
    const reportFile = path.join(dir, 'report.jsonl')
    expect((await runQuire(['import', 'old.txt', '--report', reportFile], { cwd: dir })).code).toBe(0)
    const [line] = reportLines(await readFile(reportFile, 'utf8'))
    const byWork = await runQuire(['source', String(line?.['work'])], { cwd: dir })
    expect(byWork.code).toBe(0)
    expect(Buffer.compare(byWork.stdout, bytes)).toBe(0)
    const out = path.join(dir, 'copy.txt')
    const bySha = await runQuire(['source', String(line?.['sha256']), '-o', out], { cwd: dir })
    expect(bySha.code).toBe(0)
    expect(Buffer.compare(await readFile(out), bytes)).toBe(0)
  })

  it('asks for the sha256, listing them, when a work has several sources', async () => {
    const reportFile = path.join(dir, 'report.jsonl')
    await writeStory('first.txt', STORY)
    expect((await runQuire(['import', 'first.txt', '--report', reportFile], { cwd: dir })).code).toBe(0)
    const [line] = reportLines(await readFile(reportFile, 'utf8'))
    // A second copy of the same story, as a later rescue of another format will record it.
    const copy = Buffer.from(STORY.replace('END', 'THE END'))
    const copySha = createHash('sha256').update(copy).digest('hex')
    const db = new Database(path.join(dir, 'quire-data', 'quire.db'))
    db.prepare(
      `insert into sources (work_id, sha256, bytes, encoding, encoding_confidence, file_name, byte_length, imported_at, report)
       values (?, ?, ?, 'UTF-8', 1, 'copy.txt', ?, '2026-01-01T00:00:00.000Z', '{}')`,
    ).run(line?.['work'], copySha, copy, copy.length)
    db.close()
    const run = await runQuire(['source', String(line?.['work'])], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('has 2 sources')
    expect(run.stderr).toContain(String(line?.['sha256']))
    expect(run.stderr).toContain(copySha)
    const bySha = await runQuire(['source', copySha], { cwd: dir })
    expect(Buffer.compare(bySha.stdout, copy)).toBe(0)
  })

  it('serves the works page with the imported works on the port it is given', async () => {
    await writeStory('lighthouse.txt', STORY)
    expect((await runQuire(['import', 'lighthouse.txt'], { cwd: dir })).code).toBe(0)
    const server = spawnQuire(['serve', '--port', '0'], { cwd: dir })
    try {
      const address = await server.listening
      const page = await fetch(address)
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toContain('The Lighthouse Keeper&#39;s Daughter')
      expect(html).toContain('Marigold Vance')
      expect(html).toContain('General Audiences')
      expect(html).toContain('Due South')
    } finally {
      server.stop()
    }
  })

  it('says clearly when a source is not there', async () => {
    const run = await runQuire(['source', 'deadbeefdeadbeef'], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('no source with sha256 deadbeefdeadbeef')
  })

  it('rejects a database URL it does not understand, naming it', async () => {
    const run = await runQuire(['migrate'], { cwd: dir, env: { QUIRE_DATABASE_URL: 'mysql://localhost/quire' } })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('mysql://localhost/quire')
  })
})
