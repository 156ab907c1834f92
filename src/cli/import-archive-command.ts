import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Command } from 'commander'
import { readDoNotImport } from './do-not-import.js'
import { importArchive, type ArchiveOutcome } from './import-archive.js'
import { withStore } from './with-store.js'
import type { GlobalOptions } from './config.js'

type ImportArchiveCommandOptions = { report?: string; dryRun?: boolean; doNotImport?: string }
type Counts = Record<ArchiveOutcome['status'], number>

/** `quire import-archive PATH`: every story of an old archive's database, each a work. */
export function addImportArchiveCommand(program: Command): void {
  program
    .command('import-archive')
    .description(
      'import every story of an old archive without its database server: an eFiction 3.x MySQL dump ' +
        '(.sql or .sql.gz, or a folder with the dump and its stories/ files) or an Automated Archive ' +
        'folder (ARCHIVE_DB.pl and its story files)',
    )
    .argument('<path>', 'the dump, or the archive folder')
    .option('--report <file>', 'write one JSON line per story, and a summary line last, to FILE (overwritten)')
    .option('--dry-run', 'read the whole archive and report what an import would do; store nothing')
    .option('--do-not-import <file>', "store no story by the creators named in FILE, one a line ('#' comments)")
    .action(async (archive: string, options: ImportArchiveCommandOptions, command: Command) => {
      const doNotImport = options.doNotImport === undefined ? undefined : await readDoNotImport(options.doNotImport)
      const dryRun = options.dryRun === true
      const report = options.report === undefined ? null : createWriteStream(options.report)
      const counts: Counts = { imported: 0, merged: 0, unchanged: 0, skipped: 0, failed: 0 }
      try {
        await withStore(command.optsWithGlobals<GlobalOptions>(), async (store) => {
          await importArchive(store, archive, {
            dryRun,
            ...(doNotImport === undefined ? {} : { doNotImport }),
            onOutcome: (outcome) => {
              counts[outcome.status] += 1
              process.stderr.write(`${describe(outcome)}\n`)
              report?.write(`${JSON.stringify(outcome)}\n`)
            },
          })
        })
        report?.write(`${JSON.stringify({ summary: { archive, ...counts, ...(dryRun ? { dryRun: true } : {}) } })}\n`)
      } finally {
        if (report !== null) await closeStream(report)
      }
      const would = dryRun ? 'would be ' : ''
      process.stderr.write(
        `${String(counts.imported)} ${would}imported, ${String(counts.merged)} ${would}merged, ` +
          `${String(counts.unchanged)} unchanged, ${String(counts.skipped)} skipped, ${String(counts.failed)} failed` +
          `${dryRun ? ' (a dry run: nothing was stored)' : ''}\n`,
      )
      if (counts.failed > 0) process.exitCode = 1
    })
}

// "imported  story 12 -> 01J…", "skipped   story 3: "Wren" is on the do-not-import list".
function describe(outcome: ArchiveOutcome): string {
  const head = `${outcome.status.padEnd(9)} story ${outcome.story}`
  if (outcome.status === 'failed') return `${head}: ${outcome.errors.map((error) => error.message).join('; ')}`
  if (outcome.skipped !== undefined) return `${head}: ${outcome.skipped.reason}`
  return outcome.work === null ? head : `${head} -> ${outcome.work}`
}

async function closeStream(stream: WriteStream): Promise<void> {
  stream.end()
  await once(stream, 'close')
}
