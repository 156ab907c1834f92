import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Command } from 'commander'
import type { WorkField } from '../domain/work-field.js'
import type { GlobalOptions } from './config.js'
import { reparseWorks, type ReparseOutcome } from './reparse-works.js'
import { withStore } from './with-store.js'

type ReparseCommandOptions = { report?: string; dryRun?: boolean }

/** `quire reparse [WORK...]`: read stored sources again and update what rescue now reads better. */
export function addReparseCommand(program: Command): void {
  program
    .command('reparse')
    .description(
      'read the stored original of each work again with today\'s rescue and update the fields it ' +
        'reads otherwise, leaving every field a person edited alone; one JSON line per work',
    )
    .argument('[works...]', 'work ids (default: every rescued work)')
    .option('--report <file>', 'write the JSON lines to FILE (overwritten) instead of standard output')
    .option('--dry-run', 'report what would change; write nothing')
    .action(async (ids: string[], options: ReparseCommandOptions, command: Command) => {
      const dryRun = options.dryRun === true
      const file = options.report === undefined ? null : createWriteStream(options.report)
      const report: NodeJS.WritableStream = file ?? process.stdout
      const tally = new ReparseTally()
      await withStore(command.optsWithGlobals<GlobalOptions>(), (store) =>
        reparseWorks(store, ids, {
          dryRun,
          onOutcome: (outcome) => {
            tally.record(outcome)
            report.write(JSON.stringify(outcome) + '\n')
            if (outcome.status === 'failed') {
              const why = outcome.errors.map((error) => error.message).join('; ')
              process.stderr.write(`failed   ${outcome.work}: ${why}\n`)
            }
          },
        }),
      ).finally(async () => {
        report.write(JSON.stringify({ summary: tally.summary(dryRun) }) + '\n')
        if (file !== null) await closeStream(file)
      })
      process.stderr.write(tally.line(dryRun) + '\n')
      if (tally.failed > 0) process.exitCode = 1
    })
}

/** Counts of a reparse, by status and by field changed, for its last JSON line and stderr. */
class ReparseTally {
  updated = 0
  unchanged = 0
  failed = 0
  readonly #changed = new Map<WorkField, number>()
  readonly #keptEdited = new Map<WorkField, number>()

  record(outcome: ReparseOutcome): void {
    this[outcome.status] += 1
    for (const field of outcome.changed) this.#changed.set(field, (this.#changed.get(field) ?? 0) + 1)
    for (const field of outcome.keptEdited) {
      this.#keptEdited.set(field, (this.#keptEdited.get(field) ?? 0) + 1)
    }
  }

  summary(dryRun: boolean) {
    return {
      works: this.updated + this.unchanged + this.failed,
      updated: this.updated,
      unchanged: this.unchanged,
      failed: this.failed,
      changed: Object.fromEntries(this.#changed),
      keptEdited: Object.fromEntries(this.#keptEdited),
      ...(dryRun ? { dryRun: true } : {}),
    }
  }

  line(dryRun: boolean): string {
    return (
      `${String(this.updated)} ${dryRun ? 'would be updated' : 'updated'}, ` +
      `${String(this.unchanged)} unchanged, ${String(this.failed)} failed` +
      (dryRun ? ' (a dry run: nothing was written)' : '')
    )
  }
}

async function closeStream(stream: WriteStream): Promise<void> {
  stream.end()
  await once(stream, 'close')
}
