import { findHeaderField, foldKey } from './header-keys.js'

/** A labelled value on a book's title page, under the key the plain-text reader knows. */
export type TitlePageField = Readonly<{ key: string; value: string }>

// Labels download tools print on a title page ("Category:", "Relationships:"), mapped to the
// keys of header-keys.ts. FanFicFare's "Category" is the fandom (fanfiction.net's word), AO3's
// is F/M, Gen and the like: the caller says which tool made the book.
const LABELS: Readonly<Record<string, string>> = {
  category: 'Category',
  fandom: 'Fandom',
  fandoms: 'Fandom',
  genre: 'Genre',
  genres: 'Genre',
  characters: 'Characters',
  character: 'Characters',
  relationships: 'Pairing',
  relationship: 'Pairing',
  ships: 'Pairing',
  pairing: 'Pairing',
  rating: 'Rating',
  warnings: 'Warnings',
  'archive warning': 'Warnings',
  'archive warnings': 'Warnings',
  status: 'Status',
  published: 'Posted',
  updated: 'Updated',
  series: 'Series',
  'additional tags': 'Tags',
  summary: 'Summary',
}
const LABELLED = /^(\p{L}[\p{L} ]{0,30}):\s*(.*)$/u
// Text on a title page that is not a label or its value: a title, a "by" line, a summary.
const PROSE_MAX = 2_000

type Labelled = Readonly<{ label: string; value: string; lines: number }>

function readLabelled(lines: readonly string[]): Labelled[] {
  const found: Labelled[] = []
  for (let index = 0; index < lines.length; index += 1) {
    const match = LABELLED.exec(lines[index] ?? '')
    if (match === null) continue
    const label = foldKey(match[1] ?? '')
    if (LABELS[label] === undefined && findHeaderField(label) === undefined) continue
    let value = (match[2] ?? '').trim()
    // A definition list (<dt>Rating:</dt><dd>Mature</dd>) puts the value on the next line.
    const next = lines[index + 1] ?? ''
    if (value === '' && next !== '' && !LABELLED.test(next)) {
      value = next
      index += 1
      found.push({ label, value, lines: 2 })
    } else {
      found.push({ label, value, lines: 1 })
    }
  }
  return found
}

function textLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/**
 * Whether a document's text is a title page restating metadata: three or more labelled lines
 * and little else. A short story with a header block is told apart by the caller, which asks
 * only about documents that another chapter follows.
 */
export function isTitlePage(text: string): boolean {
  const lines = textLines(text)
  const labelled = readLabelled(lines)
  const labelledLines = labelled.reduce((sum, field) => sum + field.lines, 0)
  const prose = lines.join('').length - labelled.reduce((sum, field) => sum + field.label.length + field.value.length, 0)
  return labelled.length >= 3 && (prose < PROSE_MAX || labelledLines * 2 >= lines.length)
}

/** The title page's labelled values that the plain-text reader understands. */
export function readTitlePage(text: string, isFanFicFare: boolean): TitlePageField[] {
  return readLabelled(textLines(text)).flatMap(({ label, value }) => {
    const key = label === 'category' && isFanFicFare ? 'Fandom' : LABELS[label]
    return key === undefined || value === '' ? [] : [{ key, value }]
  })
}
