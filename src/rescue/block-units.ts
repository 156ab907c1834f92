import type { PageMarks } from './page-marks.js'
import type { SourceLine } from './source-lines.js'
import { isStanza } from './verse.js'

/** Text that reads as one paragraph, one line that may be verse, or a whole stanza. */
export type TextUnit = Readonly<{
  kind: 'line' | 'paragraph' | 'stanza'
  lines: readonly SourceLine[]
}>

// Past this length no one hard-wrapped a line: each line is its own paragraph.
const WRAP_MAX = 100
const ENDS_SENTENCE = /[.!?…"”')\]*~-]$/u
const OPENS_SENTENCE = /^[\p{Lu}\p{N}"“'‘([*~-]/u

// Files without blank lines between paragraphs put one paragraph on each line: most lines end
// a sentence and the next starts one. Hard-wrapped prose breaks mid-sentence.
function isLinePerParagraph(lines: readonly SourceLine[]): boolean {
  if (lines.some((line) => line.text.length > WRAP_MAX)) return true
  let ends = 0
  let opens = 0
  for (let index = 0; index + 1 < lines.length; index += 1) {
    if (ENDS_SENTENCE.test(lines[index]?.text ?? '')) ends += 1
    if (OPENS_SENTENCE.test(lines[index + 1]?.text ?? '')) opens += 1
  }
  const joins = lines.length - 1
  return ends >= joins * 0.7 && opens >= joins * 0.5
}

// Hard-wrapped text may still mark paragraphs by indenting their first line.
function splitByIndent(lines: readonly SourceLine[]): TextUnit[] {
  const indented = lines.slice(1).filter((line) => line.indented).length
  if (indented === 0 || indented === lines.length - 1) return [{ kind: 'paragraph', lines }]
  const units: TextUnit[] = []
  let current: SourceLine[] = []
  for (const line of lines) {
    if (line.indented && current.length > 0) {
      units.push({ kind: 'paragraph', lines: current })
      current = []
    }
    current.push(line)
  }
  units.push({ kind: 'paragraph', lines: current })
  return units
}

/**
 * Reads the lines of one block of text as paragraphs, lines that may be verse, or a stanza: a
 * block its page set apart as verse (see PageMarks) is a stanza whatever its lines look like.
 */
export function readTextUnits(lines: readonly SourceLine[], marks?: PageMarks): TextUnit[] {
  if (lines.length === 1) return [{ kind: 'line', lines }]
  const texts = lines.map((line) => line.text)
  if (isStanza(texts) || marks?.isVerse(texts) === true) return [{ kind: 'stanza', lines }]
  if (isLinePerParagraph(lines)) return lines.map((line) => ({ kind: 'line', lines: [line] }))
  return splitByIndent(lines)
}
