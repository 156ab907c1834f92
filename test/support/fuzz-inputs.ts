import iconv from 'iconv-lite'
import { type Random, seededRandom } from '../../bench/corpus/random.js'
import { buildEpub, epubChapter, type FuzzInput, SEEDS } from './fuzz-seeds.js'

/** A generated input and the strategy that made it, for the failure report. */
export type GeneratedInput = FuzzInput & Readonly<{ index: number; kind: string }>

type Strategy = Readonly<{ kind: string; weight: number; make: (random: Random) => FuzzInput }>

const UTF8 = new TextEncoder()
const SEED_BYTES = SEEDS.map((seed) => ({ name: seed.name, bytes: UTF8.encode(seed.text) }))
const EPUB_CHAPTERS = [epubChapter(0), epubChapter(1), epubChapter(2)]
const EPUB = { name: 'books/causeway.epub', bytes: buildEpub(EPUB_CHAPTERS) }
const ALL_SEEDS: readonly FuzzInput[] = [...SEED_BYTES, EPUB]
// Names that steer format detection (.eml wants one mail field, .md reads Markdown, .html markup).
const NAMES = ['a.txt', 'a.html', 'a.htm', 'a.eml', 'a.mbox', 'a.md', 'a.epub', 'a', 'a.php', 'a.TXT']
// Pieces that mean something to one reader or another.
const TOKENS = [
  '\n', '\r\n', '\r', '\n\n', '\t', ' ', '<', '>', '</', '/>', '<p>', '</p>', '<br>', '<hr>', '<div>',
  '</div>', '<!--', '-->', '<![CDATA[', '<script>', '<pre>', '&amp;', '&#0;', '&#x110000;', '&',
  '---\n', '...\n', 'Title: ', 'Author: ', 'Rating: NC-17', 'Summary: ', 'Chapter 1', 'Chapter 99: X',
  '* * *', '~~~', 'END', 'TBC', 'From: a <b@c.d>\n', 'Subject: [FIC] X (3/2)\n', 'From - Mon 10:00\n',
  'Content-Type: multipart/mixed; boundary="b"\n', '--b\n', '=\n', '=E9', '=?utf-8?B?w6k=?=',
  '\u0000', '\u001b[31m', '\u00a0', '\u00ad', '\u200b', '\u2028', '\u202e', '\ufeff', '\ufffd', '😀',
  'é', 'Ã©', 'â€™', '—', '「', '」', '\u0301', 'PK\u0003\u0004', '%PDF-', '"', "'", '[', ']', '|', '>',
  'https://example.org/u/1', 'viewuser.php?uid=1', 'id="storytext"', 'class="entry-content"',
  'lj:user="x"', 'id="preface"', 'id="chapters"', '- c: ', 'tags: [a, "b', 'summary: |\n  ',
]
const CONTROL = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).concat(['\u007f', '\u0085'])
const NEST_TAGS = ['div', 'p', 'b', 'i', 'blockquote', 'table', 'td', 'tr', 'font', 'center', 'ul', 'li', 'a', 'span', 'pre', 'h2']
const ENCODINGS = ['windows-1252', 'iso-8859-1', 'shift_jis', 'euc-jp', 'gbk', 'big5', 'koi8-r', 'utf-16le', 'utf-16be']

function randomBytes(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random.next() * 256)
  return bytes
}

