import iconv from 'iconv-lite'
import type { Ao3Names } from './ao3-names.js'
import type { Random } from './random.js'

export type GeneratedStory = Readonly<{ fileName: string; bytes: Buffer; words: number }>

const WORDS = (
  'the a and of to in was he she it that his her with for as on at by from had not but be ' +
  'they you we this all were one when there what so out up into could would about then them ' +
  'said like know back only time over just eyes hand door night light voice room way still ' +
  'again away something never before after long little down each other looked thought felt ' +
  'turned smiled quietly slowly morning window coffee river bridge letter silence winter ' +
  'summer library kitchen friend stranger question answer promise careful breath heart ' +
  "don't couldn't I'm it's she'd wasn't"
).split(/\s+/u)

const HEADER_KEYS: Readonly<Record<string, readonly string[]>> = {
  title: ['Title', 'TITLE', 'Title'],
  author: ['Author', 'By', 'Written by', 'AUTHOR'],
  fandom: ['Fandom', 'FANDOM'],
  rating: ['Rating', 'Rated', 'RATING'],
  pairing: ['Pairing', 'Pairings', 'Ship'],
  summary: ['Summary', 'SUMMARY'],
  disclaimer: ['Disclaimer', 'DISCLAIMER'],
  notes: ['A/N', "Author's Notes", 'Notes'],
  feedback: ['Feedback'],
}
const RATINGS = ['G', 'PG', 'PG-13', 'R', 'NC-17', 'K+', 'T', 'M', 'FR13', 'Teen', 'Adult']
const BREAKS = ['* * *', '***', '~~~', '-----', 'oOo', 'xXx', '#', '~*~*~']
const END_MARKERS = ['END', 'The End', 'Fin', '~fin~', 'TBC', 'To be continued...']

/** Words on a long tail, as a real archive has them: most works short, a few novels (max 200k). */
export function longTailWordCount(random: Random): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next())
  return Math.max(100, Math.min(200_000, Math.round(Math.exp(7.9 + 1.25 * normal))))
}

/** A block of a story's body, as the generator made it. */
export type StoryBlock = Readonly<{ kind: 'heading' | 'pov' | 'break' | 'stanza' | 'paragraph'; text: string }>

/** What a story says, before it is written out in one format or another. */
export type StoryParts = Readonly<{
  index: number
  words: number
  /** Header values by key (title, author, fandom or disclaimer, rating, pairing, summary, …). */
  fields: Readonly<Record<string, string>>
  /** The header as the plain-text file writes it: varied labels, in no fixed order. */
  headerLines: readonly string[]
  /** Chapter headings, breaks, stanzas and paragraphs in reading order. */
  body: readonly StoryBlock[]
  endMarker: string
}>

/** A story's parts: the same random draws, in the same order, as generateStory makes. */
export function generateStoryParts(random: Random, names: Ao3Names, index: number, targetWords: number): StoryParts {
  const fandom = zipf(random, names.fandoms)
  const a = zipf(random, names.characters)
  const b = zipf(random, names.characters)
  const fields: Record<string, string> = {}
  const headerLines = writeHeaderLines(random, fields, { fandom, pairing: `${a}/${b}${random.chance(0.2) ? ' friendship' : ''}`, index })
  const body: StoryBlock[] = []
  const chapters = targetWords > 8000 ? random.int(2, Math.min(60, Math.ceil(targetWords / 4000))) : 1
  const perChapter = Math.ceil(targetWords / chapters)
  let words = 0
  for (let chapter = 1; chapter <= chapters; chapter++) {
    if (chapters > 1) body.push({ kind: 'heading', text: random.chance(0.5) ? `Chapter ${String(chapter)}` : `Part ${String(chapter)}: ${sentence(random, 3).replace(/\.$/u, '')}` })
    if (random.chance(0.3)) body.push({ kind: 'pov', text: `${a}'s PoV` })
    let chapterWords = 0
    while (chapterWords < perChapter) {
      if (random.chance(0.04)) body.push({ kind: 'break', text: random.pick(BREAKS) })
      if (random.chance(0.02)) body.push({ kind: 'stanza', text: stanza(random) })
      const paragraph = Array.from({ length: random.int(2, 7) }, () => sentence(random, random.int(6, 22))).join(' ')
      body.push({ kind: 'paragraph', text: random.chance(0.15) ? `"${paragraph}"` : paragraph })
      chapterWords += paragraph.split(' ').length
    }
    words += chapterWords
  }
  return { index, words, fields, headerLines, body, endMarker: random.pick(END_MARKERS) }
}

