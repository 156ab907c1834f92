import { RescueError } from '../domain/errors.js'
import type { RescueIssue } from '../domain/rescue-report.js'
import type { EfictionChapterRecord, EfictionRecord } from './archive-story.js'
import type { DumpStatement, SqlRow } from './mysql-dump.js'

/** The tables of eFiction 3.x that a story's work is read from, without their prefix. */
export const EFICTION_TABLES = [
  'stories', 'chapters', 'authors', 'coauthors', 'categories', 'characters', 'classes',
  'classtypes', 'ratings', 'series', 'inseries',
] as const
export type EfictionTable = (typeof EFICTION_TABLES)[number]

// Longest first, so `fanfiction_inseries` is the inseries table of `fanfiction_`, not the
// series table of `fanfiction_in`, and `…coauthors` is not `…co` + `authors`.
const BY_LENGTH = [...EFICTION_TABLES].sort((a, b) => b.length - a.length)

// Columns of the lookup tables a story's record keeps: what its ids mean, and no more (an
// author's password hash and IP address stay out of a source anyone may download).
const KEPT: Partial<Record<EfictionTable, readonly string[]>> = {
  authors: ['uid', 'penname', 'realname', 'email'],
  categories: ['catid', 'parentcatid', 'category'],
  characters: ['charid', 'catid', 'charname'],
  classes: ['class_id', 'class_type', 'class_name'],
  classtypes: ['classtype_id', 'classtype_name', 'classtype_title'],
  ratings: ['rid', 'rating'],
  series: ['seriesid', 'title'],
}

/** The rows of an eFiction archive's tables, read from its dump. */
export type EfictionArchive = Readonly<{
  /** The tables' common prefix, "fanfiction_" on most sites. */
  prefix: string
  tables: Readonly<Record<EfictionTable, readonly SqlRow[]>>
  /** Whether the dump has a coauthors table (eFiction 3.5); older ones list uids in the story. */
  hasCoauthorsTable: boolean
}>

/** Collects the rows of every table whose name ends like an eFiction table's, as a dump streams by. */
export class EfictionTables {
  readonly #rows = new Map<string, SqlRow[]>()

  add(statement: DumpStatement): void {
    if (tableOf(statement.table) === undefined) return
    const rows = this.#rows.get(statement.table) ?? []
    if (statement.kind === 'row') rows.push(statement.row)
    this.#rows.set(statement.table, rows)
  }

