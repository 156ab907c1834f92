import { ARCHIVE_WARNING_NAMES, type ArchiveWarning } from '../domain/archive-warning.js'
import { CATEGORY_NAMES, type Category } from '../domain/category.js'
import { RATING_NAMES, type Rating } from '../domain/rating.js'
import { makeTagName, type TagKind, type TagName } from '../domain/tag.js'
import { nameKey } from '../store/name-key.js'
import { withKindSuffix } from '../store/tags.js'
import type { SampleTag, SampleTagType } from './ao3-tag-sample.js'
import { tailTagName } from './tail-tag-names.js'
import { SeedRandom, WeightedPicker, zipfWeights } from './seed-random.js'

/** One tag of a synthetic archive; `canonical` and `fandoms` are indexes into `SeedTags.tags`. */
export type SeedTag = Readonly<{
  kind: TagKind
  name: TagName
  platonic: boolean
  /** The canonical tag this one is a synonym of. */
  canonical: number | null
  /** Parent fandoms (characters and relationships): AO3's wrangling, as tag_parents rows. */
  fandoms: readonly number[]
  /** Ratings, warnings and categories: the migration made these, so they are looked up by name. */
  fixed: boolean
}>

/** A weighted pool of tags to pick from. */
export type TagPool = Readonly<{ tags: readonly number[]; picker: WeightedPicker }>

/** Creator-written tags drawn from the dump's real names and counts, plus a long tail. */
export type SeedTags = Readonly<{
  tags: readonly SeedTag[]
  ratings: ReadonlyMap<Rating, number>
  ratingPool: TagPool
  warnings: ReadonlyMap<ArchiveWarning, number>
  warningPool: TagPool
  categoryPool: TagPool
  fandomPool: TagPool
  /** Tail fandoms, each a variant of a real fandom ("Doctor Who (2005)"). */
  tailFandomPool: TagPool
  freeformPool: TagPool
  tailFreeformPool: TagPool
  /** By canonical fandom: its characters and relationships, real and tail. */
  byFandom: ReadonlyMap<number, FandomPools>
}>

export type FandomPools = Readonly<{ characters: TagPool; relationships: TagPool }>

// The dump names two warnings as AO3 did in 2021; Quire keeps today's names.
const SAMPLE_WARNINGS: Readonly<Record<string, ArchiveWarning>> = {
  'Choose Not To Use Archive Warnings': 'choose-not-to-warn',
  'No Archive Warnings Apply': 'no-warnings',
  'Graphic Depictions Of Violence': 'violence',
  'Major Character Death': 'major-character-death',
  'Rape/Non-Con': 'non-con',
  Underage: 'underage',
}

const KIND_OF: Partial<Record<SampleTagType, TagKind>> = {
  Fandom: 'fandom',
  Relationship: 'relationship',
  Character: 'character',
  Freeform: 'freeform',
}

// Shares of the long tail by kind: on AO3 most one-off tags are freeforms.
const TAIL_SHARES: ReadonlyArray<readonly [TagKind, number]> = [
  ['fandom', 0.04],
  ['character', 0.2],
  ['relationship', 0.16],
  ['freeform', 0.6],
]

/**
 * Tags for an archive of `works` works: every creator-written tag of the sample with its
 * cached_count as its weight, synonyms where the sample's merger_id names a tag of the same kind,
 * and characters and relationships parented to fandoms. The dump has no parent links, so
 * characters that share a relationship ("Dean Winchester/Sam Winchester") stay together and
 * each such group goes to a fandom drawn by popularity. A tail of about 4 tags per 100 works
 * adds the one-off tags a real archive has (variants such as "Post-Canon Fluff").
 */
