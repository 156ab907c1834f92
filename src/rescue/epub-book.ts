import { RescueError } from '../domain/errors.js'
import { readChapterHeading } from './chapter-heading.js'
import type { DecodedText } from './decode-text.js'
import {
  type EpubMetadata,
  type EpubPackage,
  type ManifestItem,
  readPackage,
  readRootfile,
  readTocTitles,
} from './epub-package.js'
import { isTitlePage, readTitlePage, type TitlePageField } from './epub-title-page.js'
import { htmlToText } from './html-to-text.js'
import { normaliseText } from './normalise-text.js'
import { isSceneBreak } from './scene-break.js'
import type { StoryText } from './story-formats.js'
import {
  entryError,
  openZipArchive,
  readFirstEntry,
  readZipDirectory,
  startsAsZip,
  type ZipArchive,
  ZIP_LIMITS,
  type ZipLimits,
} from './zip-archive.js'

// EPUB Open Container Format 3.3, section 4.2: the first entry is `mimetype`, stored, holding
// "application/epub+zip"; META-INF/container.xml names the package document.
const CONTAINER = 'META-INF/container.xml'
const EPUB_MIMETYPE = 'application/epub+zip'
const DOCUMENT_TYPES: ReadonlySet<string> = new Set(['application/xhtml+xml', 'text/html'])
// Documents that restate the book instead of telling the story: EPUB 2 guide types, and the
// names FanFicFare and calibre give them (title_page.xhtml, toc_page.xhtml, log_page.xhtml).
const SKIPPED_GUIDE_TYPES: ReadonlySet<string> = new Set(['toc', 'cover', 'copyright-page', 'index'])
const TITLE_PAGE_NAME = /^(?:title_?page|title)$/iu
const SKIPPED_NAME = /^(?:toc_?page|toc|contents|nav|log_?page|cover|titlepage_?cover)$/iu
// Tags download tools put on every book; they say nothing about this one.
const GENERIC_SUBJECTS: ReadonlySet<string> = new Set([
  'fanfiction', 'fan fiction', 'completed', 'complete', 'in-progress', 'in progress',
])
// chapter-heading.ts reads headings of at most 100 characters.
const HEADING_MAX = 100
// header-block.ts lets at most three unlabelled paragraphs continue a field.
const SUMMARY_PARAGRAPHS_MAX = 4

const UTF8 = new TextDecoder('utf-8')
const ASCII = new TextDecoder('latin1')

type Book = Readonly<{ zip: ZipArchive; fileName: string; opfPath: string; pack: EpubPackage }>
type Role = 'story' | 'title-page' | 'skip'
type Doc = Readonly<{ path: string; text: string; heading: string | null; role: Role }>
type ChapterText = { title: string | null; text: string }

// XHTML in an EPUB is UTF-8 or UTF-16 (EPUB 3.3, 3.1); a byte order mark tells which.
function entryText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  return UTF8.decode(bytes)
}

function readEntryText(book: Pick<Book, 'zip'>, path: string): string | undefined {
  const entry = book.zip.find(path)
  return entry === undefined ? undefined : entryText(book.zip.read(entry))
}

function openBook(zip: ZipArchive, fileName: string): Book {
  const container = readEntryText({ zip }, CONTAINER)
  if (container === undefined) {
    const detail = `is an EPUB book without ${CONTAINER}, which names its package document`
    throw new RescueError('QUIRE_RESCUE_BAD_EPUB', { file: fileName, line: 0 }, detail)
  }
  const opfPath = readRootfile(container)
  if (opfPath === undefined) {
    throw entryError('QUIRE_RESCUE_BAD_EPUB', fileName, CONTAINER, 'names no package document')
  }
  const opf = readEntryText({ zip }, opfPath)
  if (opf === undefined) {
    const detail = `is not in the book, though ${CONTAINER} names it as the package document`
    throw entryError('QUIRE_RESCUE_BAD_EPUB', fileName, opfPath, detail)
  }
  return { zip, fileName, opfPath, pack: readPackage(opf, opfPath) }
}

