// npm run bench:import [-- --works N --long-tail N --folder-mb N --seed S --one-core
//                          --formats all|none|html,epub,… --format-works N]
// Rescue speed on a synthetic legacy corpus, beside the cost of only reading and decoding the
// same bytes in the same run; then per format (HTML pages, AO3 downloads, mail, Markdown, EPUB…)
// beside htmlparser2's tokenizer on the same bytes; then the peak memory of `quire import` on a
// large folder. A count of 0 leaves its part out.
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { importFiles } from '../src/cli/import-files.js'
import { walkFiles } from '../src/cli/walk-files.js'
import { decodeText } from '../src/rescue/decode-text.js'
import { rescuePlainText } from '../src/rescue/rescue-plain-text.js'
import { openStore } from '../src/store/store.js'
import { measureFormats, readShapes } from './import-formats.js'
import { runMeasuringPeakRss } from './peak-rss.js'
import { percentile, printTable, sortedCopy } from './stats.js'
import { writeCorpus, type CorpusShape, type WrittenCorpus } from './corpus/write-corpus.js'

const { values } = parseArgs({
  options: {
    works: { type: 'string', default: '10000' },
    'long-tail': { type: 'string', default: '2000' },
    'folder-mb': { type: 'string', default: '2048' },
    'one-core': { type: 'boolean', default: false },
    formats: { type: 'string', default: 'all' },
    'format-works': { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string', default: 'bench-data' },
  },
})
const seed = Number(values.seed)
const dataDir = path.resolve(values.data)

type Row = readonly string[]
const rows: Row[] = []

async function main(): Promise<void> {
  console.log(`Quire import benchmark, seed ${String(seed)}, node ${process.version}\n`)
  const shapes = readShapes(values.formats)
  if (Number(values.works) > 0) await measureCorpus('20 KB works', { kind: 'fixed', works: Number(values.works), words: 3300 })
  if (Number(values['long-tail']) > 0) await measureCorpus('long tail', { kind: 'long-tail', works: Number(values['long-tail']) })
  if (rows.length > 0) {
    printTable(['corpus / phase', 'works', 'MB', 's', 'CPU s', 'MB/s', 'works/s', 'median ms', 'p95 ms', 'peak RSS MB'], rows)
    console.log('\nCPU s: user and system time of the whole process (every thread) during the phase.')
  }
  const fixedStore = rows.find((row) => row[0] === '20 KB works: parse+store')
  if (fixedStore !== undefined) {
    console.log(`\nparse+store of ${fixedStore[1] ?? ''} works of ~20 KB: ${fixedStore[3] ?? ''} s, ${fixedStore[4] ?? ''} s of CPU (issue 3's target: under 30 s for 10,000, on one core)`)
  }
  const formatWorks = Number(values['format-works'])
  if (shapes.length > 0 && formatWorks > 0) await measureFormats({ shapes, works: formatWorks, seed, dataDir })
  if (values['one-core']) await measureOneCore()
  const folderMb = Number(values['folder-mb'])
  if (folderMb > 0) await measureFolder(folderMb)
}

async function measureCorpus(name: string, shape: CorpusShape): Promise<void> {
  process.stderr.write(`writing the ${name} corpus…\n`)
  const corpus = await writeCorpus(path.join(dataDir, shape.kind), shape, seed)
  const files: string[] = []
  for await (const entry of walkFiles([corpus.folder])) if (entry.kind === 'file') files.push(entry.file)

  await timePerFile(`${name}: read+decode`, corpus, files, async (file) => {
    decodeText(await readFile(file), path.basename(file))
  })
  await timePerFile(`${name}: parse`, corpus, files, async (file) => {
    rescuePlainText(await readFile(file), path.basename(file))
  })

  const dbFile = path.join(dataDir, `${shape.kind}.db`)
  await rm(dbFile, { force: true })
  // Opened as `quire import` opens it.
  const store = await openStore(`sqlite:${dbFile}`, { cwd: process.cwd(), checkpointInBackground: true })
  await store.migrate()
  const times: number[] = []
  let failed = 0
  let last = performance.now()
  const started = last
  const cpuAtStart = process.cpuUsage()
  // Outcomes arrive a batch at a time, all at once, after its commit: a work's time is its
  // batch's time shared evenly, so the median and p95 are of per-batch averages.
  let burst = 0
  const closeBurst = (): void => {
    const now = performance.now()
    for (let i = 0; i < burst; i++) times.push((now - last) / burst)
    last = now
    burst = 0
  }
  await importFiles(store, [corpus.folder], {
    maxSize: Number.MAX_SAFE_INTEGER,
    onOutcome: (outcome) => {
      if (burst === 0) setImmediate(closeBurst)
      burst += 1
      if (outcome.status === 'failed') failed += 1
    },
    onSkipped: () => undefined,
  })
  if (burst > 0) closeBurst()
  addRow(`${name}: parse+store`, corpus, times, performance.now() - started, process.cpuUsage(cpuAtStart))
  await store.destroy()
  if (failed > 0) console.log(`  (${String(failed)} of ${String(files.length)} files failed to import)`)
}

async function timePerFile(label: string, corpus: WrittenCorpus, files: readonly string[], run: (file: string) => Promise<void>): Promise<void> {
  const times: number[] = []
  const started = performance.now()
  const cpuAtStart = process.cpuUsage()
  for (const file of files) {
    const t0 = performance.now()
    try {
      await run(file)
    } catch {
      // A file rescue refuses still costs its time; the parse+store row counts the failures.
    }
    times.push(performance.now() - t0)
  }
  addRow(label, corpus, times, performance.now() - started, process.cpuUsage(cpuAtStart))
}

function addRow(
  label: string,
  corpus: WrittenCorpus,
  times: readonly number[],
  totalMs: number,
  cpu: NodeJS.CpuUsage,
): void {
  const sorted = sortedCopy(times)
  const seconds = totalMs / 1000
  const mb = corpus.bytes / 1024 / 1024
  rows.push([
    label,
    String(corpus.files),
    mb.toFixed(1),
    seconds.toFixed(2),
    ((cpu.user + cpu.system) / 1e6).toFixed(2),
    (mb / seconds).toFixed(1),
    (corpus.files / seconds).toFixed(0),
    percentile(sorted, 0.5).toFixed(2),
    percentile(sorted, 0.95).toFixed(2),
    (process.resourceUsage().maxRSS / 1024).toFixed(0),
  ])
}

// The 20 KB corpus again, through `quire import` in a process held to one CPU with taskset:
// every thread it has (the checkpoint thread, V8's and libuv's) then shares that one core.
async function measureOneCore(): Promise<void> {
  const folder = path.join(dataDir, 'fixed')
  const dbFile = path.join(dataDir, 'one-core.db')
  await rm(dbFile, { force: true })
  process.stderr.write(`\nimporting the 20 KB corpus with quire import, pinned to one core…\n`)
  const run = await runMeasuringPeakRss('taskset', ['-c', '0', process.execPath, path.resolve('bin/quire.js'), '--database', `sqlite:${dbFile}`, 'import', folder], process.env)
  console.log(
    `\nquire import of the 20 KB corpus pinned to one core (taskset -c 0): ${run.seconds.toFixed(2)} s ` +
      `with the process's start and migrations, exit ${String(run.code)}`,
  )
}

async function measureFolder(megabytes: number): Promise<void> {
  process.stderr.write(`\nwriting a ${String(megabytes)} MB folder…\n`)
  const corpus = await writeCorpus(path.join(dataDir, 'folder'), { kind: 'bytes', bytes: megabytes * 1024 * 1024 }, seed + 1)
  const dbFile = path.join(dataDir, 'folder.db')
  await rm(dbFile, { force: true })
  process.stderr.write(`importing it with quire import…\n`)
  const run = await runMeasuringPeakRss(process.execPath, [path.resolve('bin/quire.js'), '--database', `sqlite:${dbFile}`, 'import', corpus.folder], process.env)
  const mb = corpus.bytes / 1024 / 1024
  console.log(
    `\nquire import of a ${mb.toFixed(0)} MB folder (${String(corpus.files)} files): ` +
      `${run.seconds.toFixed(1)} s, ${(mb / run.seconds).toFixed(1)} MB/s, ` +
      `${(corpus.files / run.seconds).toFixed(0)} works/s, peak RSS ${(run.peakRssBytes / 1024 / 1024).toFixed(0)} MB ` +
      `(target: under 300 MB), exit ${String(run.code)}`,
  )
  if (run.code !== 0) console.log(run.stderr.split('\n').slice(-5).join('\n'))
}

await main()