export function buildSeedTags(sample: readonly SampleTag[], works: number, seed: number): SeedTags {
  const builder = new TagListBuilder()
  const ratings = new Map<Rating, number>()
  const ratingWeights: number[] = []
  const ratingTags: number[] = []
  const warnings = new Map<ArchiveWarning, number>()
  const warningWeights: number[] = []
  const warningTags: number[] = []
  const categoryWeights: number[] = []
  const categoryTags: number[] = []
  for (const row of sample) {
    if (row.type === 'Rating') {
      const rating = ratingByName(row.name)
      if (rating === undefined) continue
      const index = builder.fixed('rating', RATING_NAMES[rating])
      ratings.set(rating, index)
      ratingTags.push(index)
      ratingWeights.push(row.count)
    } else if (row.type === 'ArchiveWarning') {
      const warning = SAMPLE_WARNINGS[row.name]
      if (warning === undefined) continue
      const index = builder.fixed('archive-warning', ARCHIVE_WARNING_NAMES[warning])
      warnings.set(warning, index)
      warningTags.push(index)
      warningWeights.push(row.count)
    } else if (row.type === 'Category') {
      const category = categoryByName(row.name)
      if (category === undefined) continue
      categoryTags.push(builder.fixed('category', CATEGORY_NAMES[category]))
      categoryWeights.push(row.count)
    }
  }
  // Creator-written tags, in the file's order, so the same file gives the same tag list.
  const bySampleId = new Map<number, number>()
  const weights = new Map<number, number>()
  for (const row of sample) {
    const kind = KIND_OF[row.type]
    if (kind === undefined) continue
    const index = builder.add(kind, row.name, row.type === 'Relationship' && / & /u.test(row.name))
    if (index === undefined) continue
    bySampleId.set(row.id, index)
    weights.set(index, Math.max(1, row.count))
  }
  for (const row of sample) {
    const synonym = bySampleId.get(row.id)
    const canonical = row.mergerId === null ? undefined : bySampleId.get(row.mergerId)
    if (synonym === undefined || canonical === undefined || synonym === canonical) continue
    builder.setCanonical(synonym, canonical)
  }
  const random = SeedRandom.forItem(seed, 1, 0)
  const ofKind = (kind: TagKind) => builder.indexesOf(kind).filter((index) => weights.has(index))
  const fandoms = ofKind('fandom')
  const canonicalFandoms = fandoms.filter((index) => builder.get(index).canonical === null)
  const fandomPicker = new WeightedPicker(canonicalFandoms.map((index) => weights.get(index) ?? 1))
  assignToFandoms(builder, ofKind('character'), ofKind('relationship'), canonicalFandoms, fandomPicker, random)
  const tail = addTail(builder, Math.max(20, Math.round(works * 0.04)), canonicalFandoms, fandomPicker, random)
  const poolOf = (indexes: readonly number[], weigh: (index: number) => number): TagPool => ({
    tags: indexes,
    picker: new WeightedPicker(indexes.map(weigh)),
  })
  const realWeight = (index: number) => weights.get(index) ?? 1
  const tailPool = (kind: TagKind) => poolOf(tail.get(kind) ?? [], zipfRank(tail.get(kind) ?? []))
  return {
    tags: builder.tags,
    ratings,
    ratingPool: { tags: ratingTags, picker: new WeightedPicker(ratingWeights) },
    warnings,
    warningPool: { tags: warningTags, picker: new WeightedPicker(warningWeights) },
    categoryPool: { tags: categoryTags, picker: new WeightedPicker(categoryWeights) },
    fandomPool: poolOf(fandoms, realWeight),
    tailFandomPool: tailPool('fandom'),
    freeformPool: poolOf(ofKind('freeform'), realWeight),
    tailFreeformPool: tailPool('freeform'),
    byFandom: fandomPools(builder, [...fandoms, ...(tail.get('fandom') ?? [])], weights, tail),
  }
}

// Tail tags weigh by a Zipf law on their place in the list: a few are used often, most once.
function zipfRank(indexes: readonly number[]): (index: number) => number {
  const place = new Map(indexes.map((index, rank) => [index, rank]))
  const weights = zipfWeights(indexes.length, 1.1, 5)
  return (index) => weights[place.get(index) ?? 0] ?? 0
}

