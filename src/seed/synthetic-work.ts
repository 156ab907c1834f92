import { ulid } from 'ulid'
import type { ArchiveWarning } from '../domain/archive-warning.js'
import { parseWorkId } from '../domain/work.js'
import type { BulkChapter, BulkWork } from '../store/bulk-seed.js'
import type { SampleTag } from './ao3-tag-sample.js'
import { SeedRandom, WeightedPicker, zipfWeights } from './seed-random.js'
import { seedCreatorNames } from './synthetic-creators.js'
import { buildSeedTags, type SeedTags, type TagPool } from './synthetic-tags.js'
import { generateStoryText } from './story-text.js'
import { STORY_WORDS, TEXT_LANGUAGES, type TextLanguage } from './story-words.js'

/** Everything a synthetic archive is drawn from; works are made from it one by one. */
export type SeedPlan = Readonly<{
  seed: number
  works: number
  textWorks: number
  tags: SeedTags
  creators: readonly string[]
  creatorPicker: WeightedPicker
}>

export type SeedPlanOptions = Readonly<{ works: number; textWorks: number; seed: number }>

// Works are dated from AO3's opening to the dump's day; posting grew about a third a year.
const FIRST_YEAR = 2009
const LAST_DAY = Date.UTC(2021, 1, 26)
const YEAR_PICKER = new WeightedPicker(Array.from({ length: 13 }, (_, year) => 1.33 ** year))
// Works are "created" (imported) a second apart from this moment, so their ULIDs sort in order.
const CREATED_FROM = Date.UTC(2021, 1, 27)
const DAY = 86_400_000

// Languages as AO3 shows them: most works English. Text comes only in TEXT_LANGUAGES.
const TEXT_LANGUAGE_PICKER = new WeightedPicker([66, 8, 6, 6, 7, 4, 3])
const OTHER_LANGUAGES = ['en', 'zh', 'es', 'ru', 'fr', 'de', 'ja', 'ko', 'pt', 'it'] as const
const OTHER_LANGUAGE_PICKER = new WeightedPicker([84, 5, 3, 2.5, 1.5, 1, 1, 0.5, 1, 0.5])
const RELATIONSHIP_COUNTS = new WeightedPicker([30, 40, 15, 8, 4, 1.5, 1, 0.5])
const SPECIFIC_WARNINGS: readonly ArchiveWarning[] = ['violence', 'major-character-death', 'non-con', 'underage']

const PLACEHOLDER =
  'This work was made by quire seed: it carries a word count, tags and stats, but no text.'

/** Reads the tag sample and draws the archive's tags and creators. */
export function planArchive(sample: readonly SampleTag[], options: SeedPlanOptions): SeedPlan {
  const creators = seedCreatorNames(Math.max(5, Math.ceil(options.works / 3)), options.seed)
  return {
    ...options,
    tags: buildSeedTags(sample, options.works, options.seed),
    creators,
    // A few prolific creators and a long tail who post once, as on AO3.
    creatorPicker: new WeightedPicker(zipfWeights(creators.length, 0.8, 3)),
  }
}

/** Whether work `index` gets story text: spread evenly, exactly `textWorks` of `works`. */
export function hasText(plan: SeedPlan, index: number): boolean {
  const { works, textWorks } = plan
  return Math.floor(((index + 1) * textWorks) / works) > Math.floor((index * textWorks) / works)
}

