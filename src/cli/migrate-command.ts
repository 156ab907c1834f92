import type { Command } from 'commander'
import type { GlobalOptions } from './config.js'
import { withStore } from './with-store.js'

/** `quire migrate`: bring the database schema up to date (serve does this on start too). */
export function addMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('create or update the database schema')
    .action(async (_options: unknown, command: Command) => {
      await withStore(command.optsWithGlobals<GlobalOptions>(), async () => {
        process.stderr.write('the database schema is up to date\n')
      })
    })
}