function assignToFandoms(
  builder: TagListBuilder,
  characters: readonly number[],
  relationships: readonly number[],
  fandoms: readonly number[],
  fandomPicker: WeightedPicker,
  random: SeedRandom,
): void {
  const byName = new Map(characters.map((index) => [nameKey(builder.get(index).name), index]))
  const group = new Map(characters.map((index) => [index, index]))
  const root = (index: number): number => {
    let at = index
    while (group.get(at) !== at) at = group.get(at) ?? at
    return at
  }
  const members = (relationship: number) =>
    builder
      .get(relationship)
      .name.split(/\/| & /u)
      .map((name) => byName.get(nameKey(name.trim())))
      .filter((index) => index !== undefined)
  for (const relationship of relationships) {
    const [first, ...rest] = members(relationship)
    if (first === undefined) continue
    for (const other of rest) group.set(root(other), root(first))
  }
  const fandomOfGroup = new Map<number, number>()
  const fandomOf = (character: number): number => {
    const canonical = builder.get(character).canonical
    const groupRoot = root(canonical ?? character)
    let fandom = fandomOfGroup.get(groupRoot)
    if (fandom === undefined) {
      fandom = fandoms[fandomPicker.pick(random)] ?? fandoms[0] ?? -1
      fandomOfGroup.set(groupRoot, fandom)
    }
    return fandom
  }
  // Canonical characters first, so a synonym follows the fandom its canonical went to.
  const ordered = [...characters].sort((a, b) => Number(builder.get(a).canonical !== null) - Number(builder.get(b).canonical !== null) || a - b)
  for (const character of ordered) builder.setFandoms(character, [fandomOf(character)])
  for (const relationship of relationships) {
    const [first] = members(relationship)
    const fandom = first === undefined ? (fandoms[fandomPicker.pick(random)] ?? -1) : fandomOf(first)
    builder.setFandoms(relationship, [fandom])
  }
}

function addTail(
  builder: TagListBuilder,
  count: number,
  fandoms: readonly number[],
  fandomPicker: WeightedPicker,
  random: SeedRandom,
): Map<TagKind, number[]> {
  const tail = new Map<TagKind, number[]>()
  const freeforms = builder.indexesOf('freeform').filter((index) => builder.get(index).canonical === null)
  const charactersOf = new Map<number, string[]>()
  for (const index of builder.indexesOf('character')) {
    const tag = builder.get(index)
    if (tag.canonical !== null) continue
    for (const fandom of tag.fandoms) charactersOf.set(fandom, [...(charactersOf.get(fandom) ?? []), tag.name])
  }
  for (const [kind, share] of TAIL_SHARES) {
    const made: number[] = []
    const wanted = Math.round(count * share)
    for (let attempt = 0; made.length < wanted && attempt < wanted * 4; attempt += 1) {
      const fandom = fandoms[fandomPicker.pick(random)] ?? -1
      const name = tailTagName(kind, random, {
        fandom: builder.get(fandom).name,
        freeforms: [random.pick(freeforms), random.pick(freeforms)].map((index) => builder.get(index).name),
        characters: charactersOf.get(fandom) ?? [],
        serial: attempt,
      })
      if (name === undefined) continue
      const index = builder.add(kind, name, kind === 'relationship' && / & /u.test(name))
      if (index === undefined) continue
      if (kind === 'fandom') builder.get(index).base = fandom
      else if (kind === 'character' || kind === 'relationship') builder.setFandoms(index, [fandom])
      made.push(index)
    }
    tail.set(kind, made)
  }
  return tail
}

