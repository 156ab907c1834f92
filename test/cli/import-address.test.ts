import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runQuire } from '../support/run-quire.js'

// An invented story on an invented eFiction archive, served from this process.
const HEAD = (sid: number) => `<html><head><title>Lantern Archive</title></head><body>
<div id="pagetitle"><a href="viewstory.php?sid=${String(sid)}">The Paper Lantern</a> by <a href="viewuser.php?uid=3">Corvin Lisle</a></div>
<div class="content"><span class="label">Rated:</span> G<br>
<span class="label">Categories:</span> Original Work<br>
<span class="label">Summary:</span> A lantern maker folds cranes nobody admits to buying.<br>
<span class="label">Completed:</span> Yes</div>`
const ONE = '<p>The lantern maker folded a new crane every morning and hung it in the window to dry.</p><p>By evening the window was always empty, and the coins on the sill were always warm.</p>'
const TWO = '<p>On the hundredth morning Mira waited behind the well with her scarf over her mouth.</p><p>The buyer was the lamplighter, who had never once in forty years needed a light of his own.</p>'

// eFiction's jump menu names the chapter a one-chapter page shows.
const MENU = (chosen: number) =>
  `<form><select name="chapter"><option value="1"${chosen === 1 ? ' selected' : ''}>1. Cranes</option>` +
  `<option value="2"${chosen === 2 ? ' selected' : ''}>2. The Buyer</option></select></form>`

const PAGES: Record<string, string> = {
  '/efiction/viewstory.php?sid=7&action=printable&chapter=all':
    `${HEAD(7)}<div class="chaptertitle">Cranes by Corvin Lisle</div><div class="chapter">${ONE}</div>` +
    `<div class="chaptertitle">The Buyer by Corvin Lisle</div><div class="chapter">${TWO}</div></body></html>`,
  '/efiction/viewstory.php?sid=8&chapter=1':
    `${HEAD(8)}${MENU(1)}<div id="chaptertitle">Cranes</div><div id="story">${ONE.replaceAll('lantern', 'paper')}</div>` +
    '<div id="next"><a href="viewstory.php?sid=8&amp;chapter=2">Next &gt;&gt;</a></div></body></html>',
  '/efiction/viewstory.php?sid=8&chapter=2':
    `${HEAD(8)}${MENU(2)}<div id="chaptertitle">The Buyer</div><div id="story">${TWO.replaceAll('lamplighter', 'night watchman')}</div></body></html>`,
}

let server: Server
let base: string
const requested: string[] = []
beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? ''
    requested.push(url)
    if (url === '/moved') {
      response.writeHead(301, { location: '/efiction/viewstory.php?sid=7&action=printable&chapter=all' }).end()
      return
    }
    const page = PAGES[url]
    if (page === undefined) response.writeHead(404).end('not here')
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quire-address-'))
  requested.length = 0
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function importAddress(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const reportFile = path.join(dir, 'report.jsonl')
  const run = await runQuire(['import', ...args, '--report', reportFile], {
    cwd: dir,
    env: { QUIRE_FETCH_ALLOW_PRIVATE: undefined, ...env },
  })
  const text = await readFile(reportFile, 'utf8')
  const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
  return { ...run, lines }
}

function chapterTitles(work: unknown): unknown[] {
  const db = new Database(path.join(dir, 'quire-data', 'quire.db'), { readonly: true })
  try {
    return db.prepare('select title from chapters where work_id = ? order by position').all(work).map((row) => (row as { title: unknown }).title)
  } finally {
    db.close()
  }
}

describe('importing a story from an address', () => {
  it('refuses a loopback address unless allowed, naming the error, and never connects', async () => {
    const address = `${base}/efiction/viewstory.php?sid=7&action=printable&chapter=all`
    const run = await importAddress([address])
    expect(run.code).toBe(1)
    expect(run.lines).toEqual([
      expect.objectContaining({ file: address, status: 'failed', errors: [expect.objectContaining({ code: 'QUIRE_FETCH_REFUSED' })] }),
    ])
    expect(run.stderr).toContain('a loopback address; fetching it needs --allow-private-addresses')
    expect(requested).toEqual([])
  })

  it('imports an eFiction printable page when private addresses are allowed, following a redirect to it', async () => {
    const run = await importAddress([`${base}/moved`, '--allow-private-addresses'])
    expect(run.code).toBe(0)
    const [line] = run.lines
    expect(line).toMatchObject({
      file: `${base}/efiction/viewstory.php?sid=7&action=printable&chapter=all`,
      status: 'imported',
      format: 'efiction',
    })
    expect(requested).toEqual(['/moved', '/efiction/viewstory.php?sid=7&action=printable&chapter=all'])
    expect(chapterTitles(line?.['work'])).toEqual(['Cranes', 'The Buyer'])
    // The same page again is the same bytes: nothing changes.
    const again = await importAddress([`${base}/moved`, '--allow-private-addresses'])
    expect(again.lines.map((l) => [l['status'], l['work']])).toEqual([['unchanged', line?.['work']]])
  })

  it('follows the next-chapter links of eFiction chapter pages into one work (QUIRE_FETCH_ALLOW_PRIVATE=1)', async () => {
    const run = await importAddress([`${base}/efiction/viewstory.php?sid=8&chapter=1`], { QUIRE_FETCH_ALLOW_PRIVATE: '1' })
    expect(run.code).toBe(0)
    expect(run.lines.map((l) => [l['file'], l['status']])).toEqual([
      [`${base}/efiction/viewstory.php?sid=8&chapter=1`, 'imported'],
      [`${base}/efiction/viewstory.php?sid=8&chapter=2`, 'imported'],
    ])
    expect(run.lines[1]?.['work']).toBe(run.lines[0]?.['work'])
    expect(chapterTitles(run.lines[0]?.['work'])).toEqual(['Cranes', 'The Buyer'])
  })

  it('reports a page the server does not have as failed', async () => {
    const run = await importAddress([`${base}/nothing-here.html`, '--allow-private-addresses'])
    expect(run.code).toBe(1)
    expect(run.lines[0]).toMatchObject({ status: 'failed', errors: [expect.objectContaining({ code: 'QUIRE_FETCH_FAILED' })] })
  })
})