function tocItem(pack: EpubPackage): ManifestItem | undefined {
  const items = [...pack.manifest.values()]
  return (
    items.find((item) => item.properties.includes('nav')) ??
    (pack.tocId === null ? undefined : pack.manifest.get(pack.tocId)) ??
    items.find((item) => item.mediaType === 'application/x-dtbncx+xml')
  )
}

// A missing table of contents costs only the chapter titles; the story is all still there.
function readTitles(book: Book, toc: ManifestItem | undefined): ReadonlyMap<string, string> {
  const xml = toc === undefined ? undefined : readEntryText(book, toc.path)
  return toc === undefined || xml === undefined ? new Map() : readTocTitles(xml, toc.path)
}

function documentRole(item: ManifestItem, guide: ReadonlyMap<string, string>): Role {
  const isDocument =
    DOCUMENT_TYPES.has(item.mediaType) || (item.mediaType === '' && /\.x?html?$/iu.test(item.path))
  if (!isDocument || item.properties.includes('nav')) return 'skip'
  const type = guide.get(item.path)
  const stem = (item.path.split('/').pop() ?? '').replace(/\.[^.]*$/u, '')
  const isNamed = (pattern: RegExp): boolean => pattern.test(stem) || pattern.test(item.id)
  if (type === 'title-page' || isNamed(TITLE_PAGE_NAME)) return 'title-page'
  if ((type !== undefined && SKIPPED_GUIDE_TYPES.has(type)) || isNamed(SKIPPED_NAME)) return 'skip'
  return 'story'
}

// A book without a table of contents still heads its chapters, in <h1> to <h3>.
function firstHeading(xhtml: string): string | null {
  const match = /<h[1-3]\b[^>]*>([\s\S]{1,400}?)<\/h[1-3]\s*>/iu.exec(xhtml)
  const text = match?.[1] === undefined ? '' : htmlToText(match[1]).replace(/\s+/gu, ' ').trim()
  return text === '' ? null : text
}

function readDocuments(book: Book, toc: ManifestItem | undefined): Doc[] {
  const { pack, fileName, opfPath } = book
  if (pack.spine.length === 0) {
    throw entryError('QUIRE_RESCUE_BAD_EPUB', fileName, opfPath, 'has an empty spine: no document to read')
  }
  const docs: Doc[] = []
  for (const { idref, isLinear } of pack.spine) {
    const item = pack.manifest.get(idref)
    if (item === undefined) {
      const detail = `lists "${idref}" in its spine, but its manifest has no item with that id`
      throw entryError('QUIRE_RESCUE_BAD_EPUB', fileName, opfPath, detail)
    }
    const role = documentRole(item, pack.guide)
    // A non-linear document (a cover, footnotes) is outside the reading order.
    if (!isLinear || role === 'skip' || item.path === toc?.path) continue
    const xhtml = readEntryText(book, item.path)
    if (xhtml === undefined) {
      const detail = `is not in the book, though ${opfPath} lists it in the spine as "${idref}"`
      throw entryError('QUIRE_RESCUE_BAD_EPUB', fileName, item.path, detail)
    }
    docs.push({ path: item.path, text: htmlToText(xhtml), heading: firstHeading(xhtml), role })
  }
  return docs
}

