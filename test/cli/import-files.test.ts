import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFiles, type BatchLimits, type ImportOutcome } from '../../src/cli/import-files.js'
import { openTestStore, type TestStore } from '../support/test-store.js'
import { REFERENCE_STORY } from '../support/run-quire.js'
import { CLOCKMAKER_HTML, CLOCKMAKER_TEXT } from '../support/clockmaker-story.js'

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const ONE_BATCH: BatchLimits = { works: 1000, bytes: 1024 * 1024 * 1024, ms: 60_000 }

let dir: string
let store: TestStore
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quire-import-files-'))
  store = await openTestStore('sqlite')
})
afterEach(async () => {
  await store.destroy()
  await rm(dir, { recursive: true, force: true })
})

describe('importing files in batches', () => {
  it('reports every file in walk order, a bad one failed and its neighbours imported', async () => {
    const story = await readFile(REFERENCE_STORY)
    await writeFiles({ 'a.txt': story, 'b.png': PNG, 'c.txt': variant(story, 'c'), 'd.txt': story })
    const outcomes = await run(ONE_BATCH)
    expect(outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
      ['a.txt', 'imported'],
      ['b.png', 'failed'],
      ['c.txt', 'imported'],
      ['d.txt', 'unchanged'],
    ])
    expect(outcomes[3]?.work).toBe(outcomes[0]?.work)
    expect(await store.works.count()).toBe(2)
  })

  it('commits at each bound: the same outcomes with a batch of one work', async () => {
    const story = await readFile(REFERENCE_STORY)
    await writeFiles({ 'a.txt': story, 'b.txt': variant(story, 'b'), 'c.txt': story })
    const outcomes = await run({ works: 1, bytes: ONE_BATCH.bytes, ms: ONE_BATCH.ms })
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'unchanged'])
  })

  it('reports nothing as imported when its batch fails to commit', async () => {
    const story = await readFile(REFERENCE_STORY)
    await writeFiles({ 'a.txt': story, 'b.png': PNG, 'c.txt': variant(story, 'c') })
    const failing: TestStore = {
      ...store,
      works: {
        ...store.works,
        importBatch: () => Promise.reject(new Error('disk I/O error')),
      },
    }
    const outcomes = await run(ONE_BATCH, failing)
    expect(outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
      ['a.txt', 'failed'],
      ['b.png', 'failed'],
      ['c.txt', 'failed'],
    ])
    expect(outcomes[0]?.errors).toEqual([expect.objectContaining({ message: 'disk I/O error' })])
    expect(outcomes.every((o) => o.work === null)).toBe(true)
    // Nothing was stored, so a second run imports it all.
    const again = await run(ONE_BATCH)
    expect(again.map((o) => o.status)).toEqual(['imported', 'failed', 'imported'])
  })
})

describe('a dry run', () => {
  it('reports what an import would do, stored bytes and repeats unchanged, and stores nothing', async () => {
    const story = await readFile(REFERENCE_STORY)
    await writeFiles({ 'a.txt': story })
    const [stored] = await run(ONE_BATCH)
    await writeFiles({ 'b.png': PNG, 'c.txt': variant(story, 'c'), 'd.txt': variant(story, 'c') })
    const before = await store.works.count()
    const outcomes = await run({ works: 1, bytes: ONE_BATCH.bytes, ms: ONE_BATCH.ms }, store, true)
    expect(outcomes.map((o) => [path.basename(o.file), o.status, o.work, o.dryRun])).toEqual([
      ['a.txt', 'unchanged', stored?.work, true],
      ['b.png', 'failed', null, true],
      ['c.txt', 'imported', null, true],
      ['d.txt', 'unchanged', null, true],
    ])
    expect(outcomes[2]?.warnings).toEqual(expect.any(Array))
    expect(await store.works.count()).toBe(before)
    // The real import afterwards does what the dry run said.
    const real = await run(ONE_BATCH)
    expect(real.map((o) => o.status)).toEqual(['unchanged', 'failed', 'imported', 'unchanged'])
    expect(real.every((o) => o.dryRun === undefined)).toBe(true)
  })
})

describe('copies of one story', () => {
  it('are imported then merged, in one batch or in a dry run, where the dry run names no work yet', async () => {
    await writeFiles({
      'a.html': new TextEncoder().encode(CLOCKMAKER_HTML),
      'b.txt': new TextEncoder().encode(CLOCKMAKER_TEXT),
    })
    const dry = await run(ONE_BATCH, store, true)
    expect(dry.map((o) => [o.status, o.work, o.merged?.into, o.merged?.kept])).toEqual([
      ['imported', null, undefined, undefined],
      ['merged', null, null, 'new'],
    ])
    expect(await store.works.count()).toBe(0)
    const real = await run(ONE_BATCH)
    expect(real.map((o) => [o.status, o.merged?.kept])).toEqual([
      ['imported', undefined],
      ['merged', 'new'],
    ])
    expect(real[1]?.work).toBe(real[0]?.work)
    expect(real[1]?.merged?.into).toBe(real[0]?.work)
    expect(await store.works.count()).toBe(1)
  })
})

async function run(batch: BatchLimits, target: TestStore = store, dryRun = false): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  await importFiles(target, [dir], {
    maxSize: 1024 * 1024,
    batch,
    dryRun,
    onOutcome: (outcome) => outcomes.push(outcome),
    onSkipped: () => undefined,
  })
  return outcomes
}

async function writeFiles(files: Record<string, Uint8Array>): Promise<void> {
  await mkdir(dir, { recursive: true })
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes)
}

// Another story, not another copy of this one: a line of story text of its own.
function variant(story: Uint8Array, tag: string): Uint8Array {
  const text = Buffer.from(story).toString('utf8')
  return Buffer.from(text.replace('The angry boy', `Variant ${tag} of the story.\n\nThe angry boy`))
}