function fandomPools(
  builder: TagListBuilder,
  fandoms: readonly number[],
  weights: ReadonlyMap<number, number>,
  tail: ReadonlyMap<TagKind, readonly number[]>,
): Map<number, FandomPools> {
  const tailRank = new Map<number, number>()
  for (const list of tail.values()) list.forEach((index, rank) => tailRank.set(index, rank))
  // A tail tag weighs like a real tag used a few times; a real one by its count.
  const weigh = (index: number) => weights.get(index) ?? 40 / ((tailRank.get(index) ?? 0) % 400 + 5)
  const lists = new Map<number, { characters: number[]; relationships: number[] }>()
  builder.tags.forEach((tag, index) => {
    if (tag.kind !== 'character' && tag.kind !== 'relationship') return
    for (const fandom of tag.fandoms) {
      const entry = lists.get(fandom) ?? { characters: [], relationships: [] }
      ;(tag.kind === 'character' ? entry.characters : entry.relationships).push(index)
      lists.set(fandom, entry)
    }
  })
  const pools = new Map<number, FandomPools>()
  for (const fandom of fandoms) {
    // A synonym or tail fandom shares the pools of the fandom it stands for or varies.
    const source = builder.get(fandom).canonical ?? builder.baseOf(fandom) ?? fandom
    const entry = lists.get(source) ?? { characters: [], relationships: [] }
    pools.set(fandom, {
      characters: { tags: entry.characters, picker: new WeightedPicker(entry.characters.map(weigh)) },
      relationships: { tags: entry.relationships, picker: new WeightedPicker(entry.relationships.map(weigh)) },
    })
  }
  return pools
}

function ratingByName(name: string): Rating | undefined {
  return (Object.keys(RATING_NAMES) as Rating[]).find((rating) => RATING_NAMES[rating] === name)
}

function categoryByName(name: string): Category | undefined {
  return (Object.keys(CATEGORY_NAMES) as Category[]).find((category) => CATEGORY_NAMES[category] === name)
}

type MutableTag = { -readonly [K in keyof SeedTag]: SeedTag[K] } & { base: number | null }

// Names are unique across the archive, as the store keeps them: a clash across kinds gets the
// store's own kind suffix ("Gen (Additional Tag)"), a clash within a kind is the same tag.
class TagListBuilder {
  readonly tags: MutableTag[] = []
  readonly #byKey = new Map<string, number>()
  readonly #byKind = new Map<TagKind, number[]>()

  get(index: number): MutableTag {
    const tag = this.tags[index]
    if (tag === undefined) throw new Error(`seed tags: no tag ${String(index)}`)
    return tag
  }

  indexesOf(kind: TagKind): number[] {
    return this.#byKind.get(kind) ?? []
  }

  fixed(kind: TagKind, name: string): number {
    return this.add(kind, name, false, true) ?? -1
  }

  /** The new tag's index; undefined when a tag of this kind has the name already. */
  add(kind: TagKind, raw: string, platonic: boolean, fixed = false): number | undefined {
    const name = makeTagName(raw)
    if (name === '') return undefined
    for (const candidate of [name, withKindSuffix(name, kind)]) {
      const holder = this.#byKey.get(nameKey(candidate))
      if (holder !== undefined) {
        if (this.get(holder).kind === kind) return undefined
        continue
      }
      const index = this.tags.length
      this.tags.push({ kind, name: candidate, platonic, canonical: null, fandoms: [], fixed, base: null })
      this.#byKey.set(nameKey(candidate), index)
      const list = this.#byKind.get(kind)
      if (list === undefined) this.#byKind.set(kind, [index])
      else list.push(index)
      return index
    }
    return undefined
  }

  setCanonical(synonym: number, canonical: number): void {
    const [tag, target] = [this.get(synonym), this.get(canonical)]
    // AO3 allows one step only, within one kind, and a canonical with synonyms stays canonical.
    if (tag.kind !== target.kind || target.canonical !== null) return
    if (this.tags.some((other) => other.canonical === synonym)) return
    tag.canonical = canonical
  }

  setFandoms(index: number, fandoms: readonly number[]): void {
    this.get(index).fandoms = fandoms.filter((fandom) => fandom >= 0)
  }

  baseOf(index: number): number | null {
    return this.get(index).base
  }
}
