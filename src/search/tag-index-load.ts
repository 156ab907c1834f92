import type { Kysely } from 'kysely'
import type { TagId } from '../domain/stored-tag.js'
import type { WorkId } from '../domain/work.js'
import {
  findIndexTagParents,
  findIndexTags,
  findIndexWorks,
  scanIndexWorks,
  scanWorkIdsByFandom,
  scanIndexWorkTagLists,
  type IndexWorkTag,
} from '../store/index-scan.js'
import type { Database } from '../store/schema.js'
import {
  countWorkChangesSince,
  findWorkChangesSince,
  lastWorkChangeId,
  type WorkChange,
} from '../store/work-changes.js'
import { sortableText } from './sort-orders.js'
import { TagIndex } from './tag-index.js'

export type LoadTagIndexOptions = Readonly<{
  /**
   * How often at most a refresh re-reads every title and creator name to sort new works into the
   * title and creator orders (until then they sort last); 30 s by default, 0 for every refresh.
   */
  textOrderEveryMs?: number
  /** The clock, in ms; Date.now by default. */
  now?: () => number
}>

/** An index that follows the store: `refresh()` applies what changed since it last looked. */
export type LiveTagIndex = Readonly<{
  /** The index as of the last build or refresh; a rebuild replaces it. */
  current(): TagIndex
  /** Applies the changes logged since the last look; returns how many it read. */
  refresh(): Promise<RefreshResult>
}>

export type RefreshResult = Readonly<{ changes: number; rebuilt: boolean }>

// In PostgreSQL a change row can commit after one with a larger id (two imports at once), so
// each refresh reads back this far behind the newest id it has seen and skips what it applied.
const LOOK_BACK = 200
const CHANGES_BATCH = 1000
const WORKS_BATCH = 500

/** Builds the tag index from the store: tags and links, every work, every work-tag pair. */
export async function loadTagIndex(
  db: Kysely<Database>,
  options: LoadTagIndexOptions = {},
): Promise<LiveTagIndex> {
  const now = options.now ?? Date.now
  const every = options.textOrderEveryMs ?? 30_000
  let built = await buildTagIndex(db)
  let textOrderAt = now()
  let seen = built.lastChangeId
  // The changes the build holds already: applying them again cost a whole rebuild at the first
  // request whenever a tag-links row was among them, as after every `quire seed`.
  const applied = new Set<number>(built.changeIds)
  const forget = () => {
    for (const id of applied) if (id <= lookBackFrom(seen)) applied.delete(id)
  }
  const sortIfStale = async () => {
    if (built.index.isTextOrderStale && now() - textOrderAt >= every) {
      await sortByText(db, built.index)
      textOrderAt = now()
    }
  }
  return {
    current: () => built.index,
    async refresh() {
      // `applied` holds every change above lookBackFrom(seen) that was applied, and the log only
      // grows, so the same count in the log means no change came: one small query per request.
      if ((await countWorkChangesSince(db, lookBackFrom(seen))) === applied.size) {
        await sortIfStale()
        return { changes: 0, rebuilt: false }
      }
      const changes = await readChanges(db, seen, applied)
      for (const change of changes) {
        applied.add(change.id)
        seen = Math.max(seen, change.id)
      }
      forget()
      if (changes.some((change) => change.kind === 'tag-links')) {
        built = await buildTagIndex(db)
        for (const id of built.changeIds) applied.add(id)
        seen = Math.max(seen, built.lastChangeId)
        forget()
        textOrderAt = now()
        return { changes: changes.length, rebuilt: true }
      }
      const workIds = [...new Set(changes.flatMap((change) => (change.kind === 'work' ? [change.workId] : [])))]
      await applyWorkChanges(db, built.index, workIds)
      await sortIfStale()
      return { changes: changes.length, rebuilt: false }
    },
  }
}

/**
 * The index as the store holds it now, the newest change it includes, and the ids of the
 * changes it includes from the look-back window below that one.
 */
export async function buildTagIndex(
  db: Kysely<Database>,
): Promise<{ index: TagIndex; lastChangeId: number; changeIds: readonly number[] }> {
  // Read first: a change logged while the scan runs is applied again by the next refresh. A
  // change that commits late with a smaller id (PostgreSQL) is not in `changeIds` yet.
  const lastChangeId = await lastWorkChangeId(db)
  const recent = await findWorkChangesSince(db, lookBackFrom(lastChangeId), LOOK_BACK)
  const changeIds = recent.map((change) => change.id).filter((id) => id <= lastChangeId)
  const [tags, parents] = await Promise.all([findIndexTags(db), findIndexTagParents(db)])
  const index = new TagIndex(tags, parents)
  // Numbered fandom by fandom: a listing within one fandom, the commonest there is, then reads
  // one stretch of every array rather than a line of memory here and there across them all.
  for await (const ids of scanWorkIdsByFandom(db)) index.reserveNumbers(ids)
  const { titles, creators } = await readWorks(db, index)
  index.setTextOrder('title', titles)
  index.setTextOrder('creator', creators)
  index.beginBulk()
  for await (const lists of scanIndexWorkTagLists(db)) {
    for (const { workId, tagIds } of lists) {
      const work = index.numbers.numberOf(workId)
      // A work stored after the works were read: the change log brings it.
      if (work === undefined) continue
      // Awaited only when a tag is missing (made after the tags were read), never per work.
      if (tagIds.some((id) => !index.hasTag(id))) await addMissingTags(db, index, tagIds)
      index.setWorkTags(work, tagIds)
    }
  }
  index.endBulk()
  index.compact()
  index.ranks('updated')
  return { index, lastChangeId, changeIds }
}

