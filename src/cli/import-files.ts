import { createHash } from 'node:crypto'
import path from 'node:path'
import { QuireError, RescueError } from '../domain/errors.js'
import type { RescueIssue } from '../domain/rescue-report.js'
import { rescuePlainText } from '../rescue/rescue-plain-text.js'
import type { Store } from '../store/store.js'
import { errorMessage, readStoryFile } from './read-story-file.js'
import { walkFiles } from './walk-files.js'

/** A problem as the import report writes it. */
export type ReportedProblem = Readonly<{
  code: string
  message: string
  line: number | null
  field: string | null
}>

/** One line of the JSON-lines import report: what became of one file. */
export type ImportOutcome = Readonly<{
  file: string
  status: 'imported' | 'unchanged' | 'failed'
  work: string | null
  sha256: string | null
  errors: readonly ReportedProblem[]
  warnings: readonly ReportedProblem[]
}>

export type ImportOptions = Readonly<{
  maxSize: number
  /** Called once per file, in walk order, as soon as its outcome is known. */
  onOutcome: (outcome: ImportOutcome) => void
  /** Called for paths that are not imported at all (symbolic links, missing paths). */
  onSkipped: (file: string, reason: string) => void
}>

/**
 * Imports every story file under `paths`, one file at a time (a folder of any size is streamed,
 * never read whole), each file in its own transaction. One bad file never stops the rest.
 */
export async function importFiles(
  store: Store,
  paths: readonly string[],
  options: ImportOptions,
): Promise<void> {
  for await (const entry of walkFiles(paths)) {
    if (entry.kind === 'skipped') {
      options.onSkipped(entry.file, entry.reason)
      continue
    }
    options.onOutcome(await importOne(store, entry.file, options.maxSize))
  }
}

async function importOne(store: Store, file: string, maxSize: number): Promise<ImportOutcome> {
  let sha256: string | null = null
  try {
    const bytes = await readStoryFile(file, maxSize)
    sha256 = createHash('sha256').update(bytes).digest('hex')
    const existing = await store.sources.findBySha256(sha256)
    if (existing !== undefined) {
      return { file, status: 'unchanged', work: existing.workId, sha256, errors: [], warnings: [] }
    }
    const rescued = rescuePlainText(bytes, path.basename(file))
    const result = await store.works.importRescued({ rescued, bytes, fileName: path.basename(file) })
    const warnings = rescued.report.issues.map(toReported)
    return { file, status: result.status, work: result.workId, sha256, errors: [], warnings }
  } catch (error) {
    return { file, status: 'failed', work: null, sha256, errors: [toProblem(error)], warnings: [] }
  }
}

function toReported(issue: RescueIssue): ReportedProblem {
  return { code: issue.code, message: issue.message, line: issue.line, field: issue.field }
}

function toProblem(error: unknown): ReportedProblem {
  if (error instanceof RescueError) {
    const { code, message, at } = error
    return { code, message, line: at.line > 0 ? at.line : null, field: at.field ?? null }
  }
  if (error instanceof QuireError) {
    return { code: error.code, message: error.message, line: null, field: null }
  }
  // A bug, not bad input: still one file's failure, named, so the rest of the folder goes on.
  return { code: 'QUIRE_INTERNAL', message: errorMessage(error), line: null, field: null }
}
