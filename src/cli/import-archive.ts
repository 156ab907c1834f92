import { createReadStream } from 'node:fs'
import { open, readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { createGunzip } from 'node:zlib'
import { QuireError, RescueError } from '../domain/errors.js'
import type { RescueIssue } from '../domain/rescue-report.js'
import { serialiseArchiveStory, storyFile, type ArchiveStoryRecord } from '../rescue/archive-story.js'
import { planAutomatedArchiveStories, type AutomatedArchivePlan } from '../rescue/automated-archive.js'
import { decodeText } from '../rescue/decode-text.js'
import { EfictionTables, planEfictionStories, type EfictionStoryPlan } from '../rescue/efiction-archive.js'
import { readMysqlDump } from '../rescue/mysql-dump.js'
import { rescuePlainText } from '../rescue/rescue-plain-text.js'
import { sha256Of } from '../store/import-rescued.js'
import type { Store } from '../store/store.js'
import { findListedCreator, type DoNotImportList } from './do-not-import.js'
import type { ReportedProblem } from './import-files.js'
import { errorMessage, readStoryFile } from './read-story-file.js'

/** One line of the JSON-lines report of `quire import-archive`: what became of one story. */
export type ArchiveOutcome = Readonly<{
  /** The archive as given: the dump or the folder. */
  archive: string
  /** The story's id in the archive (eFiction's `sid`, the key of an Automated Archive record). */
  story: string
  /**
   * `merged`: the same text as a work already stored, kept as another source of it. `skipped`:
   * by a creator on the do-not-import list, or never shown by the old archive (`skipped` says).
   */
  status: 'imported' | 'merged' | 'unchanged' | 'skipped' | 'failed'
  work: string | null
  errors: readonly ReportedProblem[]
  warnings: readonly ReportedProblem[]
  skipped?: Readonly<{ author: string | null; reason: string }>
  /** Present on a dry run: the status is what an import would do, and nothing was written. */
  dryRun?: true
}>

export type ImportArchiveOptions = Readonly<{
  dryRun: boolean
  doNotImport?: DoNotImportList
  /** Called once per story, in the archive's order, after its transaction committed. */
  onOutcome: (outcome: ArchiveOutcome) => void
}>

/** The two kinds of archive database `quire import-archive` reads. */
export type ArchiveKind = 'efiction' | 'automated-archive'

/**
 * Imports every story of an old archive's database: an eFiction 3.x MySQL dump (plain or
 * gzip, alone or in a folder with its `stories/` files) or an Automated Archive folder
 * (ARCHIVE_DB.pl and its story files). The whole dump is read before anything is stored, so a
 * dump that is cut short stores nothing. Then each story is stored in a transaction of its own:
 * a run that stops midway leaves whole works, and running it again stores the rest (the stories
 * stored already are `unchanged`).
 */
export async function importArchive(store: Store, archive: string, options: ImportArchiveOptions): Promise<ArchiveKind> {
  const found = await findArchive(archive)
  const emit = options.dryRun ? (o: ArchiveOutcome) => options.onOutcome({ ...o, dryRun: true }) : options.onOutcome
  const run: Run = { store, archive, options: { ...options, onOutcome: emit } }
  if (found.kind === 'automated-archive') await importAutomatedArchive(run, found.folder, found.file)
  else await importEfiction(run, found.folder, found.file)
  return found.kind
}

type Found = Readonly<{ kind: ArchiveKind; folder: string; file: string }>
type Run = Readonly<{ store: Store; archive: string; options: ImportArchiveOptions }>

const DUMP_NAME = /\.sql(?:\.gz)?$|\.gz$/iu

async function findArchive(archive: string): Promise<Found> {
  const info = await stat(archive).catch((error: unknown) => {
    throw new QuireError('QUIRE_IMPORT_UNREADABLE', `${archive}: cannot read: ${errorMessage(error)}`, { cause: error })
  })
  if (info.isFile()) return { kind: 'efiction', folder: path.dirname(archive), file: archive }
  const names = (await readdir(archive)).sort()
  const perl = names.find((name) => name.toLowerCase() === 'archive_db.pl')
  if (perl !== undefined) return { kind: 'automated-archive', folder: archive, file: path.join(archive, perl) }
  const dumps = names.filter((name) => DUMP_NAME.test(name))
  const [dump, other] = dumps
  if (dump === undefined || other !== undefined) {
    const what = dump === undefined ? 'neither ARCHIVE_DB.pl nor a .sql dump' : `several dumps (${dumps.join(', ')})`
    throw new QuireError('QUIRE_IMPORT_UNREADABLE', `${archive}: holds ${what}; expected one archive database`)
  }
  return { kind: 'efiction', folder: archive, file: path.join(archive, dump) }
}

// The dump's bytes as they stream off the disk, gunzipped when they start as gzip does.
async function* dumpBytes(file: string): AsyncGenerator<Uint8Array> {
  const handle = await open(file)
  const magic = Buffer.alloc(2)
  try {
    await handle.read(magic, 0, 2, 0)
  } finally {
    await handle.close()
  }
  const isGzip = magic[0] === 0x1f && magic[1] === 0x8b
  const stream = isGzip ? createReadStream(file).pipe(createGunzip()) : createReadStream(file)
  try {
    for await (const chunk of stream) yield chunk as Uint8Array
  } catch (error) {
    // A gzip file cut short ends with "unexpected end of file": the dump is incomplete.
    throw new QuireError('QUIRE_RESCUE_BAD_ARCHIVE', `${file}: cannot read the dump: ${errorMessage(error)}`, { cause: error })
  }
}

async function importEfiction(run: Run, folder: string, file: string): Promise<void> {
  const tables = new EfictionTables()
  const name = path.basename(file)
  for await (const statement of readMysqlDump(dumpBytes(file), name)) tables.add(statement)
  for (const plan of planEfictionStories(tables.finish(name))) {
    if (plan.unpublished !== null) {
      report(run, plan.id, { status: 'skipped', skipped: { author: null, reason: plan.unpublished } })
      continue
    }
    try {
      const record = await withChapterFiles(plan, folder)
      await importStory(run, plan.id, record, `efiction-story-${plan.id}.json`, plan.issues)
    } catch (error) {
      report(run, plan.id, { status: 'failed', errors: [toProblem(error)] })
    }
  }
}

async function withChapterFiles(plan: EfictionStoryPlan, folder: string): Promise<ArchiveStoryRecord> {
  const chapters = [...plan.record.chapters]
  for (const { index, path: relative } of plan.files) {
    const chapter = chapters[index]
    if (chapter === undefined) continue
    const bytes = await readInside(folder, relative).catch((error: unknown) => {
      const chapid = String(chapter.row['chapid'] ?? '?')
      const detail = `chapter ${chapid} of story ${plan.id} has no storytext, and ${relative} cannot be read (${errorMessage(error)})`
      throw new QuireError('QUIRE_IMPORT_UNREADABLE', detail, { cause: error })
    })
    chapters[index] = { ...chapter, file: storyFile(relative, bytes) }
  }
  return { ...plan.record, chapters }
}

async function importAutomatedArchive(run: Run, folder: string, file: string): Promise<void> {
  const name = path.basename(file)
  const text = decodeText(await readStoryFile(file), name).text
  for (const plan of planAutomatedArchiveStories(text, name)) {
    if (plan.external !== null) {
      const reason = `the archive only linked to it (${plan.external}) and kept no text of it`
      report(run, plan.id, { status: 'skipped', skipped: { author: null, reason } })
      continue
    }
    try {
      const record = await withStoryFile(plan, folder)
      await importStory(run, plan.id, record, `automated-archive-story-${plan.id}.json`, plan.issues)
    } catch (error) {
      report(run, plan.id, { status: 'failed', errors: [toProblem(error)] })
    }
  }
}

async function withStoryFile(plan: AutomatedArchivePlan, folder: string): Promise<ArchiveStoryRecord> {
  for (const candidate of plan.candidates) {
    const bytes = await readInside(folder, candidate).catch(() => undefined)
    if (bytes !== undefined) {
      return { quire: 'archive-story', archive: 'automated-archive', id: plan.id, record: plan.record, files: [storyFile(candidate, bytes)] }
    }
  }
  const tried = plan.candidates.length === 0 ? 'it names no Location' : `none of ${plan.candidates.join(', ')} can be read`
  throw new QuireError('QUIRE_IMPORT_UNREADABLE', `story ${plan.id} has no text: ${tried}`)
}

// A file the archive names, refused when the name leads out of the archive's folder.
async function readInside(folder: string, relative: string): Promise<Buffer> {
  const root = path.resolve(folder)
  const file = path.resolve(root, relative)
  if (!file.startsWith(root + path.sep)) {
    throw new QuireError('QUIRE_IMPORT_UNREADABLE', `${relative}: outside the archive's folder`)
  }
  return readStoryFile(file)
}

// Rescues the story's kept bytes as `quire reparse` will read them, then stores it in one
// transaction, unless its creator is on the list or the same bytes are stored already.
async function importStory(
  run: Run,
  story: string,
  record: ArchiveStoryRecord,
  fileName: string,
  issues: readonly RescueIssue[],
): Promise<void> {
  const { store, options } = run
  const bytes = serialiseArchiveStory(record)
  const sha256 = sha256Of(bytes)
  const rescued = rescuePlainText(bytes, fileName)
  const warnings = [...issues, ...rescued.report.issues].map(toReported)
  const listed = options.doNotImport === undefined ? undefined : findListedCreator(options.doNotImport, rescued.work.creators)
  if (listed !== undefined) {
    const reason = `"${listed}" is on the do-not-import list`
    report(run, story, { status: 'skipped', warnings, skipped: { author: listed, reason } })
    return
  }
  const owner = await store.sources.findOwner(sha256)
  if (owner !== undefined) {
    report(run, story, { status: 'unchanged', work: owner.workId, warnings })
    return
  }
  if (options.dryRun) {
    report(run, story, { status: 'imported', warnings })
    return
  }
  const result = await store.works.importRescued({ rescued, bytes, fileName, sha256 })
  report(run, story, { status: result.status, work: result.workId, warnings })
}

function report(run: Run, story: string, outcome: Partial<ArchiveOutcome> & Pick<ArchiveOutcome, 'status'>): void {
  run.options.onOutcome({ archive: run.archive, story, work: null, errors: [], warnings: [], ...outcome })
}

function toReported(issue: RescueIssue): ReportedProblem {
  return { code: issue.code, message: issue.message, line: issue.line === 0 ? null : issue.line, field: issue.field }
}

function toProblem(error: unknown): ReportedProblem {
  if (error instanceof RescueError) {
    return { code: error.code, message: error.message, line: error.at.line > 0 ? error.at.line : null, field: error.at.field ?? null }
  }
  if (error instanceof QuireError) return { code: error.code, message: error.message, line: null, field: null }
  // A bug, not bad input: still one story's failure, named, so the rest of the archive goes on.
  return { code: 'QUIRE_INTERNAL', message: errorMessage(error), line: null, field: null }
}
