import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isUnspacedWord, searchWords } from '../../src/domain/segment-words.js'
import { openStore, type Store } from '../../src/store/store.js'
import { buildApp } from '../../src/web/app.js'
import { SCHEMA_CHANGE_LOCK } from '../../src/store/migrate.js'
import { runQuire } from '../support/run-quire.js'
import { TEST_DATABASE_URL, TEST_DIALECTS, type TestDialect } from '../support/test-store.js'

const WORKS = 300

type Place = Readonly<{ url: string; remove: () => Promise<void> }>

// A database of its own for one seeded archive: a file in a temporary folder, or a PostgreSQL
// schema named in the URL (pg passes `options` to the server, so every connection uses it).
async function aPlace(dialect: TestDialect, dir: string, name: string): Promise<Place> {
  if (dialect === 'sqlite') return { url: `sqlite:${path.join(dir, `${name}.db`)}`, remove: async () => undefined }
  const schema = `quire_seed_${String(process.pid)}_${randomBytes(4).toString('hex')}`
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  await client.query(`create schema ${schema}`)
  await client.end()
  const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`
  return {
    url,
    remove: async () => {
      const dropper = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await dropper.connect()
      // Alone, as test-store.ts drops its schemas, so no migration reads the catalog meanwhile.
      await dropper.query('begin')
      await dropper.query('select pg_advisory_xact_lock($1)', [SCHEMA_CHANGE_LOCK])
      await dropper.query(`drop schema ${schema} cascade`)
      await dropper.query('commit')
      await dropper.end()
    },
  }
}

async function seed(url: string, cwd: string, ...args: string[]) {
  return runQuire(['--database', url, 'seed', '--synthetic', String(WORKS), '--quiet', ...args], { cwd })
}

// Everything a reader or the app could tell apart, as plain rows, in a stable order.
async function snapshot(store: Store) {
  const works = await store.db.selectFrom('works').selectAll().orderBy('id').execute()
  const { rows: workTags } = await sql<{ work_id: string; kind: string; name: string; position: number }>`
    select wt.work_id, t.kind, t.name, wt.position from work_tags wt join tags t on t.id = wt.tag_id
    order by wt.work_id, wt.position`.execute(store.db)
  const { rows: tagLinks } = await sql<{ child: string; parent: string }>`
    select c.name as child, p.name as parent from tag_parents tp
    join tags c on c.id = tp.child_id join tags p on p.id = tp.parent_id order by 1, 2`.execute(store.db)
  const { rows: synonyms } = await sql<{ synonym: string; canonical: string }>`
    select s.name as synonym, c.name as canonical from tags s join tags c on c.id = s.canonical_id
    order by 1`.execute(store.db)
  const chapters = await store.db
    .selectFrom('chapters')
    .select(['work_id', 'position', 'title', 'sections', 'word_count'])
    .orderBy('work_id')
    .orderBy('position')
    .execute()
  return { works, workTags, tagLinks, synonyms, chapters }
}

describe.each(TEST_DIALECTS)('quire seed on %s', (dialect) => {
  let dir: string
  let first: Place
  let second: Place
  let store: Store
  let firstSnapshot: Awaited<ReturnType<typeof snapshot>>

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quire-seed-'))
    first = await aPlace(dialect, dir, 'first')
    second = await aPlace(dialect, dir, 'second')
    const run = await seed(first.url, dir, '--seed', '5')
    expect(run.stderr).toContain(`seeded ${String(WORKS)} works (30 with text)`)
    expect(run.code).toBe(0)
    store = await openStore(first.url, { cwd: dir })
    firstSnapshot = await snapshot(store)
  }, 120_000)

  afterAll(async () => {
    await store.destroy()
    await first.remove()
    await second.remove()
    await rm(dir, { recursive: true, force: true })
  })

  it('writes the same archive for the same seed, and another for another seed', async () => {
    expect((await seed(second.url, dir, '--seed', '5')).code).toBe(0)
    const again = await openStore(second.url, { cwd: dir })
    try {
      const secondSnapshot = await snapshot(again)
      expect(secondSnapshot.works).toHaveLength(WORKS)
      expect(secondSnapshot).toEqual(firstSnapshot)
    } finally {
      await again.destroy()
    }
    const other = await aPlace(dialect, dir, 'other')
    try {
      const otherRun = await seed(other.url, dir, '--seed', '6')
      expect(otherRun.code, otherRun.stderr).toBe(0)
      const otherStore = await openStore(other.url, { cwd: dir })
      const otherTitles = (await snapshot(otherStore)).works.map((work) => work.title)
      await otherStore.destroy()
      expect(otherTitles).not.toEqual(firstSnapshot.works.map((work) => work.title))
    } finally {
      await other.remove()
    }
  }, 120_000)

  it('draws tags on a long tail: a few tags on many works, most on one or two', () => {
    for (const kind of ['fandom', 'freeform', 'character']) {
      const uses = new Map<string, number>()
      for (const row of firstSnapshot.workTags) if (row.kind === kind) uses.set(row.name, (uses.get(row.name) ?? 0) + 1)
      const counts = [...uses.values()].sort((a, b) => b - a)
      const median = counts[Math.floor(counts.length / 2)] ?? 0
      expect(counts.length, kind).toBeGreaterThan(20)
      expect(counts[0] ?? 0, kind).toBeGreaterThanOrEqual(10 * median)
      expect(counts.filter((count) => count <= 2).length / counts.length, kind).toBeGreaterThan(0.4)
    }
    // Every work has its rating and fandom, and characters sit under fandoms.
    const kindsByWork = new Map<string, Set<string>>()
    for (const row of firstSnapshot.workTags) kindsByWork.set(row.work_id, (kindsByWork.get(row.work_id) ?? new Set()).add(row.kind))
    expect([...kindsByWork.values()].every((kinds) => kinds.has('rating') && kinds.has('fandom'))).toBe(true)
    expect(firstSnapshot.tagLinks.length).toBeGreaterThan(100)
    expect(firstSnapshot.synonyms.length).toBeGreaterThan(10)
  })

  it('gives a tenth of the works story text in several languages, and the rest chapters without it', () => {
    const withText = firstSnapshot.chapters.filter((chapter) => chapter.sections.includes('"paragraph"'))
    const textWorks = new Set(withText.map((chapter) => chapter.work_id))
    expect(textWorks.size).toBe(30)
    const languages = new Set(firstSnapshot.works.filter((work) => textWorks.has(work.id)).map((work) => work.language))
    expect(languages.size).toBeGreaterThanOrEqual(3)
    for (const work of firstSnapshot.works) {
      const chapters = firstSnapshot.chapters.filter((chapter) => chapter.work_id === work.id)
      expect(chapters).toHaveLength(work.chapter_count)
    }
    const words = firstSnapshot.works.map((work) => work.word_count).sort((a, b) => a - b)
    expect(words[words.length - 1] ?? 0).toBeGreaterThan(20 * (words[Math.floor(words.length / 2)] ?? 0))
  })

  it('is found by full-text search and listed, filtered and counted by /works like imported works', async () => {
    const app = await buildApp({ store, logger: false })
    try {
      const languageOf = new Map(firstSnapshot.works.map((work) => [work.id, work.language]))
      const textOf = (languages: readonly string[]) => {
        const chapter = firstSnapshot.chapters.find(
          (row) => row.sections.includes('"paragraph"') && languages.includes(languageOf.get(row.work_id) ?? ''),
        )
        const paragraph = (JSON.parse(chapter?.sections ?? '[]') as Array<{ text: string }>)[0]?.text ?? ''
        return { workId: chapter?.work_id, words: searchWords(paragraph) }
      }
      const search = async (q: string) => {
        const response = await app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}` })
        expect(response.statusCode).toBe(200)
        return response.json<{ total: number; results: Array<{ work: { id: string } }> }>()
      }
      // Three words from inside a text as an exact phrase, and a word of a Chinese or Japanese text.
      const spaced = textOf(['en', 'es', 'de', 'fr', 'ko'])
      const phrase = await search(`"${spaced.words.slice(1, 4).join(' ')}"`)
      expect(phrase.total).toBeGreaterThan(0)
      expect(phrase.results.map((result) => result.work.id)).toContain(spaced.workId)
      const unspaced = textOf(['zh', 'ja'])
      if (unspaced.workId !== undefined) {
        const word = unspaced.words.find((candidate) => isUnspacedWord(candidate) && candidate.length >= 2) ?? ''
        expect((await search(word)).total).toBeGreaterThan(0)
      }

      const page = await app.inject({ url: '/works' })
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain(`1 – 20 of ${String(WORKS)} works`)
      const fandom = firstSnapshot.workTags.find((row) => row.kind === 'fandom' && !firstSnapshot.synonyms.some((s) => s.synonym === row.name))?.name ?? ''
      const synonymsOf = new Set([fandom, ...firstSnapshot.synonyms.filter((s) => s.canonical === fandom).map((s) => s.synonym)])
      const carrying = new Set(firstSnapshot.workTags.filter((row) => synonymsOf.has(row.name)).map((row) => row.work_id))
      const api = await app.inject({ url: `/api/v1/works?include=${encodeURIComponent(fandom)}` })
      expect(api.json<{ total: number }>().total).toBe(carrying.size)
    } finally {
      await app.close()
    }
  })

  it('refuses to seed an archive that holds works, and says where the tag names come from', async () => {
    const full = await seed(first.url, dir, '--seed', '5')
    expect(full.code).toBe(1)
    expect(full.stderr).toContain(`already holds ${String(WORKS)} works`)
    const missing = await seed(`sqlite:${path.join(dir, 'missing.db')}`, dir, '--tags', path.join(dir, 'nope.csv'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('cannot read the tags file')
    await writeFile(path.join(dir, 'bad.csv'), 'a,b\n1,2\n')
    const bad = await seed(`sqlite:${path.join(dir, 'bad.db')}`, dir, '--tags', path.join(dir, 'bad.csv'))
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("the data dump's tags file")
  })
})
