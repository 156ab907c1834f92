import type { WorkDraft } from '../domain/work-draft.js'
import type { EndMarker } from './end-marker.js'
import { fieldText, type HeaderValues, headerRule } from './header-values.js'
import { readLegacyDate } from './legacy-date.js'
import { addIssue, recordField, type ReportCollector } from './report-collector.js'

/** Whether the work is finished, and when it was posted and updated. */
export type DraftStatus = Pick<WorkDraft, 'complete' | 'posted' | 'updated'>

const COMPLETE_STATUS = /^(?:complete|completed|finished|done|one[\s-]?shot|oneshot|(\d+)\s*\/\s*\1)\b/iu
const ONGOING_STATUS =
  /^(?:wip|work in progress|in progress|incomplete|ongoing|unfinished|on hiatus|hiatus|abandoned|to be continued|tbc|(\d+)\s*\/\s*(?:\d+|\?))\b/iu

function readStatusField(header: HeaderValues, report: ReportCollector): boolean | undefined {
  const field = header.first('status')
  if (field === undefined) return undefined
  const text = fieldText(field).trim()
  let complete: boolean | undefined
  if (COMPLETE_STATUS.test(text)) complete = true
  else if (ONGOING_STATUS.test(text)) complete = false
  if (complete !== undefined) recordField(report, 'complete', field.line, headerRule(field), 1)
  else report.unrecognised.push({ line: field.line, text: `${field.key}: ${text}` })
  return complete
}

// A "Status:" field says it outright; else the end marker does. A text file with neither is
// what its author posted as a whole: a finished story, as an archivist would file it.
function readComplete(
  header: HeaderValues,
  marker: Readonly<{ kind: EndMarker; line: number }> | null,
  report: ReportCollector,
): boolean {
  const stated = readStatusField(header, report)
  if (stated !== undefined) return stated
  if (marker !== null) {
    recordField(report, 'complete', marker.line, `end-marker:${marker.kind}`, 0.9)
    return marker.kind === 'complete'
  }
  recordField(report, 'complete', 0, 'default:no-end-marker', 0.4)
  return true
}

function readDate(
  header: HeaderValues,
  name: 'posted' | 'updated',
  report: ReportCollector,
): string | null {
  for (const field of header.all(name)) {
    const text = fieldText(field)
    const date = readLegacyDate(text)
    if (date !== undefined) {
      recordField(report, name, field.line, headerRule(field), 0.9)
      return date
    }
    const message = `"${text}" is not a date rescue can read`
    addIssue(report, 'QUIRE_RESCUE_BAD_DATE', field.line, field.key, message)
  }
  return null
}

/** Reads completeness from the Status field or the end marker, and the header's dates. */
export function readDraftStatus(
  header: HeaderValues,
  marker: Readonly<{ kind: EndMarker; line: number }> | null,
  report: ReportCollector,
): DraftStatus {
  return {
    complete: readComplete(header, marker, report),
    posted: readDate(header, 'posted', report),
    updated: readDate(header, 'updated', report),
  }
}
