// The mixed-format part of `npm run bench:import` (issue 5): per story shape, rescue's speed
// parse-only and with the store, beside the speed of htmlparser2's tokenizer alone on the same
// bytes in the same run, the most any HTML-based reader could do.
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { Parser } from 'htmlparser2'
import { importFiles } from '../src/cli/import-files.js'
import { walkFiles } from '../src/cli/walk-files.js'
import { RescueError } from '../src/domain/errors.js'
import { readEpubStory } from '../src/rescue/epub-book.js'
import { rescuePlainText } from '../src/rescue/rescue-plain-text.js'
import { readStoryFormat } from '../src/rescue/story-formats.js'
import { sanitizeStoryHtml } from '../src/safety/story-html.js'
import { openStore } from '../src/store/store.js'
import { printTable } from './stats.js'
import { HTML_SHAPES, STORY_SHAPES, type StoryShape } from './corpus/story-shapes.js'
import { writeCorpus } from './corpus/write-corpus.js'

export type FormatRun = Readonly<{ shapes: readonly StoryShape[]; works: number; seed: number; dataDir: string }>

type StoryFile = Readonly<{ file: string; name: string; bytes: Uint8Array }>
type Speed = Readonly<{ seconds: number; mbPerSecond: number; worksPerSecond: number }>

// Issue 5's targets, as shares of the tokenizer's speed on the same bytes.
const PARSE_TARGET = 0.5
const STORE_TARGET = 0.25
const UTF8 = new TextDecoder('utf-8')

/** Reads a comma-separated list of shapes; "all" is every one, "none" or "" none. */
export function readShapes(list: string): StoryShape[] {
  if (list === 'all') return [...STORY_SHAPES]
  const names = list.split(',').map((name) => name.trim()).filter((name) => name !== '' && name !== 'none')
  return names.map((name) => {
    const shape = STORY_SHAPES.find((known) => known === name)
    if (shape === undefined) throw new Error(`--formats: unknown format "${name}"; expected all, none or some of ${STORY_SHAPES.join(', ')}`)
    return shape
  })
}

function speed(ms: number, bytes: number, works: number): Speed {
  const seconds = ms / 1000
  return { seconds, mbPerSecond: bytes / 1024 / 1024 / seconds, worksPerSecond: works / seconds }
}

// The texts the tokenizer reads: the page itself, or an EPUB's XHTML documents (inflating them
// is part of the ceiling there, as rescue has to inflate them too).
function tokenizerInputs(file: StoryFile): () => string[] {
  if (!file.name.endsWith('.epub')) {
    const text = UTF8.decode(file.bytes)
    return () => [text]
  }
  return () =>
    Object.entries(unzipSync(file.bytes))
      .filter(([name]) => /\.x?html?$/u.test(name))
      .map(([, bytes]) => UTF8.decode(bytes))
}

function measureCeiling(files: readonly StoryFile[], bytes: number): Speed {
  const inputs = files.map(tokenizerInputs)
  const tokenize = (texts: readonly string[]): void => {
    for (const text of texts) new Parser({}, { decodeEntities: true, lowerCaseTags: true }).end(text)
  }
  for (const input of inputs.slice(0, 50)) tokenize(input()) // warm the tokenizer's code up
  const started = performance.now()
  for (const input of inputs) tokenize(input())
  return speed(performance.now() - started, bytes, files.length)
}

// sanitize-html alone over the same pages with the story allowlist: what sanitising a page's
// whole text would cost at the least, beside the tokenizer it runs on (rescue sanitises only
// the sections that carry markup).
function measureSanitizer(files: readonly StoryFile[], bytes: number): Speed {
  const inputs = files.map(tokenizerInputs)
  const sanitise = (texts: readonly string[]): void => {
    for (const text of texts) sanitizeStoryHtml(text)
  }
  for (const input of inputs.slice(0, 50)) sanitise(input())
  const started = performance.now()
  for (const input of inputs) sanitise(input())
  return speed(performance.now() - started, bytes, files.length)
}

// The format's own reader alone: the page parsed and turned into story text (for EPUB, the book
// unzipped and its chapters read), before the rules every format shares read that text. This is
// the part of rescue the tokenizer's speed bounds.
function measureFormatStage(files: readonly StoryFile[], bytes: number): Speed {
  const inputs = files.map(({ bytes: fileBytes, name }) => ({ name, fileBytes, text: name.endsWith('.epub') ? '' : UTF8.decode(fileBytes) }))
  const read = ({ name, fileBytes, text }: (typeof inputs)[number]): void => {
    try {
      if (name.endsWith('.epub')) readEpubStory(fileBytes, name)
      else readStoryFormat(text, name)
    } catch (error) {
      if (!(error instanceof RescueError)) throw error
    }
  }
  for (const input of inputs.slice(0, 50)) read(input)
  const started = performance.now()
  for (const input of inputs) read(input)
  return speed(performance.now() - started, bytes, files.length)
}

type ParseRun = Speed & Readonly<{ refused: number; readAs: ReadonlyMap<string, number> }>

