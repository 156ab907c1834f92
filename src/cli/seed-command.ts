import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { QuireError } from '../domain/errors.js'
import { parseSampleTags } from '../seed/ao3-tag-sample.js'
import { planArchive, syntheticWork } from '../seed/synthetic-work.js'
import { ArchiveNotEmpty, openBulkLoader } from '../store/bulk-seed.js'
import { databaseUrl, type GlobalOptions } from './config.js'
import { withStore } from './with-store.js'

type SeedOptions = { synthetic: string; seed: string; text?: string; tags?: string; quiet?: boolean }

/** Works generated and written per transaction: big enough to amortise, small enough to stream. */
const BATCH = 2_000

/** The data dump's tags file, beside the project as the shared data folder lays it out. */
export const DEFAULT_TAGS_FILE = '../shared/data/ao3-dump-sample/tags-20210226.csv'

/** `quire seed --synthetic N --seed S`: a deterministic, realistic archive for trying things. */
export function addSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('write a synthetic archive of N works (same seed, same archive) into an empty database')
    .requiredOption('--synthetic <n>', 'how many works')
    .option('--seed <s>', 'seed of the generator', '1')
    .option('--text <n>', 'how many of the works get story text (default a tenth)')
    .option('--tags <file>', `the AO3 data dump's tags CSV (default ${DEFAULT_TAGS_FILE}, from the project)`)
    .option('--quiet', 'no progress lines')
    .action(async (options: SeedOptions, command: Command) => {
      const works = count('--synthetic', options.synthetic, 1)
      const textWorks = options.text === undefined ? Math.round(works / 10) : count('--text', options.text, 0)
      if (textWorks > works) badNumber('--text', options.text ?? '', `at most --synthetic (${String(works)})`)
      const seed = count('--seed', options.seed, 0)
      const tagsFile = options.tags === undefined ? defaultTagsFile() : path.resolve(options.tags)
      const sample = parseSampleTags(await readTagsFile(tagsFile), tagsFile)
      const url = databaseUrl(command.optsWithGlobals<GlobalOptions>())
      // Migrate through the store, then close it: the bulk load wants the database to itself.
      await withStore(command.optsWithGlobals<GlobalOptions>(), async () => undefined)
      const say = (line: string) => {
        if (options.quiet !== true) process.stderr.write(`${line}\n`)
      }
      const started = performance.now()
      const plan = planArchive(sample, { works, textWorks, seed })
      const loader = await openBulkLoader(url, process.cwd())
      try {
        await loader.begin(
          plan.tags.tags.map((tag) => ({ ...tag, parents: tag.fandoms })),
          plan.creators,
        )
        say(`seed ${String(seed)}: ${String(plan.tags.tags.length)} tags, ${String(plan.creators.length)} creators`)
        let nextReport = 0
        for (let start = 0; start < works; start += BATCH) {
          const batch = []
          for (let index = start; index < Math.min(works, start + BATCH); index += 1) batch.push(syntheticWork(plan, index))
          await loader.writeWorks(batch)
          const done = start + batch.length
          if (done >= nextReport || done === works) {
            say(`${String(done)} of ${String(works)} works, ${seconds(started)} s`)
            nextReport = done + Math.max(BATCH, Math.round(works / 20))
          }
        }
        await loader.finish((phase) => say(`building ${phase}, ${seconds(started)} s`))
      } catch (error) {
        if (error instanceof ArchiveNotEmpty) {
          throw new QuireError(
            'QUIRE_STORE_CONFLICT',
            `seed: ${error.message}; quire seed writes only into an empty archive (use another --database)`,
          )
        }
        throw error
      } finally {
        await loader.close()
      }
      process.stderr.write(`seeded ${String(works)} works (${String(textWorks)} with text) in ${seconds(started)} s\n`)
    })
}

function count(flag: string, raw: string, min: number): number {
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < min) badNumber(flag, raw, `a whole number from ${String(min)}`)
  return value
}

function badNumber(flag: string, raw: string, expected: string): never {
  throw new QuireError('QUIRE_CONFIG_BAD_SIZE', `${flag} "${raw}": expected ${expected}`)
}

async function readTagsFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new QuireError(
      'QUIRE_IMPORT_UNREADABLE',
      `seed: cannot read the tags file ${file}: quire seed draws tag names and popularity from ` +
        `the AO3 data dump's tags-20210226.csv; pass it with --tags FILE`,
      { cause: error },
    )
  }
}

// The project is the nearest folder above this file with a package.json: src/cli under vitest,
// dist/src/cli when built.
function defaultTagsFile(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder)
  return path.resolve(folder, DEFAULT_TAGS_FILE)
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1)
}
