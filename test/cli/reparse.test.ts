import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CLOCKMAKER_HTML, CLOCKMAKER_TEXT } from '../support/clockmaker-story.js'
import { ORCHARD_STORY } from '../support/orchard-story.js'
import { runQuire } from '../support/run-quire.js'

const SECOND_STORY = `Title: Frost on the Cider Press
Author: Wren Haldane
Fandom: Harvest Moon Valley
Rating: G

The first frost came early, and Old Pell wrapped the cider press in sacking before dawn.

Ada watched from the porch and counted the barrels twice.
`

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quire-reparse-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Line = Record<string, unknown>

function jsonLines(text: string): Line[] {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line)
}

// Imports both stories; returns their work ids by file name.
async function importStories(): Promise<Record<string, string>> {
  await writeFile(path.join(dir, 'orchard.txt'), ORCHARD_STORY)
  await writeFile(path.join(dir, 'frost.txt'), SECOND_STORY)
  const report = path.join(dir, 'import.jsonl')
  const run = await runQuire(['import', 'orchard.txt', 'frost.txt', '--report', report], { cwd: dir })
  expect(run.code).toBe(0)
  const lines = jsonLines(await readFile(report, 'utf8'))
  return Object.fromEntries(lines.map((line) => [path.basename(String(line['file'])), String(line['work'])]))
}

// Changes the stored database directly, as an older rescue's reading or a broken source would.
function tamper(sqlText: string, ...values: unknown[]): void {
  const db = new Database(path.join(dir, 'quire-data', 'quire.db'))
  try {
    db.prepare(sqlText).run(...values)
  } finally {
    db.close()
  }
}

function storedTitle(workId: string): unknown {
  const db = new Database(path.join(dir, 'quire-data', 'quire.db'), { readonly: true })
  try {
    return db.prepare('select title from works where id = ?').pluck().get(workId)
  } finally {
    db.close()
  }
}

