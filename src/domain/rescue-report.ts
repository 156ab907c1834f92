import type { ErrorCode } from './errors.js'
import type { DecodedSource } from './source.js'
import type { WorkDraft } from './work-draft.js'

/** How sure rescue is of a value: 1 is a labelled header field, lower is an inference. */
export type Confidence = number

/** Where a field's value came from: the line (0 for the file as a whole) and the rule that read it. */
export type FieldProvenance = Readonly<{ line: number; rule: string; confidence: Confidence }>

/** A problem with one line or field that did not stop the rescue. */
export type RescueIssue = Readonly<{
  code: ErrorCode | RescueWarningCode
  line: number
  field: string | null
  message: string
}>

/** Warnings: things a person may want to look at, none of them fatal. */
export type RescueWarningCode =
  | 'QUIRE_RESCUE_UNKNOWN_RATING'
  | 'QUIRE_RESCUE_NO_TITLE'
  | 'QUIRE_RESCUE_MIXED_LINE_ENDINGS'
  | 'QUIRE_RESCUE_GUESSED_ENCODING'
  | 'QUIRE_RESCUE_REPLACED_CHARACTERS'
  | 'QUIRE_RESCUE_MIXED_ENCODING'
  | 'QUIRE_RESCUE_MOJIBAKE'
  | 'QUIRE_RESCUE_BAD_DATE'
  | 'QUIRE_RESCUE_ONLY_HEADER'
  | 'QUIRE_RESCUE_EMAIL_IN_HEADER'
  | 'QUIRE_RESCUE_EMAIL_IN_TEXT'
  | 'QUIRE_RESCUE_CONTROL_CHARACTERS'
  | 'QUIRE_RESCUE_MISSING_PARTS'
  | 'QUIRE_RESCUE_HTML_REMOVED'

export type RescueReport = Readonly<{
  /** The shape the story came in: "plain-text", "html", "ao3-html", "email"… */
  format: string
  /** Keyed by WorkDraft field name ("title", "rating", "fandoms"…). */
  fields: Readonly<Record<string, FieldProvenance>>
  unrecognised: ReadonlyArray<Readonly<{ line: number; text: string }>>
  issues: readonly RescueIssue[]
}>

/** What rescue makes of one file: the draft, the report, and how its bytes were decoded. */
export type RescuedWork = Readonly<{
  work: WorkDraft
  report: RescueReport
  source: DecodedSource
}>
