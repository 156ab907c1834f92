import type { Command } from 'commander'
import { QuireError } from '../domain/errors.js'
import { openStore } from '../store/store.js'
import { buildApp } from '../web/app.js'
import { databaseUrl, type GlobalOptions } from './config.js'

type ServeOptions = { port?: string; host?: string }

/** `quire serve [--port P]`: the archive on the web; PORT and HOST work too. */
export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the archive on the web')
    .option('-p, --port <port>', 'port to listen on (default PORT, else 3000)')
    .option('--host <host>', 'address to listen on (default HOST, else 127.0.0.1)')
    .action(async (options: ServeOptions, command: Command) => {
      const port = parsePort(options.port ?? process.env['PORT'] ?? '3000')
      const host = options.host ?? process.env['HOST'] ?? '127.0.0.1'
      const store = await openStore(databaseUrl(command.optsWithGlobals<GlobalOptions>()), {
        cwd: process.cwd(),
      })
      await store.migrate()
      const app = await buildApp({ store, logger: true })
      const close = async (): Promise<void> => {
        await app.close()
        await store.destroy()
      }
      process.once('SIGINT', () => void close())
      process.once('SIGTERM', () => void close())
      await app.listen({ port, host })
    })
}

function parsePort(text: string): number {
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new QuireError('QUIRE_CONFIG_BAD_PORT', `port "${text}" is not a number from 0 to 65535`)
  }
  return port
}