/** Work number `index` of the plan: the same plan and index always give the same work. */
export function syntheticWork(plan: SeedPlan, index: number): BulkWork {
  const random = SeedRandom.forItem(plan.seed, 3, index)
  const { tags } = plan
  const withText = hasText(plan, index)
  const language = withText
    ? (TEXT_LANGUAGES[TEXT_LANGUAGE_PICKER.pick(random)] ?? 'en')
    : (OTHER_LANGUAGES[OTHER_LANGUAGE_PICKER.pick(random)] ?? 'en')
  const fandoms = pickFandoms(tags, random)
  const [firstFandom = -1] = fandoms
  const relationships: number[] = []
  const characters: number[] = []
  const relationshipCount = RELATIONSHIP_COUNTS.pick(random)
  for (let at = 0; at < relationshipCount; at += 1) {
    const pools = tags.byFandom.get(random.chance(0.8) ? firstFandom : random.pick(fandoms))
    if (pools !== undefined) addFrom(pools.relationships, random, relationships)
  }
  const characterCount = 1 + geometric(random, 0.3, 14)
  for (let at = 0; at < characterCount; at += 1) {
    const pools = tags.byFandom.get(random.chance(0.8) ? firstFandom : random.pick(fandoms))
    if (pools !== undefined) addFrom(pools.characters, random, characters)
  }
  const freeforms: number[] = []
  const freeformCount = random.chance(0.1) ? 0 : 1 + geometric(random, 0.2, 29)
  for (let at = 0; at < freeformCount; at += 1) {
    addFrom(random.chance(0.85) ? tags.freeformPool : tags.tailFreeformPool, random, freeforms)
  }
  let wordCount = Math.round(Math.min(600_000, Math.max(10, random.logNormal(7.9, 1.3))))
  let chapterCount = withText ? (random.chance(0.7) ? 1 : random.int(2, 3)) : chaptersFor(wordCount, random)
  let chapters: BulkChapter[]
  if (withText) {
    const textLanguage = language as TextLanguage
    const names = characters.map((tag) => (tags.tags[tag]?.name ?? '').replace(/ \(.*\)$/u, ''))
    const story = generateStoryText(random, textLanguage, random.int(1300, 1700), chapterCount, names, 0.04)
    wordCount = story.words
    chapterCount = story.chapters.length
    chapters = story.chapters.map((chapter) => ({
      title: chapter.title,
      sections: chapter.paragraphs.map((text) => ({ kind: 'paragraph', text })),
      wordCount: null,
    }))
  } else {
    chapters = Array.from({ length: chapterCount }, (_, at) => ({
      title: chapterCount > 1 ? `Chapter ${String(at + 1)}` : null,
      sections: [{ kind: 'note', text: PLACEHOLDER }],
      wordCount: null,
    }))
  }
  if (chapterCount === 1 && chapters[0] !== undefined) chapters[0] = { ...chapters[0], wordCount }
  const complete = chapterCount === 1 ? random.chance(0.97) : random.chance(0.55)
  const year = FIRST_YEAR + YEAR_PICKER.pick(random)
  const yearStart = Date.UTC(year, 0, 1)
  const posted = Math.min(LAST_DAY, yearStart + random.int(0, 364) * DAY)
  const updated =
    chapterCount === 1 && complete
      ? posted
      : Math.min(LAST_DAY, posted + Math.round(random.logNormal(3.5, 1.5)) * DAY)
  const ageYears = (LAST_DAY - posted) / (365 * DAY)
  const hits = Math.round(random.logNormal(6.2, 1.4) * (1 + ageYears / 3))
  const kudos = Math.round(hits * (0.02 + 0.1 * random.next()))
  const created = CREATED_FROM + index * 1000
  const id = parseWorkId(ulid(created, () => random.next()))
  if (id === undefined) throw new Error('seed: ulid() made an id that is not a ULID')
  const creatorCount = random.chance(0.05) ? 2 : 1
  const creators: number[] = []
  while (creators.length < creatorCount) {
    const creator = plan.creatorPicker.pick(random)
    if (!creators.includes(creator)) creators.push(creator)
  }
  const ratingTag = tags.ratingPool.tags[tags.ratingPool.picker.pick(random)] ?? -1
  const rating = [...tags.ratings].find(([, tag]) => tag === ratingTag)?.[0] ?? 'not-rated'
  const titleLanguage: TextLanguage = withText ? (language as TextLanguage) : 'en'
  return {
    id,
    title: makeTitle(random, titleLanguage),
    summary: random.chance(0.85) ? makeSummary(random, titleLanguage) : null,
    rating,
    language,
    wordCount,
    complete,
    chapterCount,
    posted: day(posted),
    updated: day(updated),
    kudos,
    hits,
    comments: Math.round(kudos * 0.3 * random.next() * Math.sqrt(chapterCount)),
    bookmarks: Math.round(kudos * (0.05 + 0.2 * random.next())),
    createdAt: new Date(created).toISOString(),
    creators,
    tags: [
      ratingTag,
      ...warningsOf(tags, random),
      ...categoriesOf(tags, random),
      ...fandoms,
      ...relationships,
      ...characters,
      ...freeforms,
    ],
    chapters,
  }
}

function pickFandoms(tags: SeedTags, random: SeedRandom): number[] {
  const fandoms: number[] = []
  const count = random.chance(0.08) ? (random.chance(0.12) ? 3 : 2) : 1
  for (let attempt = 0; fandoms.length < count && attempt < 8; attempt += 1) {
    addFrom(random.chance(0.9) ? tags.fandomPool : tags.tailFandomPool, random, fandoms)
  }
  return fandoms
}

function warningsOf(tags: SeedTags, random: SeedRandom): number[] {
  const primary = tags.warningPool.tags[tags.warningPool.picker.pick(random)] ?? -1
  const warnings = [primary]
  const specific = SPECIFIC_WARNINGS.map((warning) => tags.warnings.get(warning) ?? -1)
  if (specific.includes(primary)) {
    for (const other of specific) if (other !== primary && random.chance(0.12)) warnings.push(other)
    // The dump has works that warn for violence and say no warnings apply; a few here do too.
    const none = tags.warnings.get('no-warnings')
    if (none !== undefined && random.chance(0.02)) warnings.push(none)
  }
  return warnings
}

function categoriesOf(tags: SeedTags, random: SeedRandom): number[] {
  const categories: number[] = []
  const count = random.chance(0.12) ? 2 : random.chance(0.05) ? 0 : 1
  for (let attempt = 0; categories.length < count && attempt < 6; attempt += 1) {
    addFrom(tags.categoryPool, random, categories)
  }
  return categories
}

function addFrom(pool: TagPool, random: SeedRandom, into: number[]): void {
  const tag = pool.tags[pool.picker.pick(random)]
  if (tag !== undefined && !into.includes(tag)) into.push(tag)
}

// A geometric count with success chance `p`, at most `max`.
function geometric(random: SeedRandom, p: number, max: number): number {
  let count = 0
  while (count < max && !random.chance(p)) count += 1
  return count
}

// Most short works are one-shots; long ones mostly come in chapters of a few thousand words.
function chaptersFor(words: number, random: SeedRandom): number {
  if (words < 4000) return random.chance(0.92) ? 1 : random.int(2, 3)
  if (random.chance(0.35)) return 1
  return Math.max(1, Math.min(200, Math.round(words / random.logNormal(8, 0.5))))
}

function makeTitle(random: SeedRandom, language: TextLanguage): string {
  const { words, spaced } = STORY_WORDS[language]
  const content = words.slice(Math.floor(words.length / 4))
  const length = random.int(1, 4)
  const parts = Array.from({ length }, () => random.pick(content))
  const title = spaced ? parts.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ') : parts.join('')
  return title.slice(0, 255)
}

function makeSummary(random: SeedRandom, language: TextLanguage): string {
  const { words, spaced, stop } = STORY_WORDS[language]
  const parts = Array.from({ length: random.int(8, 30) }, () => random.pick(words))
  const text = parts.join(spaced ? ' ' : '')
  return text.charAt(0).toUpperCase() + text.slice(1) + stop
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}
