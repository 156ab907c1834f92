import type { Brand } from './brand.js'
import type { WorkId } from './work.js'

export type SourceId = Brand<number, 'SourceId'>

/** An imported file, kept byte for byte with what rescue learnt about it. */
export type StoredSource = Readonly<{
  id: SourceId
  /** Null when the work it became has since been deleted. */
  workId: WorkId | null
  /** Lower-case hex. */
  sha256: string
  bytes: Buffer
  encoding: string
  encodingConfidence: number
  fileName: string
  byteLength: number
  /** ISO 8601 timestamp. */
  importedAt: string
  /** The rescue report as JSON, kept as written so a later reparse can compare. */
  reportJson: string
}>

/** What a page lists of a source: all but its bytes and report, which can be megabytes. */
export type SourceSummary = Omit<StoredSource, 'bytes' | 'reportJson'>