describe('quire reparse', () => {
  it('is listed in --help', async () => {
    const run = await runQuire(['--help'], { cwd: dir })
    expect(run.stdout.toString()).toMatch(/^ {2}reparse \[options\] \[works\.\.\.\]/mu)
  })

  it('reads every rescued work again, restores what was read worse, and reports each as a JSON line', async () => {
    const works = await importStories()
    const orchard = works['orchard.txt'] ?? ''
    tamper('update works set title = ? where id = ?', 'THE ORCHARD LEDGER', orchard)

    const run = await runQuire(['reparse'], { cwd: dir })

    expect(run.code).toBe(0)
    const lines = jsonLines(run.stdout.toString())
    const byWork = new Map(lines.map((line) => [line['work'], line]))
    expect(byWork.get(orchard)).toEqual({
      work: orchard,
      status: 'updated',
      source: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/u), fileName: 'orchard.txt' },
      sources: 1,
      changed: ['title'],
      keptEdited: [],
      errors: [],
    })
    expect(byWork.get(works['frost.txt'])).toMatchObject({ status: 'unchanged', changed: [] })
    expect(lines.at(-1)).toEqual({
      summary: { works: 2, updated: 1, unchanged: 1, failed: 0, changed: { title: 1 }, keptEdited: {} },
    })
    expect(run.stderr).toContain('1 updated, 1 unchanged, 0 failed')
    expect(storedTitle(orchard)).toBe('The Orchard Ledger')

    const again = await runQuire(['reparse', orchard], { cwd: dir })
    expect(jsonLines(again.stdout.toString())[0]).toMatchObject({ status: 'unchanged' })
  })

  it('on a dry run writes the report to a file and changes nothing', async () => {
    const works = await importStories()
    const orchard = works['orchard.txt'] ?? ''
    tamper('update works set title = ? where id = ?', 'THE ORCHARD LEDGER', orchard)
    const report = path.join(dir, 'reparse.jsonl')

    const run = await runQuire(['reparse', orchard, '--dry-run', '--report', report], { cwd: dir })

    expect(run.code).toBe(0)
    expect(run.stdout.toString()).toBe('')
    const [line, summary] = jsonLines(await readFile(report, 'utf8'))
    expect(line).toMatchObject({ work: orchard, status: 'updated', changed: ['title'], dryRun: true })
    expect(summary).toMatchObject({ summary: { updated: 1, dryRun: true } })
    expect(run.stderr).toContain('1 would be updated')
    expect(storedTitle(orchard)).toBe('THE ORCHARD LEDGER')
  })

  it('reads the copy a work shows, not its first source, once a later copy won the merge', async () => {
    await writeFile(path.join(dir, '1-clockmaker.html'), CLOCKMAKER_HTML)
    await writeFile(path.join(dir, '2-clockmaker.txt'), CLOCKMAKER_TEXT)
    const report = path.join(dir, 'import.jsonl')
    const imported = await runQuire(['import', '1-clockmaker.html', '2-clockmaker.txt', '--report', report], { cwd: dir })
    expect(imported.stderr).toContain('1 imported, 1 merged')
    const work = String(jsonLines(await readFile(report, 'utf8'))[0]?.['work'])
    tamper('update works set title = ? where id = ?', 'THE CLOCKMAKER', work)

    const run = await runQuire(['reparse', work], { cwd: dir })

    expect(run.code).toBe(0)
    expect(jsonLines(run.stdout.toString())[0]).toEqual({
      work,
      status: 'updated',
      source: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/u), fileName: '2-clockmaker.txt' },
      sources: 2,
      changed: ['title'],
      keptEdited: [],
      errors: [],
    })
    expect(storedTitle(work)).toBe("The Clockmaker's Apprentice")
  })

  it("says in the work's line when its new chapters are another work's story, and still updates it", async () => {
    const works = await importStories()
    const orchard = works['orchard.txt'] ?? ''
    const frost = works['frost.txt'] ?? ''
    // The orchard's stored file now holds the frost story under another title.
    tamper('update sources set bytes = ? where work_id = ?', Buffer.from(SECOND_STORY.replace('Frost on', 'Orchard')), orchard)

    const run = await runQuire(['reparse', orchard], { cwd: dir })

    expect(run.code).toBe(0)
    expect(jsonLines(run.stdout.toString())[0]).toMatchObject({
      work: orchard,
      status: 'updated',
      changed: expect.arrayContaining(['title', 'chapters']),
      fingerprint: { kind: 'removed', reason: 'taken', by: frost },
      errors: [],
    })
    expect(storedTitle(orchard)).toBe('Orchard the Cider Press')
  })

  it('fails a work whose source rescue now refuses, leaves it as it was, and exits 1', async () => {
    const works = await importStories()
    const orchard = works['orchard.txt'] ?? ''
    tamper('update works set title = ? where id = ?', 'THE ORCHARD LEDGER', orchard)
    tamper('update sources set bytes = ? where work_id = ?', Buffer.from('   \n\n  \n'), orchard)

    const run = await runQuire(['reparse', orchard, 'not-a-work'], { cwd: dir })

    expect(run.code).toBe(1)
    const [refused, unknown, summary] = jsonLines(run.stdout.toString())
    expect(refused).toMatchObject({
      work: orchard,
      status: 'failed',
      source: { fileName: 'orchard.txt' },
      changed: [],
      errors: [expect.objectContaining({ code: 'QUIRE_RESCUE_EMPTY' })],
    })
    expect(unknown).toMatchObject({
      work: 'not-a-work',
      status: 'failed',
      errors: [expect.objectContaining({ code: 'QUIRE_WORK_NOT_FOUND' })],
    })
    expect(summary).toMatchObject({ summary: { failed: 2 } })
    expect(run.stderr).toMatch(/failed +[0-9A-Z]{26}: orchard\.txt: is empty/u)
    expect(storedTitle(orchard)).toBe('THE ORCHARD LEDGER')
  })
})