function measureParse(files: readonly StoryFile[], bytes: number): ParseRun {
  let refused = 0
  const readAs = new Map<string, number>()
  const started = performance.now()
  for (const { bytes: fileBytes, name } of files) {
    try {
      const { report } = rescuePlainText(fileBytes, name)
      readAs.set(report.format, (readAs.get(report.format) ?? 0) + 1)
    } catch (error) {
      if (!(error instanceof RescueError)) throw error
      refused += 1
    }
  }
  return { ...speed(performance.now() - started, bytes, files.length), refused, readAs }
}

// As bench/import.ts stores a corpus: `quire import`'s own loop into a new SQLite file.
async function measureStore(folder: string, dbFile: string, bytes: number, works: number): Promise<Speed & { failed: number }> {
  await rm(dbFile, { force: true })
  const store = await openStore(`sqlite:${dbFile}`, { cwd: process.cwd(), checkpointInBackground: true })
  await store.migrate()
  let failed = 0
  const started = performance.now()
  await importFiles(store, [folder], {
    maxSize: Number.MAX_SAFE_INTEGER,
    onOutcome: (outcome) => {
      if (outcome.status === 'failed') failed += 1
    },
    onSkipped: () => undefined,
  })
  const result = { ...speed(performance.now() - started, bytes, works), failed }
  await store.destroy()
  return result
}

function ratio(value: number, ceiling: Speed | undefined, target: number): string {
  if (ceiling === undefined) return '-'
  const share = value / ceiling.mbPerSecond
  return `${(share * 100).toFixed(0)}% ${share >= target ? 'met' : 'not met'}`
}

/** Writes a corpus per shape and prints its speeds, with the ceiling for HTML-based shapes. */
export async function measureFormats(run: FormatRun): Promise<void> {
  const rows: string[][] = []
  const notes: string[] = []
  for (const shape of run.shapes) {
    process.stderr.write(`writing and reading ${String(run.works)} works as ${shape}…\n`)
    const corpus = await writeCorpus(path.join(run.dataDir, 'shapes', shape), { kind: 'shape', shape, works: run.works }, run.seed)
    const files: StoryFile[] = []
    for await (const entry of walkFiles([corpus.folder])) {
      if (entry.kind === 'file') files.push({ file: entry.file, name: path.basename(entry.file), bytes: await readFile(entry.file) })
    }
    const ceiling = HTML_SHAPES.has(shape) ? measureCeiling(files, corpus.bytes) : undefined
    const stage = ceiling === undefined ? undefined : measureFormatStage(files, corpus.bytes)
    const sanitiser = ceiling === undefined ? undefined : measureSanitizer(files, corpus.bytes)
    const parse = measureParse(files, corpus.bytes)
    const stored = await measureStore(corpus.folder, path.join(run.dataDir, `shape-${shape}.db`), corpus.bytes, corpus.files)
    rows.push([
      shape,
      String(corpus.files),
      (corpus.bytes / 1024 / 1024).toFixed(1),
      ceiling === undefined ? '-' : ceiling.mbPerSecond.toFixed(1),
      sanitiser === undefined ? '-' : sanitiser.mbPerSecond.toFixed(1),
      parse.mbPerSecond.toFixed(1),
      parse.worksPerSecond.toFixed(0),
      stored.mbPerSecond.toFixed(1),
      stored.worksPerSecond.toFixed(0),
      stage === undefined ? '-' : stage.mbPerSecond.toFixed(1),
      stage === undefined ? '-' : ratio(stage.mbPerSecond, ceiling, PARSE_TARGET),
      ratio(parse.mbPerSecond, ceiling, PARSE_TARGET),
      ratio(stored.mbPerSecond, ceiling, STORE_TARGET),
    ])
    const others = [...parse.readAs].filter(([format]) => format !== shape)
    if (parse.refused > 0 || stored.failed > 0 || others.length > 0) {
      const readAs = others.map(([format, count]) => `${String(count)} read as ${format}`)
      notes.push(`  ${shape}: ${[`${String(parse.refused)} refused`, `${String(stored.failed)} failed to import`, ...readAs].join(', ')}`)
    }
  }
  console.log(`\nMixed formats, ${String(run.works)} works each on a long tail (one in ten with encoding trouble), seed ${String(run.seed)}\n`)
  printTable(
    ['format', 'works', 'MB', 'ceiling MB/s', 'sanitize-html MB/s', 'parse MB/s', 'works/s', 'parse+store MB/s', 'works/s', 'format stage MB/s', 'format stage / ceiling', 'whole parse / ceiling', 'end to end with store / ceiling'],
    rows,
  )
  console.log(
    '\nceiling: htmlparser2\'s Parser with empty callbacks over the same files, already decoded as UTF-8 (for EPUB: ' +
      `inflating its XHTML and tokenizing it). Targets: parse+sanitise at least ${String(PARSE_TARGET * 100)}% of the ceiling, ` +
      `end to end with the store at least ${String(STORE_TARGET * 100)}%. parse reads files from memory; parse+store reads them from disk. ` +
      'The format stage is the format\'s own reader (the page parsed and turned into story text, or the book unzipped and read); ' +
      'the whole parse adds what every format shares: header, sections, chapters, tags, language, word count. ' +
      'sanitize-html: sanitize-html 2.17.5 with the story allowlist over each whole page (for EPUB its XHTML), for scale: ' +
      'rescue runs it only over the sections that carry markup, in one call a story.',
  )
  if (notes.length > 0) console.log(`\nFiles not read as written:\n${notes.join('\n')}`)
}
