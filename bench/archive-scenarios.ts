import type { ReferenceDb, TagFilter } from './archive-sql.js'

/** The queries the benchmark asks, picked from the seeded archive itself. */
export type Scenarios = Readonly<{
  b: Readonly<{ query: string; filter: TagFilter; total: number }>
  c: Readonly<{ query: string; filter: TagFilter; total: number; lastPage: number }>
  search: string
  tagAlone: string
  d: string
  dTotal: number
  e: string
}>

type TagRow = { id: number; kind: string; name: string; canonical: number | null; works: number; parents: number[] }

/**
 * (b) the most popular fandom, its most popular character and the most popular freeform, less
 * the next two freeforms; (c) the largest tag that, less two popular freeforms, still matches at
 * least 250,000 works (or the most it can), at its last page; (d) a phrase with the fandom.
 */
export async function pickScenarios(db: ReferenceDb, server: string, phrase: readonly string[]): Promise<Scenarios> {
  const tags = await readTags(db)
  const byUse = [...tags.values()].filter((tag) => tag.canonical === null).sort((a, b) => b.works - a.works)
  const first = (kind: string, test: (tag: TagRow) => boolean = () => true) => {
    const found = byUse.find((tag) => tag.kind === kind && test(tag))
    if (found === undefined) throw new Error(`bench: the archive has no ${kind} tag to filter by`)
    return found
  }
  const fandom = first('fandom')
  const character = first('character', (tag) => tag.parents.includes(fandom.id))
  const freeforms = byUse.filter((tag) => tag.kind === 'freeform').slice(0, 3)
  const [f1, f2, f3] = freeforms
  if (f1 === undefined || f2 === undefined || f3 === undefined) throw new Error('bench: too few freeforms')
  const ids = (tag: TagRow) => [tag.id, ...[...tags.values()].filter((other) => other.canonical === tag.id).map((other) => other.id)]
  const query = (include: readonly TagRow[], exclude: readonly TagRow[], extra = '') =>
    '/works?' + [...include.map((tag) => `include=${encodeURIComponent(tag.name)}`), ...exclude.map((tag) => `exclude=${encodeURIComponent(tag.name)}`)].join('&') + extra
  const total = async (path: string) => {
    const response = await fetch(`${server}${path.replace('/works?', '/api/v1/works?')}`)
    if (!response.ok) throw new Error(`bench: ${path} answered ${String(response.status)}`)
    return ((await response.json()) as { total: number; pageCount: number })
  }
  const bQuery = query([fandom, character, f1], [f2, f3])
  const b = { query: bQuery, filter: { include: [fandom, character, f1].map(ids), exclude: [f2, f3].map(ids) }, total: (await total(bQuery)).total }
  let c: Scenarios['c'] | undefined
  for (const candidate of byUse.filter((tag) => tag !== f1 && tag !== f2).slice(0, 12)) {
    const found = await total(query([candidate], [f1, f2]))
    if (c === undefined || (c.total < 250_000 && found.total > c.total)) {
      c = { query: query([candidate], [f1, f2], `&page=${String(found.pageCount)}`), filter: { include: [ids(candidate)], exclude: [f1, f2].map(ids) }, total: found.total, lastPage: found.pageCount }
    }
    if (found.total >= 250_000 && found.total < 600_000) {
      c = { query: query([candidate], [f1, f2], `&page=${String(found.pageCount)}`), filter: { include: [ids(candidate)], exclude: [f1, f2].map(ids) }, total: found.total, lastPage: found.pageCount }
      break
    }
  }
  if (c === undefined) throw new Error('bench: no tag to page through')
  const q = encodeURIComponent(`"${phrase.join(' ')}"`)
  const d = `${query([fandom], [])}&q=${q}`
  const [[workId] = []] = await db.query(
    `select w.id from works w where w.rating = 'general' and exists (select 1 from chapters c where c.work_id = w.id) limit 1`,
  )
  if (typeof workId !== 'string') throw new Error('bench: no work with text rated General Audiences')
  return { b, c, search: `/api/v1/search?q=${q}`, tagAlone: query([fandom], []), d, dTotal: (await total(d)).total, e: `/works/${workId}` }
}

async function readTags(db: ReferenceDb): Promise<Map<number, TagRow>> {
  const tags = new Map<number, TagRow>()
  for (const [id, kind, name, canonical] of await db.query('select id, kind, name, canonical_id from tags')) {
    tags.set(Number(id), { id: Number(id), kind: String(kind), name: String(name), canonical: canonical === null ? null : Number(canonical), works: 0, parents: [] })
  }
  for (const [tagId, count] of await db.query('select tag_id, count(*) from work_tags group by tag_id')) {
    const tag = tags.get(Number(tagId))
    if (tag !== undefined) tag.works = Number(count)
  }
  for (const [child, parent] of await db.query('select child_id, parent_id from tag_parents')) tags.get(Number(child))?.parents.push(Number(parent))
  return tags
}
