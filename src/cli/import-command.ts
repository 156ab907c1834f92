import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Command } from 'commander'
import { MultiBar, Presets } from 'cli-progress'
import { parseByteSize } from './byte-size.js'
import { readDoNotImport } from './do-not-import.js'
import { importFiles, type ImportOutcome } from './import-files.js'
import { ImportSummary } from './import-summary.js'
import { DEFAULT_MAX_FILE_SIZE, formatBytes } from './read-story-file.js'
import { withStore } from './with-store.js'
import type { GlobalOptions } from './config.js'

type ImportCommandOptions = {
  maxSize?: string
  report?: string
  dryRun?: boolean
  doNotImport?: string
  allowPrivateAddresses?: boolean
}

/** `quire import PATH...`: rescue and store every story file under the paths. */
export function addImportCommand(program: Command): void {
  program
    .command('import')
    .description('rescue and store story files; folders are read recursively')
    .argument('<paths...>', 'files, folders or http(s) addresses of story pages')
    .option('--max-size <size>', `refuse files over this size (default ${formatBytes(DEFAULT_MAX_FILE_SIZE)})`)
    .option('--report <file>', 'write one JSON line per file to FILE (overwritten)')
    .option('--dry-run', 'read and parse every file and report what an import would do; store nothing')
    .option('--do-not-import <file>', "store no story by the creators named in FILE, one a line ('#' comments)")
    .option(
      '--allow-private-addresses',
      'let addresses reach loopback, private and link-local hosts (also QUIRE_FETCH_ALLOW_PRIVATE=1)',
    )
    .action(async (paths: string[], options: ImportCommandOptions, command: Command) => {
      const maxSize = options.maxSize === undefined ? DEFAULT_MAX_FILE_SIZE : parseByteSize(options.maxSize)
      const doNotImport = options.doNotImport === undefined ? undefined : await readDoNotImport(options.doNotImport)
      const report = options.report === undefined ? null : createWriteStream(options.report)
      const counts: OutcomeCounts = { imported: 0, merged: 0, unchanged: 0, skipped: 0, failed: 0 }
      const dryRun = options.dryRun === true
      const summary = new ImportSummary()
      const progress = makeProgress(counts, dryRun)
      await withStore(command.optsWithGlobals<GlobalOptions>(), async (store) => {
        await importFiles(store, paths, {
          maxSize,
          dryRun,
          ...(doNotImport === undefined ? {} : { doNotImport }),
          allowPrivateAddresses:
            options.allowPrivateAddresses === true || process.env['QUIRE_FETCH_ALLOW_PRIVATE'] === '1',
          onOutcome: (outcome) => {
            counts[outcome.status] += 1
            summary.record(outcome)
            progress.record(outcome)
            report?.write(JSON.stringify(outcome) + '\n')
          },
          onSkipped: (file, reason) => progress.note(`skipped  ${file}: ${reason}`),
        })
        // An import writes for minutes: its checkpoints run beside it, not in its way.
      }, { checkpointInBackground: true }).finally(async () => {
        progress.stop()
        if (report !== null) await closeStream(report)
      })
      process.stderr.write(`${countsLine(counts, dryRun)}${dryRun ? ' (a dry run: nothing was stored)' : ''}\n`)
      for (const line of summary.lines()) process.stderr.write(`  ${line}\n`)
      if (counts.failed > 0) process.exitCode = 1
    })
}

// "2 imported, 1 merged, 0 unchanged, 1 skipped, 0 failed": every count, always in this order.
function countsLine(counts: Readonly<OutcomeCounts>, dryRun: boolean): string {
  const would = dryRun ? 'would be ' : ''
  return (
    `${String(counts.imported)} ${would}imported, ${String(counts.merged)} ${would}merged, ` +
    `${String(counts.unchanged)} unchanged, ${String(counts.skipped)} skipped, ${String(counts.failed)} failed`
  )
}

type Progress = {
  record(outcome: ImportOutcome): void
  note(line: string): void
  stop(): void
}

// A bar on a terminal; plain lines when stderr is a pipe or a log file, which a bar would garble.
type OutcomeCounts = Record<ImportOutcome['status'], number>

// The bar shows `counts`, which the command keeps: one tally for the bar and the summary line.
function makeProgress(counts: Readonly<OutcomeCounts>, dryRun: boolean): Progress {
  const verb = (status: ImportOutcome['status']): string =>
    dryRun && status === 'imported' ? 'would import' : dryRun && status === 'merged' ? 'would merge' : status
  const failureLine = (o: ImportOutcome): string =>
    `failed   ${o.file}: ${o.errors.map((e) => e.message).join('; ')}`
  const line = (o: ImportOutcome): string => {
    if (o.status === 'failed') return failureLine(o)
    if (o.skipped !== undefined) return `skipped  ${o.file}: ${o.skipped.reason}`
    const head = dryRun ? `${verb(o.status).padEnd(12)} ${o.file}` : `${o.status.padEnd(8)} ${o.file} -> ${o.work ?? ''}`
    return o.merged === undefined ? head : `${head} (kept ${o.merged.kept}: ${o.merged.reason})`
  }
  if (process.stderr.isTTY !== true) {
    return {
      record: (o) => process.stderr.write(line(o) + '\n'),
      note: (line) => process.stderr.write(line + '\n'),
      stop: () => undefined,
    }
  }
  // A MultiBar with one bar, for its log(): lines printed above the bar without breaking it.
  const bars = new MultiBar(
    {
      format: `${dryRun ? 'checking' : 'importing'} {bar} {value} files | {imported} ${dryRun ? 'would be imported' : 'imported'}, {merged} merged, {unchanged} unchanged, {skipped} skipped, {failed} failed`,
      stream: process.stderr,
    },
    Presets.shades_classic,
  )
  const bar = bars.create(0, 0, counts)
  return {
    record: (o) => {
      // Files that were not stored are named above the bar; the rest only count.
      if (o.status === 'failed' || o.status === 'skipped') bars.log(line(o) + '\n')
      bar.setTotal(bar.getTotal() + 1)
      bar.increment(1, counts)
    },
    note: (line) => bars.log(line + '\n'),
    stop: () => bars.stop(),
  }
}

async function closeStream(stream: WriteStream): Promise<void> {
  stream.end()
  await once(stream, 'close')
}