/** One legacy-style plain-text story of about `targetWords` words, with varied headers and quirks. */
export function generateStory(
  random: Random,
  names: Ao3Names,
  index: number,
  targetWords: number,
): GeneratedStory {
  const parts = generateStoryParts(random, names, index, targetWords)
  const newline = random.chance(0.2) ? '\r\n' : '\n'
  const body = [...parts.body.map((block) => block.text), parts.endMarker]
  const text = [...parts.headerLines, '', random.pick(BREAKS), '', ...body].join(newline + newline) + newline
  return { fileName: `story-${String(index).padStart(6, '0')}.txt`, bytes: encode(random, text), words: parts.words }
}

function writeHeaderLines(random: Random, values: Record<string, string>, story: { fandom: string; pairing: string; index: number }): string[] {
  const field = (key: string, value: string): string => {
    values[key] = value
    const label = random.pick(HEADER_KEYS[key] ?? [key])
    return random.chance(0.1) ? `**${label}:** ${value}` : `${label}: ${value}`
  }
  const lines = [
    field('title', `${sentence(random, random.int(1, 5)).replace(/\.$/u, '')} ${String(story.index)}`),
    field('author', `writer${String(random.int(1, 5000))}`),
    random.chance(0.5)
      ? field('fandom', story.fandom)
      : field('disclaimer', `I don't own ${story.fandom} or any of its characters.`),
    field('rating', `${random.pick(RATINGS)}${random.chance(0.3) ? ' for language' : ''}`),
    field('pairing', story.pairing),
    field('summary', Array.from({ length: random.int(1, 3) }, () => sentence(random, random.int(8, 20))).join(' ')),
  ]
  if (random.chance(0.4)) lines.push(field('notes', sentence(random, random.int(10, 30))))
  if (random.chance(0.2)) lines.push(field('feedback', `writer${String(random.int(1, 5000))}@example.org`))
  // Old archives put the header fields in no fixed order.
  return random.chance(0.3) ? lines.sort(() => random.next() - 0.5) : lines
}

function sentence(random: Random, length: number): string {
  const words = Array.from({ length }, () => random.pick(WORDS))
  const first = words[0] ?? 'the'
  words[0] = first.charAt(0).toUpperCase() + first.slice(1)
  return `${words.join(' ')}.`
}

function stanza(random: Random): string {
  return Array.from({ length: random.int(3, 6) }, () => {
    const line = sentence(random, random.int(4, 8)).replace(/\.$/u, '')
    return line
  }).join('\n')
}

// Popularity on a long tail: the first names of the list (most used on AO3) come up most often.
function zipf<T>(random: Random, items: readonly T[]): T {
  const index = Math.floor(items.length * Math.pow(random.next(), 3))
  return items[Math.min(index, items.length - 1)] ?? random.pick(items)
}

// One story in ten has the encoding trouble old archives have: windows-1252, a BOM, UTF-16.
function encode(random: Random, text: string): Buffer {
  const roll = random.next()
  const curly = text.replace(/'/gu, '\u2019')
  if (roll < 0.06) return iconv.encode(curly, 'windows-1252')
  if (roll < 0.08) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(curly, 'utf8')])
  if (roll < 0.1) return iconv.encode(curly, 'utf-16le', { addBOM: true })
  return Buffer.from(text, 'utf8')
}