// Mostly short: a few hundred bytes, now and then a few kilobytes.
function smallLength(random: Random, max: number): number {
  return Math.floor(max * random.next() ** 3)
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

function range(random: Random, length: number): [number, number] {
  const start = random.int(0, length)
  return [start, random.int(start, Math.min(length, start + random.int(0, 400)))]
}

// One mutation of the kind file fuzzers make: flips, cuts, splices, repeats, insertions.
function mutateOnce(random: Random, bytes: Uint8Array): Uint8Array {
  const roll = random.int(0, 6)
  if (roll === 0) {
    const out = bytes.slice()
    for (let n = random.int(1, 8); n > 0 && out.length > 0; n--) out[random.int(0, out.length - 1)] = random.int(0, 255)
    return out
  }
  if (roll === 1) {
    const out = bytes.slice()
    for (let n = random.int(1, 8); n > 0 && out.length > 0; n--) {
      const at = random.int(0, out.length - 1)
      out[at] = (out[at] ?? 0) ^ (1 << random.int(0, 7))
    }
    return out
  }
  if (roll === 2) return random.chance(0.5) ? bytes.subarray(0, random.int(0, bytes.length)) : bytes.subarray(random.int(0, bytes.length))
  if (roll === 3) {
    const other = random.pick(ALL_SEEDS).bytes
    return concat([bytes.subarray(0, random.int(0, bytes.length)), other.subarray(random.int(0, other.length))])
  }
  if (roll === 4) {
    const [start, end] = range(random, bytes.length)
    // Repeated up to 50 times, and to about 20 KB.
    const most = Math.min(50, Math.max(1, Math.floor(20_000 / Math.max(1, end - start))))
    const copies = Array.from({ length: random.int(1, most) }, () => bytes.subarray(start, end))
    return concat([bytes.subarray(0, end), ...copies, bytes.subarray(end)])
  }
  if (roll === 5) {
    const [start, end] = range(random, bytes.length)
    return concat([bytes.subarray(0, start), bytes.subarray(end)])
  }
  const at = random.int(0, bytes.length)
  return concat([bytes.subarray(0, at), UTF8.encode(random.pick(TOKENS)), bytes.subarray(at)])
}

function mutate(random: Random, bytes: Uint8Array, times: number): Uint8Array {
  let out = bytes
  for (let n = 0; n < times; n++) out = mutateOnce(random, out)
  return out
}

function nameFor(random: Random, seedName: string): string {
  return random.chance(0.8) ? seedName : random.pick(NAMES)
}

function insertText(random: Random, host: string, piece: string): string {
  const at = random.int(0, host.length)
  return host.slice(0, at) + piece + host.slice(at)
}

function nestedTags(random: Random): string {
  const depth = random.chance(0.05) ? random.int(1_000, 20_000) : random.int(1, 300)
  const tag = random.pick(NEST_TAGS)
  const mixed = random.chance(0.5)
  const opens: string[] = []
  for (let n = 0; n < depth; n++) {
    const name = mixed ? random.pick(NEST_TAGS) : tag
    opens.push(`<${name}${random.chance(0.1) ? ` class="entry-content userstuff" id="story${String(n)}"` : ''}>${random.chance(0.3) ? 'word ' : ''}`)
  }
  const closing = random.chance(0.6) ? opens.map((open) => `</${/^<(\w+)/u.exec(open)?.[1] ?? 'div'}>`).reverse().join('') : ''
  return `${opens.join('')}The lamps went out.${closing}`
}

function reencode(random: Random, text: string): Uint8Array {
  const roll = random.int(0, 5)
  if (roll === 0) return iconv.encode(text.replace(/'/gu, '\u2019'), random.pick(ENCODINGS))
  if (roll === 1) {
    // Mojibake: UTF-8 bytes read as windows-1252 and saved as UTF-8 again, once or twice.
    let out = text
    for (let n = random.int(1, 2); n > 0; n--) out = iconv.decode(Buffer.from(out, 'utf8'), 'windows-1252')
    return UTF8.encode(out)
  }
  if (roll === 2) {
    // Mixed: the file's halves in different encodings, as after a cut-and-paste.
    const cut = random.int(0, text.length)
    return concat([iconv.encode(text.slice(0, cut), random.pick(ENCODINGS)), iconv.encode(text.slice(cut), random.pick(ENCODINGS))])
  }
  if (roll === 3) return concat([new Uint8Array([0xef, 0xbb, 0xbf]), iconv.encode(text, random.pick(ENCODINGS))])
  if (roll === 4) return concat([new Uint8Array([0xff, 0xfe]), iconv.encode(text, random.pick(ENCODINGS))])
  // Invalid UTF-8: stray continuation bytes, overlong forms, surrogates, cut sequences.
  const bad = [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x80], [0xff], [0xfe, 0xff]]
  const bytes = UTF8.encode(text)
  const parts: Uint8Array[] = []
  let at = 0
  while (at < bytes.length) {
    const next = Math.min(bytes.length, at + random.int(1, 200))
    parts.push(bytes.subarray(at, next), new Uint8Array(random.pick(bad)))
    at = next
  }
  return concat(parts)
}

const pickSeed = (random: Random): (typeof SEEDS)[number] => random.pick(SEEDS)

const STRATEGIES: readonly Strategy[] = [
  { kind: 'bytes', weight: 10, make: (random) => ({ name: random.pick(NAMES), bytes: randomBytes(random, smallLength(random, 3_000)) }) },
  {
    kind: 'tokens',
    weight: 8,
    make: (random) => {
      const pieces = Array.from({ length: random.int(0, 120) }, () => (random.chance(0.8) ? random.pick(TOKENS) : random.pick(['lamp', 'tide', 'Ines', 'boat'])))
      return { name: random.pick(NAMES), bytes: UTF8.encode(pieces.join('')) }
    },
  },
  {
    kind: 'mutation',
    weight: 52,
    make: (random) => {
      const seed = random.pick(ALL_SEEDS)
      return { name: nameFor(random, seed.name), bytes: mutate(random, seed.bytes, random.int(1, 4)) }
    },
  },
  {
    kind: 'nested-tags',
    weight: 7,
    make: (random) => {
      const host = random.chance(0.3) ? '' : random.pick(SEEDS.filter((seed) => seed.text.startsWith('<'))).text
      return { name: random.pick(['a.html', 'a.txt', 'lj/1.html']), bytes: UTF8.encode(insertText(random, host, nestedTags(random))) }
    },
  },
  {
    kind: 'control-characters',
    weight: 6,
    make: (random) => {
      // A few, as a bad transfer leaves them: many make the file binary, refused at once.
      const seed = pickSeed(random)
      let text = seed.text
      for (let n = random.int(1, 12); n > 0; n--) text = insertText(random, text, random.pick(CONTROL).repeat(random.int(1, 3)))
      if (random.chance(0.3)) text = text.replace(/\n/gu, random.pick(['\r', '\f', '\v', '\u2028', '\u0085', '\r\r\n']))
      return { name: nameFor(random, seed.name), bytes: UTF8.encode(text) }
    },
  },
  {
    kind: 'encoding',
    weight: 11,
    make: (random) => {
      const seed = pickSeed(random)
      return { name: nameFor(random, seed.name), bytes: reencode(random, seed.text) }
    },
  },
  {
    kind: 'epub',
    weight: 6,
    make: (random) => {
      const chapters = EPUB_CHAPTERS.map((text) => (random.chance(0.5) ? new TextDecoder().decode(mutate(random, UTF8.encode(text), random.int(1, 3))) : text))
      if (random.chance(0.2)) chapters.push(nestedTags(random))
      const book = buildEpub(chapters, random.chance(0.3) ? 0 : 6)
      return { name: 'books/causeway.epub', bytes: random.chance(0.4) ? mutate(random, book, 1) : book }
    },
  },
]
const TOTAL_WEIGHT = STRATEGIES.reduce((sum, strategy) => sum + strategy.weight, 0)

// A handful of files of one enormous line, a few MB each: scanners that back-track, or build
// a string per character, show up here.
const HUGE_LINES: ReadonlyArray<(random: Random) => FuzzInput> = [
  (random) => ({ name: 'huge.txt', bytes: UTF8.encode(`Title: ${'a'.repeat(random.int(2, 3) * 1024 * 1024)}`) }),
  () => ({ name: 'huge.txt', bytes: UTF8.encode(`Title: Long\n\n${'the lamp went out and '.repeat(150_000)}`) }),
  () => ({ name: 'huge.html', bytes: UTF8.encode(`<html><body><p>${'<b>x</b> '.repeat(350_000)}</p></body></html>`) }),
  () => ({ name: 'huge.md', bytes: UTF8.encode(`---\ntitle: x\n---\n\n${'*_[a](b) '.repeat(300_000)}`) }),
  (random) => ({ name: 'huge.eml', bytes: UTF8.encode(`From: a <b@c.d>\nSubject: ${'x'.repeat(1_000_000)}\n\n${'é'.repeat(random.int(1, 2) * 1024 * 1024)}`) }),
  () => ({ name: 'huge.txt', bytes: UTF8.encode(`${'* '.repeat(1_000_000)}\n\nThe lamp went out.\n`) }),
]

/**
 * `count` fuzz inputs from `seed`, the same on every machine: a weighted mix of the strategies
 * above, with the huge single lines spread through the run.
 */
export function* generateInputs(seed: number, count: number): Generator<GeneratedInput> {
  const random = seededRandom(seed)
  const hugeEvery = Math.floor(count / (HUGE_LINES.length + 1))
  for (let index = 0; index < count; index++) {
    const slot = (index + 1) / hugeEvery
    const huge = Number.isInteger(slot) ? HUGE_LINES[slot - 1] : undefined
    if (huge !== undefined) {
      yield { index, kind: 'huge-line', ...huge(random) }
      continue
    }
    let roll = random.next() * TOTAL_WEIGHT
    const strategy = STRATEGIES.find((each) => (roll -= each.weight) < 0) ?? STRATEGIES[0]
    if (strategy === undefined) throw new Error('no fuzz strategies')
    yield { index, kind: strategy.kind, ...strategy.make(random) }
  }
}
