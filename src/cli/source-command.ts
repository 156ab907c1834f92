import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { QuireError } from '../domain/errors.js'
import type { Store, StoredSource } from '../store/store.js'
import type { GlobalOptions } from './config.js'
import { withStore } from './with-store.js'

const WORK_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/iu
const SHA256_PREFIX = /^[0-9a-f]{8,64}$/iu

/** `quire source WORK|SHA256 [-o FILE]`: the original bytes of a rescued work, byte-identical. */
export function addSourceCommand(program: Command): void {
  program
    .command('source')
    .description('write the original bytes a work was rescued from')
    .argument('<work-or-sha256>', 'a work id, or the sha256 (or its first 8+ hex digits) of a source')
    .option('-o, --output <file>', 'write to FILE instead of standard output')
    .action(async (key: string, options: { output?: string }, command: Command) => {
      const source = await withStore(command.optsWithGlobals<GlobalOptions>(), (store) =>
        findSource(store, key),
      )
      if (options.output !== undefined) await writeFile(options.output, source.bytes)
      else process.stdout.write(source.bytes)
    })
}

async function findSource(store: Store, key: string): Promise<StoredSource> {
  if (WORK_ID.test(key)) {
    const workId = key.toUpperCase()
    const sources = await store.sources.listByWork(workId)
    const [only, ...others] = sources
    if (only === undefined) throw new QuireError('QUIRE_WORK_NOT_FOUND', `no work ${key} with a source`)
    if (others.length > 0) {
      const list = sources.map((s) => `  ${s.sha256}  ${s.fileName}`).join('\n')
      throw new QuireError(
        'QUIRE_SOURCE_AMBIGUOUS',
        `work ${key} has ${String(sources.length)} sources; name one by its sha256:\n${list}`,
      )
    }
    const whole = await store.sources.findOfWork(workId, only.id)
    if (whole === undefined) throw new QuireError('QUIRE_WORK_NOT_FOUND', `no work ${key} with a source`)
    return whole
  }
  if (SHA256_PREFIX.test(key)) {
    const source = await store.sources.findBySha256(key.toLowerCase())
    if (source === undefined) throw new QuireError('QUIRE_SOURCE_NOT_FOUND', `no source with sha256 ${key}`)
    return source
  }
  throw new QuireError(
    'QUIRE_SOURCE_NOT_FOUND',
    `"${key}" is neither a work id (26 characters) nor a sha256 (8 to 64 hex digits)`,
  )
}