/** Where a refresh starts reading: LOOK_BACK ids below the newest it has seen. */
function lookBackFrom(seen: number): number {
  return Math.max(0, seen - LOOK_BACK)
}

// Works come in id order, so each one's place in that order is known here for nothing; a number
// reserved for a work deleted meanwhile ranks after them all.
async function readWorks(db: Kysely<Database>, index: TagIndex) {
  const titles: string[] = []
  const creators: string[] = []
  let idRanks: Uint32Array = new Uint32Array(Math.max(index.numbers.count, 1024))
  const reserved = index.numbers.count
  const read = new Uint8Array(reserved)
  let rank = 0
  for await (const works of scanIndexWorks(db)) {
    for (const work of works) {
      const number = index.putWorkFields(work)
      titles[number] = sortableText(work.title)
      creators[number] = sortableText(work.creator ?? '')
      if (number >= idRanks.length) idRanks = grown(idRanks, number + 1)
      idRanks[number] = rank++
      if (number < reserved) read[number] = 1
    }
  }
  for (let number = 0; number < reserved; number += 1) {
    if (read[number] === 0) {
      titles[number] = ''
      creators[number] = ''
      idRanks[number] = rank++
    }
  }
  index.setIdRanks(idRanks)
  return { titles, creators }
}

function grown(array: Uint32Array, size: number): Uint32Array {
  const next = new Uint32Array(Math.max(size, array.length * 2))
  next.set(array)
  return next
}

async function sortByText(db: Kysely<Database>, index: TagIndex): Promise<void> {
  const titles: string[] = new Array<string>(index.numbers.count).fill('')
  const creators: string[] = new Array<string>(index.numbers.count).fill('')
  for await (const works of scanIndexWorks(db)) {
    for (const work of works) {
      const number = index.numbers.numberOf(work.id)
      if (number === undefined) continue
      titles[number] = sortableText(work.title)
      creators[number] = sortableText(work.creator ?? '')
    }
  }
  index.setTextOrder('title', titles)
  index.setTextOrder('creator', creators)
}

async function readChanges(
  db: Kysely<Database>,
  seen: number,
  applied: ReadonlySet<number>,
): Promise<WorkChange[]> {
  const changes: WorkChange[] = []
  let after = lookBackFrom(seen)
  for (;;) {
    const batch = await findWorkChangesSince(db, after, CHANGES_BATCH)
    changes.push(...batch.filter((change) => !applied.has(change.id)))
    const last = batch.at(-1)
    if (last === undefined || batch.length < CHANGES_BATCH) return changes
    after = last.id
  }
}

async function applyWorkChanges(
  db: Kysely<Database>,
  index: TagIndex,
  workIds: readonly WorkId[],
): Promise<void> {
  for (let start = 0; start < workIds.length; start += WORKS_BATCH) {
    const ids = workIds.slice(start, start + WORKS_BATCH)
    const { works, tags } = await findIndexWorks(db, ids)
    await addMissingTags(db, index, tags.map((pair) => pair.tagId))
    const tagsByWork = groupTags(tags)
    const found = new Set<WorkId>()
    for (const work of works) {
      found.add(work.id)
      index.putWork(work, tagsByWork.get(work.id) ?? [])
    }
    for (const id of ids) if (!found.has(id)) index.removeWork(id)
  }
}

async function addMissingTags(db: Kysely<Database>, index: TagIndex, tagIds: readonly TagId[]) {
  const missing = [...new Set(tagIds.filter((id) => !index.hasTag(id)))]
  if (missing.length > 0) index.addTags(await findIndexTags(db, missing))
}

function groupTags(pairs: readonly IndexWorkTag[]): Map<WorkId, TagId[]> {
  const byWork = new Map<WorkId, TagId[]>()
  for (const { workId, tagId } of pairs) {
    const list = byWork.get(workId)
    if (list === undefined) byWork.set(workId, [tagId])
    else list.push(tagId)
  }
  return byWork
}
