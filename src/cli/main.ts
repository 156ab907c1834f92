import { Command, CommanderError } from 'commander'
import { QuireError } from '../domain/errors.js'
import { addImportArchiveCommand } from './import-archive-command.js'
import { addImportCommand } from './import-command.js'
import { addMigrateCommand } from './migrate-command.js'
import { addParseCommand } from './parse-command.js'
import { addReparseCommand } from './reparse-command.js'
import { addSeedCommand } from './seed-command.js'
import { addServeCommand } from './serve-command.js'
import { addSourceCommand } from './source-command.js'

const program = new Command()
  .name('quire')
  .description('Quire, a fan fiction archive: rescue legacy stories and serve them to readers')
  .option(
    '--database <url>',
    'sqlite:PATH or postgres://… (default QUIRE_DATABASE_URL, else sqlite:./quire-data/quire.db)',
  )
  .exitOverride()
addParseCommand(program)
addImportCommand(program)
addImportArchiveCommand(program)
addSourceCommand(program)
addReparseCommand(program)
addMigrateCommand(program)
addServeCommand(program)
addSeedCommand(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed help, the version or a usage message.
    process.exitCode = error.exitCode
  } else if (error instanceof QuireError) {
    process.stderr.write(`quire: ${error.message}\n`)
    process.exitCode = 1
  } else {
    throw error
  }
}