  /** The archive; throws when the dump holds no eFiction stories and chapters tables. */
  finish(fileName: string): EfictionArchive {
    const prefixes = [...this.#rows.keys()]
      .filter((name) => name.endsWith('stories') && this.#rows.has(`${name.slice(0, -'stories'.length)}chapters`))
      .map((name) => name.slice(0, -'stories'.length))
    const [prefix, other] = prefixes
    const at = { file: fileName, line: 0 }
    if (prefix === undefined) {
      throw new RescueError('QUIRE_RESCUE_BAD_ARCHIVE', at, 'holds no eFiction tables (a `…stories` table and its `…chapters`)')
    }
    if (other !== undefined) {
      const names = prefixes.map((name) => `"${name}"`).join(', ')
      throw new RescueError('QUIRE_RESCUE_BAD_ARCHIVE', at, `holds the tables of several eFiction archives (${names}); import one at a time`)
    }
    const table = (name: EfictionTable): SqlRow[] => this.#rows.get(`${prefix}${name}`) ?? []
    const tables = {
      stories: table('stories'), chapters: table('chapters'), authors: table('authors'),
      coauthors: table('coauthors'), categories: table('categories'), characters: table('characters'),
      classes: table('classes'), classtypes: table('classtypes'), ratings: table('ratings'),
      series: table('series'), inseries: table('inseries'),
    } satisfies Record<EfictionTable, SqlRow[]>
    return { prefix, tables, hasCoauthorsTable: this.#rows.has(`${prefix}coauthors`) }
  }
}

function tableOf(name: string): EfictionTable | undefined {
  return BY_LENGTH.find((table) => name.endsWith(table))
}

/** One story, ready to be kept: its record, and the chapter files its record still needs. */
export type EfictionStoryPlan = Readonly<{
  /** The story's id in the archive (`sid`). */
  id: string
  record: EfictionRecord
  /**
   * Chapters whose text is not in `storytext` but in a file, `stories/<uid>/<chapid>.txt` under
   * the archive's folder, by the chapter's index in `record.chapters`.
   */
  files: ReadonlyArray<Readonly<{ index: number; path: string }>>
  /** Why the story is not imported: eFiction never showed it (it awaits validation). */
  unpublished: string | null
  issues: readonly RescueIssue[]
}>

function id(value: SqlRow[string] | undefined): string {
  return value === undefined || value === null ? '' : String(value).trim()
}

// eFiction lists ids in one column, comma-separated ("1,4,9"); 0 and -1 mean none.
function idList(value: SqlRow[string] | undefined): string[] {
  return id(value)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '' && item !== '0' && item !== '-1')
}

function keep(table: EfictionTable, row: SqlRow): SqlRow {
  const columns = KEPT[table]
  if (columns === undefined) return row
  return Object.fromEntries(columns.filter((column) => column in row).map((column) => [column, row[column] ?? null]))
}

function index(rows: readonly SqlRow[], column: string): Map<string, SqlRow> {
  return new Map(rows.map((row) => [id(row[column]), row]))
}

function groupBy(rows: readonly SqlRow[], column: string): Map<string, SqlRow[]> {
  const groups = new Map<string, SqlRow[]>()
  for (const row of rows) {
    const key = id(row[column])
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  return groups
}

type Lookups = Readonly<{
  archive: EfictionArchive
  authors: Map<string, SqlRow>
  categories: Map<string, SqlRow>
  characters: Map<string, SqlRow>
  classes: Map<string, SqlRow>
  classtypes: Map<string, SqlRow>
  ratings: Map<string, SqlRow>
  series: Map<string, SqlRow>
  chapters: Map<string, SqlRow[]>
  coauthors: Map<string, SqlRow[]>
  inseries: Map<string, SqlRow[]>
}>

/**
 * Every story of the archive, by `sid`, with the rows that say what its ids mean: its authors
 * and co-authors, each category with its parents (top first), its characters, classes and their
 * types, its rating, the series it is in, and its chapters in `inorder`.
 */
export function planEfictionStories(archive: EfictionArchive): EfictionStoryPlan[] {
  const { tables } = archive
  const lookups: Lookups = {
    archive,
    authors: index(tables.authors, 'uid'),
    categories: index(tables.categories, 'catid'),
    characters: index(tables.characters, 'charid'),
    classes: index(tables.classes, 'class_id'),
    classtypes: index(tables.classtypes, 'classtype_id'),
    ratings: index(tables.ratings, 'rid'),
    series: index(tables.series, 'seriesid'),
    chapters: groupBy(tables.chapters, 'sid'),
    coauthors: groupBy(tables.coauthors, 'sid'),
    inseries: groupBy(tables.inseries, 'sid'),
  }
  return [...tables.stories]
    .sort((a, b) => compareIds(id(a['sid']), id(b['sid'])))
    .map((story) => planStory(story, lookups))
}

function compareIds(a: string, b: string): number {
  const [m, n] = [Number(a), Number(b)]
  return Number.isNaN(m) || Number.isNaN(n) ? (a < b ? -1 : a > b ? 1 : 0) : m - n
}

function planStory(story: SqlRow, lookups: Lookups): EfictionStoryPlan {
  const sid = id(story['sid'])
  const issues: RescueIssue[] = []
  const missing = (what: string, ids: readonly string[]): void => {
    if (ids.length === 0) return
    const message = `story ${sid} names ${what} ${ids.join(', ')}, which the dump does not hold`
    issues.push({ code: 'QUIRE_RESCUE_BAD_ARCHIVE', line: 0, field: what, message })
  }
  const found = (table: EfictionTable, map: Map<string, SqlRow>, ids: readonly string[], what: string): SqlRow[] => {
    missing(what, ids.filter((key) => !map.has(key)))
    return ids.flatMap((key) => {
      const row = map.get(key)
      return row === undefined ? [] : [keep(table, row)]
    })
  }
  const authorIds = [id(story['uid']), ...coauthorIds(story, lookups)].filter(
    (key, position, all) => key !== '' && all.indexOf(key) === position,
  )
  const classes = found('classes', lookups.classes, idList(story['classes']), 'class')
  const typeIds = [...new Set(classes.map((row) => id(row['class_type'])))]
  const rid = idList(story['rid'])
  const inSeries = [...(lookups.inseries.get(sid) ?? [])].sort((a, b) => compareIds(id(a['seriesid']), id(b['seriesid'])))
  const chapters = chaptersOf(sid, lookups, issues)
  const record: EfictionRecord = {
    quire: 'archive-story',
    archive: 'efiction-3',
    story,
    authors: found('authors', lookups.authors, authorIds, 'author'),
    categories: idList(story['catid']).flatMap((catid) => {
      const chain = categoryChain(catid, lookups.categories)
      if (chain.length === 0) missing('category', [catid])
      return chain.length === 0 ? [] : [chain]
    }),
    characters: found('characters', lookups.characters, idList(story['charid']), 'character'),
    classes,
    classtypes: found('classtypes', lookups.classtypes, typeIds, 'class type'),
    rating: found('ratings', lookups.ratings, rid.slice(0, 1), 'rating')[0] ?? null,
    series: inSeries.flatMap((inseries) => {
      const series = lookups.series.get(id(inseries['seriesid']))
      if (series === undefined) missing('series', [id(inseries['seriesid'])])
      return series === undefined ? [] : [{ series: keep('series', series), inseries }]
    }),
    chapters: chapters.map((row): EfictionChapterRecord => ({ row })),
  }
  const files = chapters.flatMap((row, position) => {
    if (id(row['storytext']) !== '') return []
    const uid = id(row['uid']) === '' ? id(story['uid']) : id(row['uid'])
    return [{ index: position, path: `stories/${uid}/${id(row['chapid'])}.txt` }]
  })
  const unpublished = isValidated(story) ? null : 'it awaits validation on the old archive, which never showed it'
  return { id: sid, record, files, unpublished, issues }
}

// eFiction 3.5 lists co-authors in a table; 3.0-3.4 in the story's `coauthors` column.
function coauthorIds(story: SqlRow, lookups: Lookups): string[] {
  if (lookups.archive.hasCoauthorsTable) {
    return (lookups.coauthors.get(id(story['sid'])) ?? []).map((row) => id(row['uid']))
  }
  return idList(story['coauthors'])
}

// A column eFiction leaves out of some versions counts as validated.
function isValidated(row: SqlRow): boolean {
  return !('validated' in row) || id(row['validated']) !== '0'
}

// The category and its parents, top first; a loop in a broken tree stops where it repeats.
function categoryChain(catid: string, categories: Map<string, SqlRow>): SqlRow[] {
  const chain: SqlRow[] = []
  const seen = new Set<string>()
  for (let key = catid; !seen.has(key); ) {
    const row = categories.get(key)
    if (row === undefined) break
    seen.add(key)
    chain.unshift(keep('categories', row))
    key = id(row['parentcatid'])
  }
  return chain
}

// The story's chapters in `inorder`, without those awaiting validation, which nobody could read.
function chaptersOf(sid: string, lookups: Lookups, issues: RescueIssue[]): SqlRow[] {
  const all = [...(lookups.chapters.get(sid) ?? [])].sort(
    (a, b) => compareIds(id(a['inorder']), id(b['inorder'])) || compareIds(id(a['chapid']), id(b['chapid'])),
  )
  const hidden = all.filter((row) => !isValidated(row))
  if (hidden.length > 0) {
    const ids = hidden.map((row) => id(row['chapid'])).join(', ')
    const message = `chapters ${ids} of story ${sid} await validation on the old archive and are left out`
    issues.push({ code: 'QUIRE_RESCUE_BAD_ARCHIVE', line: 0, field: 'chapters', message })
  }
  return all.filter(isValidated)
}
