import type { RescueIssue } from '../domain/rescue-report.js'

/** Text with line feeds only, NFC-normalised, and what changing it found. */
export type NormalisedText = Readonly<{ text: string; issues: readonly RescueIssue[] }>

// C0 and C1 controls other than tab and line feed. Form feeds (page breaks in files printed
// from word processors) become line feeds; DOS's SUB end-of-file mark goes silently.
const STRAY_CONTROLS = /[\u0000-\u0008\u000b\u000e-\u0019\u001b-\u001f\u007f-\u009f]/gu

const HAS_STRAY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u0019\u001b-\u001f\u007f-\u009f]/u

// Most files need none of these passes: a search for the one character each needs, which runs
// at memory speed, saves a regular-expression pass over the whole text.
function lineEndingKinds(text: string): number {
  if (!text.includes('\r')) return 1
  let kinds = 0
  if (/\r\n/u.test(text)) kinds += 1
  if (/\r(?!\n)/u.test(text)) kinds += 1
  if (/(?<!\r)\n/u.test(text)) kinds += 1
  return kinds
}

/** CRLF and CR become LF (mixed endings are reported), controls are removed, text is NFC. */
export function normaliseText(decoded: string): NormalisedText {
  const issues: RescueIssue[] = []
  if (lineEndingKinds(decoded) > 1) {
    issues.push({
      code: 'QUIRE_RESCUE_MIXED_LINE_ENDINGS',
      line: 0,
      field: null,
      message: 'the file mixes CRLF, CR and LF line endings; each one counts as a line end',
    })
  }
  let text = decoded.includes('\r') ? decoded.replace(/\r\n?/gu, '\n') : decoded
  if (text.includes('\f')) text = text.replace(/\f/gu, '\n')
  if (text.includes('\u001a')) text = text.replace(/\u001a/gu, '')
  const strays = HAS_STRAY_CONTROL.test(text) ? (text.match(STRAY_CONTROLS)?.length ?? 0) : 0
  if (strays > 0) {
    text = text.replace(STRAY_CONTROLS, '')
    issues.push({
      code: 'QUIRE_RESCUE_CONTROL_CHARACTERS',
      line: 0,
      field: null,
      message: `removed ${String(strays)} control character(s) that text does not use`,
    })
  }
  return { text: text.normalize('NFC'), issues }
}