function splitDocuments(
  docs: readonly Doc[],
  titles: ReadonlyMap<string, string>,
): Readonly<{ titlePages: string[]; chapters: ChapterText[] }> {
  const titlePages: string[] = []
  const chapters: ChapterText[] = []
  docs.forEach((doc, index) => {
    const hasText = doc.text.trim() !== ''
    // A page of labelled fields before the story restates it; a lone one is a short story.
    const isFollowed = docs.slice(index + 1).some((later) => later.role === 'story' && later.text.trim() !== '')
    if (doc.role === 'title-page' || (chapters.length === 0 && isFollowed && isTitlePage(doc.text))) {
      titlePages.push(doc.text)
      return
    }
    if (!hasText) return // a cover image, an empty divider page
    const title = titles.size === 0 ? (doc.heading ?? undefined) : titles.get(doc.path)
    const last = chapters[chapters.length - 1]
    // calibre splits long chapters into several files and lists only the first in the TOC.
    if (title === undefined && titles.size > 0 && last !== undefined) {
      last.text += `\n\n${doc.text}`
      return
    }
    chapters.push({ title: title ?? null, text: doc.text })
  })
  return { titlePages, chapters }
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

function fold(text: string): string {
  return oneLine(text).toLowerCase()
}

// dc:date is W3CDTF ("2021-03-04T10:00:00Z"); legacy-date.ts reads the date part.
function dateOnly(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/u.exec(date)?.[0] ?? date
}

function summaryParagraphs(metadata: EpubMetadata): string[] {
  const { description } = metadata
  if (description === null) return []
  const text = /<[a-z][^>]*>/iu.test(description) ? htmlToText(description) : description
  return text
    .split(/\n\s*\n/u)
    .map(oneLine)
    .filter((paragraph) => paragraph !== '' && !isSceneBreak(paragraph))
}

function tagsLine(metadata: EpubMetadata, pageFields: readonly TitlePageField[]): string {
  const stated = new Set(pageFields.flatMap((field) => field.value.split(',').map(fold)))
  const tags = metadata.subjects.filter((subject) => {
    const folded = fold(subject)
    return !GENERIC_SUBJECTS.has(folded) && !stated.has(folded)
  })
  return tags.map(oneLine).join(', ')
}

/** Header blocks: the fields, the summary's later paragraphs, then fields that close it. */
function writeHeader(metadata: EpubMetadata, pageFields: readonly TitlePageField[]): string[] {
  const fields: string[] = []
  const closing: string[] = []
  const add = (lines: string[], key: string, value: string | null): void => {
    const text = value === null ? '' : oneLine(value)
    if (text !== '') lines.push(`${key}: ${text}`)
  }
  add(fields, 'Title', metadata.title)
  for (const creator of metadata.creators) add(fields, 'Author', creator)
  const fromPackage = new Set(['Summary', ...(metadata.series === null ? [] : ['Series'])])
  for (const { key, value } of pageFields) if (!fromPackage.has(key)) add(fields, key, value)
  add(fields, 'Series', metadata.series)
  add(closing, 'Tags', tagsLine(metadata, pageFields))
  add(closing, 'Language', metadata.language)
  add(closing, 'Posted', metadata.published === null ? null : dateOnly(metadata.published))
  add(closing, 'Updated', metadata.updated === null ? null : dateOnly(metadata.updated))
  let summary = summaryParagraphs(metadata)
  if (summary.length === 0) summary = pageFields.filter((field) => field.key === 'Summary').map((field) => field.value)
  // Later paragraphs stay a summary's only while a field follows them and none looks like prose.
  const [first, ...rest] = summary
  const canSplit =
    closing.length > 0 &&
    summary.length <= SUMMARY_PARAGRAPHS_MAX &&
    rest.every((paragraph) => paragraph.length <= 600 && !/^["“'‘]/u.test(paragraph))
  if (first !== undefined) add(fields, 'Summary', canSplit ? first : summary.join(' '))
  const blocks = [fields.join('\n'), ...(canSplit ? rest : []), closing.join('\n')]
  return blocks.filter((block) => block !== '')
}

function chapterHeading(position: number, title: string | null): string {
  if (title === null) return `Chapter ${String(position)}`
  const line = oneLine(title)
  if (readChapterHeading(line) !== undefined) return line
  const bare = line.replace(/^\d{1,4}\s*[.:)–—-]\s*/u, '') || line
  const heading = `Chapter ${String(position)}: ${bare}`
  return heading.length <= HEADING_MAX ? heading : `${heading.slice(0, HEADING_MAX - 1)}…`
}

// A chapter's document usually opens with its own heading; the heading written above it
// replaces that line rather than repeating it.
function withoutOwnHeading(text: string, title: string | null): string {
  const trimmed = text.trim()
  const end = trimmed.indexOf('\n')
  const first = end < 0 ? trimmed : trimmed.slice(0, end)
  const isHeading = (title !== null && fold(first) === fold(title)) || readChapterHeading(first) !== undefined
  return isHeading ? trimmed.slice(first.length).trim() : trimmed
}

function writeBody(chapters: readonly ChapterText[], workTitle: string | null): string[] {
  const [only] = chapters
  const title = only?.title ?? null
  const isUntitled =
    title === null ||
    (workTitle !== null && fold(title) === fold(workTitle)) ||
    readChapterHeading(title)?.title === null
  if (chapters.length === 1 && only !== undefined && isUntitled) {
    return ['* * *', withoutOwnHeading(only.text, title)]
  }
  return chapters.flatMap((chapter, index) => [
    chapterHeading(index + 1, chapter.title),
    withoutOwnHeading(chapter.text, chapter.title),
  ])
}

function hasEpubMimetype(bytes: Uint8Array): boolean {
  const { name, stored } = readFirstEntry(bytes)
  return name === 'mimetype' && stored !== null && ASCII.decode(stored).trim() === EPUB_MIMETYPE
}

/**
 * An EPUB 2 or 3 book (as FanFicFare or AO3's download make them) as the plain text the
 * plain-text reader understands: package metadata and title-page fields as `Key: value`
 * header lines, then each spine document as a chapter under a "Chapter N: Title" heading
 * taken from the table of contents. Undefined when the bytes are not an EPUB; a RescueError
 * when they are one that cannot be read safely (see zip-archive.ts for the limits).
 */
export function readEpubBook(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipLimits = ZIP_LIMITS,
): string | undefined {
  if (!startsAsZip(bytes)) return undefined
  const isMarked = hasEpubMimetype(bytes)
  const directory = readZipDirectory(bytes)
  if (directory.kind === 'damaged') {
    // Any other broken zip is left to the binary check, which refuses it by name.
    if (!isMarked) return undefined
    const detail = `is an EPUB book, but its zip ${directory.problem}`
    throw new RescueError('QUIRE_RESCUE_BAD_EPUB', { file: fileName, line: 0 }, detail)
  }
  if (!isMarked && !directory.entries.some((entry) => entry.name === CONTAINER)) return undefined
  const book = openBook(openZipArchive(bytes, directory.entries, fileName, limits), fileName)
  const toc = tocItem(book.pack)
  const { titlePages, chapters } = splitDocuments(readDocuments(book, toc), readTitles(book, toc))
  const { metadata } = book.pack
  const isFanFicFare = metadata.contributors.some((name) => /fanficfare/iu.test(name))
  const pageFields = titlePages.flatMap((text) => readTitlePage(text, isFanFicFare))
  const blocks = [...writeHeader(metadata, pageFields), ...writeBody(chapters, metadata.title)]
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`
}

/** An EPUB book as decoded text and its story in the 'epub' format, or undefined if not one. */
export function readEpubStory(
  bytes: Uint8Array,
  fileName: string,
): Readonly<{ decoded: DecodedText; story: StoryText }> | undefined {
  const book = readEpubBook(bytes, fileName)
  if (book === undefined) return undefined
  const { text, issues } = normaliseText(book)
  // The XHTML inside is UTF-8 (or UTF-16 with a byte order mark), as EPUB requires.
  const decoded = { text, source: { encoding: 'UTF-8', encodingConfidence: 1 }, issues }
  return { decoded, story: { format: 'epub', label: 'an EPUB book', text, issues: [] } }
}
