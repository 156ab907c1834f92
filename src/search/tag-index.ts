import type { TagId } from '../domain/stored-tag.js'
import type { TagKind, TagName } from '../domain/tag.js'
import type { WorkId } from '../domain/work.js'
import type { IndexTag, IndexTagParent, IndexWork } from '../store/index-scan.js'
import { nameKey } from '../store/name-key.js'
import { dayNumber, isDescending, numericRanks, textRanks, type SortKey } from './sort-orders.js'
import { ArraySet, BitSet, type WorkSet } from './tag-index-bits.js'
import { resolveTagLinks, type TagLinks } from './tag-index-links.js'
import { WorkNumbers } from './work-numbers.js'

/** The columns a filter or sort reads, indexed by work number. */
export type WorkColumns = Readonly<{
  words: Uint32Array
  /** 0 for none; else an index into `languages()`. */
  language: Uint16Array
  /** Days since 1970-01-01. */
  updated: Int32Array
  posted: Int32Array
  kudos: Uint32Array
  hits: Uint32Array
  comments: Uint32Array
  bookmarks: Uint32Array
}>

type TextSortKey = 'title' | 'creator'
const NUMERIC_COLUMN = {
  updated: 'updated',
  posted: 'posted',
  words: 'words',
  kudos: 'kudos',
  hits: 'hits',
  comments: 'comments',
  bookmarks: 'bookmarks',
} as const satisfies Record<Exclude<SortKey, TextSortKey>, keyof WorkColumns>

/**
 * Every work's filter tags, laid out so that a facet count over scattered works touches one
 * cache line per work rather than three (an offset, a length and the list): work n owns the 16
 * numbers from `n * FILTER_TAG_STRIDE`, the first its tag count. Up to 15 tags follow in the
 * block; a longer list (a fifth of works) lives in `overflow` from the offset the block holds next.
 */
export type FilterTagBlocks = Readonly<{ blocks: Uint32Array; overflow: Uint32Array }>
export const FILTER_TAG_STRIDE = 16

/** Ranks for one sort: rank[work] orders works, smaller first; every rank is under `limit`. */
export type SortRanks = Readonly<{ ranks: Uint32Array; limit: number }>

/**
 * Which works carry which tag, held in memory: per tag, a sorted array or bitset of dense work
 * numbers; per work, its filter tags (the tags it carries resolved to canonical tags, plus the
 * metatags above them) and typed-array columns for the other filters and the sorts. Pure: the
 * store fills it (tag-index-load.ts) and filterWorks reads it.
 */
export class TagIndex {
  readonly numbers = new WorkNumbers()
  #links: TagLinks
  #postings: Array<ArraySet | BitSet> = []
  #live = new BitSet()
  #complete = new BitSet()
  #crossover = new BitSet()
  #columns: WorkColumns = makeColumns(1024)
  #languages: string[] = ['']
  #capacity = 1024
  #filterTags = new Uint32Array(1024 * FILTER_TAG_STRIDE)
  #overflow = new Uint32Array(1024)
  #overflowUsed = 0
  #ranks = new Map<SortKey, SortRanks>()
  #idRanks: Uint32Array | undefined
  /** The work whose id ranks last in `#idRanks`; -1 with none. */
  #lastInIdOrder = -1
  #textStale = false
  #bulk = false

  constructor(tags: readonly IndexTag[], parents: readonly IndexTagParent[]) {
    this.#links = resolveTagLinks(tags, parents)
  }

