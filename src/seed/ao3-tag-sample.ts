import { QuireError } from '../domain/errors.js'

/** AO3's tag types in the data dump; Media has no tag kind in Quire (fandoms are not grouped yet). */
export const SAMPLE_TAG_TYPES = [
  'Media',
  'Rating',
  'ArchiveWarning',
  'Category',
  'Fandom',
  'Relationship',
  'Character',
  'Freeform',
] as const
export type SampleTagType = (typeof SAMPLE_TAG_TYPES)[number]

/** One row of the dump's tags file. */
export type SampleTag = Readonly<{
  id: number
  type: SampleTagType
  name: string
  canonical: boolean
  /** How many works carried it on AO3 on 2021-02-26: the popularity the seed follows. */
  count: number
  /** The id of the canonical tag this one is a synonym of, or null. */
  mergerId: number | null
}>

const HEADER = ['id', 'type', 'name', 'canonical', 'cached_count', 'merger_id']

/**
 * Reads the OTW data dump's tags CSV (`tags-20210226.csv`): quoted fields, CRLF line ends and
 * TRUE/FALSE booleans, as a spreadsheet re-saved it. `file` names it in errors.
 */
export function parseSampleTags(text: string, file: string): SampleTag[] {
  const rows = parseCsv(text)
  const header = rows.shift()
  if (header === undefined || HEADER.some((name, index) => header[index] !== name)) {
    throw new QuireError(
      'QUIRE_IMPORT_UNREADABLE',
      `${file}:1: expected the columns ${HEADER.join(',')}, the data dump's tags file`,
    )
  }
  return rows
    .filter((row) => row.length > 1)
    .map((row, index) => toSampleTag(row, `${file}:${String(index + 2)}`))
}

function toSampleTag(row: readonly string[], at: string): SampleTag {
  const [id, type, name, canonical, count, merger] = row
  const sampleType = SAMPLE_TAG_TYPES.find((known) => known === type)
  const number = Number(id)
  if (sampleType === undefined || !Number.isInteger(number) || name === undefined || name.trim() === '') {
    throw new QuireError('QUIRE_IMPORT_UNREADABLE', `${at}: expected id, type, name…; got "${row.join(',')}"`)
  }
  return {
    id: number,
    type: sampleType,
    name: name.trim(),
    canonical: canonical?.toUpperCase() === 'TRUE',
    count: Math.max(0, Number(count) || 0),
    mergerId: merger === undefined || merger.trim() === '' ? null : Number(merger),
  }
}

// RFC 4180: a quoted field may hold commas, line breaks and doubled quotes.
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"'
        at += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[at + 1] === '\n') at += 1
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}
