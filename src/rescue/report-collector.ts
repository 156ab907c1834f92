import type { ErrorCode } from '../domain/errors.js'
import type {
  Confidence,
  FieldProvenance,
  RescueIssue,
  RescueReport,
  RescueWarningCode,
} from '../domain/rescue-report.js'

/** A report being filled in while a file is read. */
export type ReportCollector = Readonly<{
  format: string
  fields: Record<string, FieldProvenance>
  unrecognised: { line: number; text: string }[]
  issues: RescueIssue[]
}>

/** An empty report. */
export function createReportCollector(
  format: string,
  issues: readonly RescueIssue[] = [],
): ReportCollector {
  return { format, fields: {}, unrecognised: [], issues: [...issues] }
}

/** Records where a draft field's value came from; the first record of a field stands. */
export function recordField(
  report: ReportCollector,
  field: string,
  line: number,
  rule: string,
  confidence: Confidence,
): void {
  report.fields[field] ??= { line, rule, confidence }
}

/** Adds a warning about one line or field. */
export function addIssue(
  report: ReportCollector,
  code: ErrorCode | RescueWarningCode,
  line: number,
  field: string | null,
  message: string,
): void {
  report.issues.push({ code, line, field, message })
}

/** The finished report, its unrecognised lines in file order. */
export function finishReport(report: ReportCollector): RescueReport {
  const unrecognised = [...report.unrecognised].sort((a, b) => a.line - b.line)
  return { format: report.format, fields: { ...report.fields }, unrecognised, issues: [...report.issues] }
}