  /** Tags made since the index was built; their links come with the next rebuild. */
  addTags(tags: readonly IndexTag[]): void {
    const unknown = tags.filter((tag) => this.#links.numberById.get(tag.id) === undefined)
    if (unknown.length > 0) this.#links = this.#links.withNewTags(unknown)
  }

  /** Whether the index knows a tag with this id. */
  hasTag(id: TagId): boolean {
    return this.#links.numberById.has(id)
  }

  /** Adds the work or replaces its fields and tags. */
  putWork(work: IndexWork, tagIds: readonly TagId[]): void {
    const number = this.putWorkFields(work)
    this.setWorkTags(number, tagIds)
  }

  /**
   * Gives these works their numbers now, in this order, before their fields come: works that
   * are often listed together (a fandom's) then sit side by side in every array of the index.
   */
  reserveNumbers(ids: readonly WorkId[]): void {
    for (const id of ids) this.numbers.add(id)
    this.#idRanks = undefined
  }

  /**
   * Where each work falls in id order, when the caller knows it (it read the works in id
   * order); else the index sorts the ids the first time an order needs them.
   */
  setIdRanks(ranks: Uint32Array): void {
    const count = this.numbers.count
    if (ranks.length < count) throw new RangeError(`tag index: ${String(ranks.length)} id ranks for ${String(count)} works`)
    this.#idRanks = ranks
    this.#lastInIdOrder = ranks.indexOf(count - 1)
  }

  /** Adds the work or replaces its fields, leaving its tags; returns its number. */
  putWorkFields(work: IndexWork): number {
    const isNew = this.numbers.numberOf(work.id) === undefined
    const number = this.numbers.add(work.id)
    if (isNew) this.#extendIdRanks(number)
    this.#ensureCapacity(number + 1)
    const columns = this.#columns
    columns.words[number] = work.wordCount
    columns.language[number] = this.#languageCode(work.language)
    columns.updated[number] = dayNumber(work.updated) || 0
    columns.posted[number] = dayNumber(work.posted) || 0
    columns.kudos[number] = work.kudos
    columns.hits[number] = work.hits
    columns.comments[number] = work.comments
    columns.bookmarks[number] = work.bookmarks
    if (work.complete) this.#complete.add(number)
    else this.#complete.remove(number)
    this.#live.add(number)
    this.#touchRanks(number, isNew)
    return number
  }

  /** Replaces the tags of work `number`. */
  setWorkTags(number: number, tagIds: readonly TagId[]): void {
    this.#forEachFilterTag(number, (tag) => this.#postings[tag]?.remove(number))
    const filterTags: number[] = []
    const fandomRoots: number[] = []
    for (const id of tagIds) {
      const tag = this.#links.numberById.get(id)
      if (tag === undefined) throw new Error(`tag index: work ${this.numbers.idOf(number)} has tag ${String(id)}, which the index was not given`)
      for (const target of this.#links.filterTargets(tag)) {
        if (!filterTags.includes(target)) filterTags.push(target)
      }
      for (const root of this.#links.fandomRoots(tag)) {
        if (!fandomRoots.includes(root)) fandomRoots.push(root)
      }
    }
    if (fandomRoots.length >= 2) this.#crossover.add(number)
    else this.#crossover.remove(number)
    this.#writeFilterTags(number, filterTags)
    if (!this.#bulk) for (const tag of filterTags) this.#addPosting(tag, number)
  }

  /**
   * Until `endBulk`, works' tags go only into their own lists; `endBulk` then makes every tag's
   * set in one pass (a transpose), where adding works one by one would grow 100,000s of arrays.
   */
  beginBulk(): void {
    this.#bulk = true
  }

  endBulk(): void {
    this.#bulk = false
    const sizes = new Uint32Array(this.tagCount)
    this.#live.forEach((work) => {
      this.#forEachFilterTag(work, (tag) => {
        sizes[tag] = (sizes[tag] ?? 0) + 1
      })
    })
    const count = this.numbers.count
    const starts = new Uint32Array(this.tagCount + 1)
    for (let tag = 0; tag < this.tagCount; tag += 1) {
      const size = sizes[tag] ?? 0
      starts[tag + 1] = (starts[tag] ?? 0) + (isBitSetSize(size, count) ? 0 : size)
    }
    const shared = new Uint32Array(starts[this.tagCount] ?? 0)
    const filled = starts.slice(0, this.tagCount)
    const postings: Array<ArraySet | BitSet> = []
    for (let tag = 0; tag < this.tagCount; tag += 1) {
      const size = sizes[tag] ?? 0
      postings.push(isBitSetSize(size, count) ? new BitSet(new Uint32Array((count + 31) >>> 5), 0) : new ArraySet())
    }
    // Works in number order, so each tag's array comes out sorted.
    this.#live.forEach((work) => {
      this.#forEachFilterTag(work, (tag) => {
        const set = postings[tag]
        if (set instanceof BitSet) set.add(work)
        else {
          const at = filled[tag] ?? 0
          shared[at] = work
          filled[tag] = at + 1
        }
      })
    })
    for (let tag = 0; tag < this.tagCount; tag += 1) {
      const size = sizes[tag] ?? 0
      if (isBitSetSize(size, count)) continue
      const from = starts[tag] ?? 0
      postings[tag] = new ArraySet(shared.subarray(from, from + size), size)
    }
    this.#postings = postings
  }

  /** Takes a deleted work out of every set; its number is not given again. */
  removeWork(id: WorkId): void {
    const number = this.numbers.numberOf(id)
    if (number === undefined || !this.#live.has(number)) return
    this.#forEachFilterTag(number, (tag) => this.#postings[tag]?.remove(number))
    this.#filterTags[number * FILTER_TAG_STRIDE] = 0
    this.#live.remove(number)
    this.#complete.remove(number)
    this.#crossover.remove(number)
  }

  /** Orders works by title or first creator, from keys read by number (see sortableText). */
  setTextOrder(key: TextSortKey, keys: readonly string[]): void {
    this.#ranks.set(key, { ranks: textRanks(keys, this.#idOrder()), limit: keys.length })
    this.#textStale = false
  }

  /** True when works came or changed since the last setTextOrder: they sort last meanwhile. */
  get isTextOrderStale(): boolean {
    return this.#textStale
  }

  /** The ranks of a sort, computed when first asked for after a change. */
  ranks(key: SortKey): SortRanks {
    const known = this.#ranks.get(key)
    if (known !== undefined) return known
    const count = this.numbers.count
    if (key === 'title' || key === 'creator') {
      // Never given keys (an index built by hand): number order, until setTextOrder.
      return { ranks: Uint32Array.from({ length: count }, (_, work) => work), limit: count }
    }
    const values = this.#columns[NUMERIC_COLUMN[key]]
    const ranks = { ranks: numericRanks(values, count, this.#idOrder(), isDescending(key)), limit: count }
    this.#ranks.set(key, ranks)
    return ranks
  }

  /** Every work that has not been deleted. */
  get live(): BitSet {
    return this.#live
  }

  get complete(): WorkSet {
    return this.#complete
  }

  /** Works whose fandoms, resolved, lie under two or more top fandoms. */
  get crossover(): WorkSet {
    return this.#crossover
  }

  get columns(): WorkColumns {
    return this.#columns
  }

  /** The language code a column value stands for, or undefined for none known. */
  languageNumber(code: string): number | undefined {
    const index = this.#languages.indexOf(code)
    return index > 0 ? index : undefined
  }

  /** The filter tag a name picks: the tag itself, or its canonical tag when it is a synonym. */
  tagNumberByName(name: string): number | undefined {
    const tag = this.#links.numberByNameKey.get(nameKey(name))
    return tag === undefined ? undefined : this.#links.canonical(tag)
  }

  /** How many tags the index knows; tag numbers run below it. */
  get tagCount(): number {
    return this.#links.ids.length
  }

  tagId(tag: number): TagId {
    return this.#links.ids[tag] ?? (0 as TagId)
  }

  tagName(tag: number): TagName {
    return this.#links.names[tag] ?? ('' as TagName)
  }

  /** Each tag's kind as its place in TAG_KINDS. */
  get tagKindOrdinals(): readonly number[] {
    return this.#links.kindOrdinals
  }

  tagKind(tag: number): TagKind {
    return this.#links.kinds[tag] ?? 'freeform'
  }

  /** The works carrying a filter tag (synonyms' and subtags' works included). */
  works(tag: number): WorkSet {
    return this.#postings[tag] ?? EMPTY_SET
  }

  /** Calls `visit` with each filter tag of work `number`. */
  forEachFilterTag(number: number, visit: (tag: number) => void): void {
    this.#forEachFilterTag(number, visit)
  }

  /** Every work's filter tags; see FilterTagBlocks. */
  filterTagBlocks(): FilterTagBlocks {
    return { blocks: this.#filterTags, overflow: this.#overflow }
  }

  /** Memory the index holds in typed arrays and sets, in bytes (strings of tag names aside). */
  byteSize(): number {
    let bytes = this.numbers.byteSize() + this.#filterTags.byteLength + this.#overflow.byteLength
    for (const column of Object.values(this.#columns)) bytes += column.byteLength
    for (const set of this.#postings) bytes += set instanceof BitSet ? set.words().byteLength : set.items().byteLength
    for (const set of [this.#live, this.#complete, this.#crossover]) bytes += set.words().byteLength
    for (const { ranks } of this.#ranks.values()) bytes += ranks.byteLength
    return bytes
  }

  /** Drops spare capacity after a bulk build. */
  compact(): void {
    this.#overflow = this.#overflow.slice(0, Math.max(this.#overflowUsed, 1024))
  }

  #forEachFilterTag(number: number, visit: (tag: number) => void): void {
    const at = number * FILTER_TAG_STRIDE
    const count = this.#filterTags[at] ?? 0
    const [tags, start] = count < FILTER_TAG_STRIDE ? [this.#filterTags, at + 1] : [this.#overflow, this.#filterTags[at + 1] ?? 0]
    for (let index = start; index < start + count; index += 1) visit(tags[index] ?? 0)
  }

  // A work's list goes in its block, or when too long at the end of the overflow list, where a
  // changed work's old list is left as garbage until a rebuild.
  #writeFilterTags(number: number, tags: readonly number[]): void {
    const at = number * FILTER_TAG_STRIDE
    this.#filterTags[at] = tags.length
    if (tags.length < FILTER_TAG_STRIDE) {
      this.#filterTags.set(tags, at + 1)
      return
    }
    const start = this.#overflowUsed
    if (start + tags.length > this.#overflow.length) {
      this.#overflow = grow(this.#overflow, Math.max(this.#overflow.length * 2, start + tags.length))
    }
    this.#overflow.set(tags, start)
    this.#filterTags[at + 1] = start
    this.#overflowUsed = start + tags.length
  }

  #addPosting(tag: number, work: number): void {
    let set = this.#postings[tag]
    if (set === undefined) {
      while (this.#postings.length <= tag) this.#postings.push(new ArraySet())
      set = this.#postings[tag] ?? new ArraySet()
    }
    set.add(work)
    if (set instanceof ArraySet && isBitSetSize(set.size, this.numbers.count)) {
      const bits = new BitSet(new Uint32Array((this.numbers.count + 31) >>> 5), 0)
      set.forEach((member) => bits.add(member))
      this.#postings[tag] = bits
    }
  }

  #touchRanks(number: number, isNew: boolean): void {
    for (const key of [...this.#ranks.keys()]) {
      if (key !== 'title' && key !== 'creator') {
        this.#ranks.delete(key)
        continue
      }
      this.#textStale = true
      const known = this.#ranks.get(key)
      if (known === undefined || !isNew) continue
      // Until the next setTextOrder, a new work sorts after every other.
      const ranks = known.ranks.length > number ? known.ranks : grow(known.ranks, number + 1)
      ranks[number] = known.limit
      this.#ranks.set(key, { ranks, limit: known.limit + 1 })
    }
  }

  // A new work's id is almost always the largest yet (ids begin with the time): it ranks last,
  // and the ranks stand. Any other id costs a sort of them all, when next needed.
  #extendIdRanks(number: number): void {
    const ranks = this.#idRanks
    if (ranks === undefined) return
    const last = this.#lastInIdOrder
    if (last >= 0 && this.numbers.idOf(number) < this.numbers.idOf(last)) {
      this.#idRanks = undefined
      return
    }
    const grown = ranks.length > number ? ranks : grow(ranks, Math.max(number + 1, ranks.length * 2))
    grown[number] = number
    this.#idRanks = grown
    this.#lastInIdOrder = number
  }

  #idOrder(): Uint32Array | undefined {
    if (this.numbers.inIdOrder) return undefined
    if (this.#idRanks === undefined) {
      const count = this.numbers.count
      const ids = Array.from({ length: count }, (_, work) => this.numbers.idOf(work))
      const order = Uint32Array.from({ length: count }, (_, work) => work).sort((a, b) =>
        (ids[a] ?? '') < (ids[b] ?? '') ? -1 : 1,
      )
      this.#idRanks = new Uint32Array(count)
      order.forEach((work, rank) => {
        if (this.#idRanks !== undefined) this.#idRanks[work] = rank
      })
      this.#lastInIdOrder = order[count - 1] ?? -1
    }
    return this.#idRanks
  }

  #languageCode(language: string | null): number {
    if (language === null || language === '') return 0
    const known = this.#languages.indexOf(language)
    if (known > 0) return known
    if (this.#languages.length >= 0xffff) return 0
    this.#languages.push(language)
    return this.#languages.length - 1
  }

  #ensureCapacity(count: number): void {
    if (count <= this.#capacity) return
    const size = Math.max(count, this.#capacity * 2)
    this.#capacity = size
    this.#filterTags = grow(this.#filterTags, size * FILTER_TAG_STRIDE)
    const columns = makeColumns(size)
    for (const key of COLUMN_KEYS) columns[key].set(this.#columns[key])
    this.#columns = columns
  }
}

const EMPTY_SET: WorkSet = new ArraySet()
const COLUMN_KEYS = ['words', 'language', 'updated', 'posted', 'kudos', 'hits', 'comments', 'bookmarks'] as const satisfies ReadonlyArray<keyof WorkColumns>

// A bitset costs a bit per work in the archive, an array 32 bits per member.
function isBitSetSize(size: number, count: number): boolean {
  return size * 32 > Math.max(count, 4096)
}

function makeColumns(size: number): WorkColumns {
  return {
    words: new Uint32Array(size),
    language: new Uint16Array(size),
    updated: new Int32Array(size),
    posted: new Int32Array(size),
    kudos: new Uint32Array(size),
    hits: new Uint32Array(size),
    comments: new Uint32Array(size),
    bookmarks: new Uint32Array(size),
  }
}

function grow(array: Uint32Array, size: number): Uint32Array<ArrayBuffer>
function grow(array: Uint16Array, size: number): Uint16Array<ArrayBuffer>
function grow(array: Uint32Array | Uint16Array, size: number): Uint32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> {
  const grown = array instanceof Uint16Array ? new Uint16Array(size) : new Uint32Array(size)
  grown.set(array)
  return grown
}
