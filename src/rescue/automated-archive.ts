import { RescueError } from '../domain/errors.js'
import type { RescueIssue } from '../domain/rescue-report.js'
import { readPerlData, type PerlValue } from './perl-data.js'

/** One story of an Automated Archive, before its file is read. */
export type AutomatedArchivePlan = Readonly<{
  /** The story's key in `%FILES`. */
  id: string
  /** Its fields as ARCHIVE_DB.pl wrote them, keys as written ("Title", "Email"), in file order. */
  record: Readonly<Record<string, string>>
  /**
   * Where its text may be, relative to the archive's folder, first found first:
   * `Location.FileType`, or `Location` as it stands and with the usual endings.
   */
  candidates: readonly string[]
  /** The site a story only linked to (`LocationURL`), when the archive kept no file of it. */
  external: string | null
  issues: readonly RescueIssue[]
}>

const ENDINGS = ['', '.html', '.htm', '.txt']

/**
 * The stories of an Automated Archive (Jeff's Perl archive of the 1990s) from its
 * ARCHIVE_DB.pl: `%FILES = ( 1 => { Title => '…', Author => '…', Email => '…', Category => '…',
 * Rating => '…', Summary => '…', Keywords => '…', Location => 'stories/ab/story', FileType =>
 * 'html', Date => '01/30/00', … }, … );`, as OTW Open Doors' loaders read it. Read as data by
 * `readPerlData`, never run.
 */
export function planAutomatedArchiveStories(text: string, fileName: string): AutomatedArchivePlan[] {
  const assignments = readPerlData(text, fileName)
  const files = assignments.find((assignment) => assignment.name === '%FILES') ?? assignments.find((a) => a.value.kind === 'hash')
  if (files === undefined || files.value.kind !== 'hash') {
    throw new RescueError('QUIRE_RESCUE_BAD_ARCHIVE', { file: fileName, line: 0 }, 'assigns no %FILES hash of stories')
  }
  return files.value.entries.map(([id, value]) => planStory(id, value, fileName, files.line))
}

function planStory(id: string, value: PerlValue, fileName: string, line: number): AutomatedArchivePlan {
  const issues: RescueIssue[] = []
  const record: Record<string, string> = {}
  if (value.kind !== 'hash') {
    const message = `story ${id} of ${fileName} is not a { Title => …, … } record`
    issues.push({ code: 'QUIRE_RESCUE_BAD_ARCHIVE', line, field: null, message })
  } else {
    for (const [key, item] of value.entries) {
      const text = flatten(item)
      if (text !== undefined) record[key] = text
    }
  }
  const field = (name: string): string => fieldOf(record, name)?.trim() ?? ''
  const location = field('location')
  const fileType = field('filetype').replace(/^\./u, '')
  const url = field('locationurl') || field('storyurl')
  const candidates =
    location === '' ? [] : fileType !== '' ? [`${location}.${fileType}`] : ENDINGS.map((ending) => `${location}${ending}`)
  const external = location === '' && /^https?:/iu.test(url) ? url : null
  return { id, record, candidates, external, issues }
}

// A field's text: a list (`Keywords => ['a', 'b']`) joined as a list is written.
function flatten(value: PerlValue): string | undefined {
  switch (value.kind) {
    case 'string':
      return value.value
    case 'undef':
      return undefined
    case 'list':
      return value.items.flatMap((item) => flatten(item) ?? []).join(', ')
    case 'hash':
      return undefined
  }
}

/** A record's field by name, whatever case the archive wrote it in ("FileType", "filetype"). */
export function fieldOf(record: Readonly<Record<string, string>>, name: string): string | undefined {
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name)
  return key === undefined ? undefined : record[key]
}
