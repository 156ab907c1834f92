import {
  childElements,
  elementText,
  findElements,
  innerMarkup,
  parseXml,
  rawText,
  type XmlElement,
} from './xml-tree.js'

/** A file the package lists: its id, its path inside the zip, media type and properties. */
export type ManifestItem = Readonly<{
  id: string
  path: string
  mediaType: string
  properties: readonly string[]
}>

/** One document in reading order; a non-linear one (a cover, notes) is outside the story. */
export type SpineItem = Readonly<{ idref: string; isLinear: boolean }>

/** What the package's metadata says about the work. */
export type EpubMetadata = Readonly<{
  title: string | null
  creators: readonly string[]
  contributors: readonly string[]
  subjects: readonly string[]
  /** As written: markup (escaped or inline XHTML) or plain text. */
  description: string | null
  language: string | null
  published: string | null
  updated: string | null
  series: string | null
}>

/** An EPUB package document (OPF), EPUB 2 or 3. */
export type EpubPackage = Readonly<{
  metadata: EpubMetadata
  manifest: ReadonlyMap<string, ManifestItem>
  spine: readonly SpineItem[]
  /** The spine's `toc` attribute: the id of an EPUB 2 NCX. */
  tocId: string | null
  /** EPUB 2 guide: a document's path to its type ("title-page", "toc", "cover"). */
  guide: ReadonlyMap<string, string>
}>

function decodePath(href: string): string {
  try {
    return decodeURIComponent(href)
  } catch (error) {
    // A stray "%" is a literal percent sign in a name some tool did not escape.
    if (error instanceof URIError) return href
    throw error
  }
}

/**
 * The zip path an href names, relative to the file `from` that holds it (fragment and query
 * dropped, %-escapes decoded), or undefined for a link outside the book.
 */
export function resolveHref(from: string, href: string): string | undefined {
  const bare = href.replace(/[#?][\s\S]*$/u, '').trim()
  if (bare === '' || /^[a-z][a-z0-9+.-]*:/iu.test(bare)) return undefined
  const decoded = decodePath(bare)
  const parts = decoded.startsWith('/') ? [] : from.split('/').slice(0, -1)
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment !== '..') parts.push(segment)
    else if (parts.pop() === undefined) return undefined
  }
  return parts.join('/')
}

/** The package document's path from META-INF/container.xml, or undefined if it names none. */
export function readRootfile(containerXml: string): string | undefined {
  const rootfiles = findElements(parseXml(containerXml), 'rootfile')
  const chosen =
    rootfiles.find((rootfile) => rootfile.attributes['media-type'] === 'application/oebps-package+xml') ??
    rootfiles[0]
  const path = chosen?.attributes['full-path']
  return path === undefined ? undefined : resolveHref('', path)
}

function texts(metadata: XmlElement, name: string): string[] {
  return findElements(metadata, name)
    .map(elementText)
    .filter((text) => text !== '')
}

// EPUB 2 marks a creator's role with opf:role ("aut", "ill", "edt"); a book with no author
// marked keeps every creator.
function readCreators(metadata: XmlElement): string[] {
  const creators = findElements(metadata, 'creator')
  const authors = creators.filter((creator) => (creator.attributes.role ?? 'aut') === 'aut')
  return (authors.length > 0 ? authors : creators).map(elementText).filter((name) => name !== '')
}

function readDescription(metadata: XmlElement): string | null {
  const [description] = findElements(metadata, 'description')
  if (description === undefined) return null
  const hasMarkup = childElements(description, '*').length > 0
  const text = (hasMarkup ? innerMarkup(description) : rawText(description)).trim()
  return text === '' ? null : text
}

// EPUB 2 dates carry opf:event; FanFicFare writes "publication", "creation" and "modification".
function readDates(metadata: XmlElement): Pick<EpubMetadata, 'published' | 'updated'> {
  let published: string | null = null
  let updated: string | null = null
  for (const date of findElements(metadata, 'date')) {
    const text = elementText(date)
    if (text === '') continue
    if (date.attributes.event === 'modification') updated ??= text
    else published ??= text
  }
  return { published, updated }
}

// calibre (and FanFicFare through it) writes <meta name="calibre:series" content="…">; EPUB 3
// writes a belongs-to-collection meta refined by a group-position.
function readSeries(metadata: XmlElement): string | null {
  const metas = findElements(metadata, 'meta')
  const named = (name: string): string | undefined =>
    metas.find((meta) => meta.attributes.name === name)?.attributes.content?.trim()
  const calibre = named('calibre:series')
  if (calibre !== undefined && calibre !== '') {
    const index = Number(named('calibre:series_index'))
    return Number.isFinite(index) && index > 0 ? `${calibre} #${String(index)}` : calibre
  }
  const collection = metas.find((meta) => meta.attributes.property === 'belongs-to-collection')
  if (collection === undefined || elementText(collection) === '') return null
  const id = collection.attributes.id
  const position = metas.find(
    (meta) => id !== undefined && meta.attributes.refines === `#${id}` && meta.attributes.property === 'group-position',
  )
  const name = elementText(collection)
  return position === undefined ? name : `${name} #${elementText(position)}`
}

function readMetadata(metadata: XmlElement): EpubMetadata {
  return {
    title: texts(metadata, 'title')[0] ?? null,
    creators: readCreators(metadata),
    contributors: texts(metadata, 'contributor'),
    subjects: texts(metadata, 'subject'),
    description: readDescription(metadata),
    language: texts(metadata, 'language')[0] ?? null,
    ...readDates(metadata),
    series: readSeries(metadata),
  }
}

function readManifest(manifest: XmlElement | undefined, opfPath: string): Map<string, ManifestItem> {
  const items = new Map<string, ManifestItem>()
  for (const item of manifest === undefined ? [] : childElements(manifest, 'item')) {
    const { id, href } = item.attributes
    const path = href === undefined ? undefined : resolveHref(opfPath, href)
    if (id === undefined || path === undefined || items.has(id)) continue
    const mediaType = (item.attributes['media-type'] ?? '').toLowerCase()
    const properties = (item.attributes.properties ?? '').split(/\s+/u).filter((word) => word !== '')
    items.set(id, { id, path, mediaType, properties })
  }
  return items
}

function readGuide(guide: XmlElement | undefined, opfPath: string): Map<string, string> {
  const types = new Map<string, string>()
  for (const reference of guide === undefined ? [] : childElements(guide, 'reference')) {
    const { href, type } = reference.attributes
    const path = href === undefined ? undefined : resolveHref(opfPath, href)
    if (path !== undefined && type !== undefined && !types.has(path)) types.set(path, type.toLowerCase())
  }
  return types
}

/** Reads a package document; `opfPath` is its path in the zip, against which hrefs resolve. */
export function readPackage(opfXml: string, opfPath: string): EpubPackage {
  const root = parseXml(opfXml)
  const pack = findElements(root, 'package')[0] ?? root
  const first = (name: string): XmlElement | undefined => findElements(pack, name)[0]
  const spine = first('spine')
  return {
    metadata: readMetadata(first('metadata') ?? pack),
    manifest: readManifest(first('manifest'), opfPath),
    spine: (spine === undefined ? [] : childElements(spine, 'itemref')).flatMap((itemref) => {
      const { idref, linear } = itemref.attributes
      return idref === undefined ? [] : [{ idref, isLinear: linear !== 'no' }]
    }),
    tocId: spine?.attributes.toc ?? null,
    guide: readGuide(first('guide'), opfPath),
  }
}

/**
 * Chapter titles by document path from a table of contents: an EPUB 3 navigation document
 * (its `toc` nav) or an EPUB 2 NCX (its navPoints). The first entry for a document wins, so
 * links to its sections do not rename it.
 */
export function readTocTitles(xml: string, path: string): ReadonlyMap<string, string> {
  const root = parseXml(xml)
  const titles = new Map<string, string>()
  const add = (href: string | undefined, title: string): void => {
    const target = href === undefined ? undefined : resolveHref(path, href)
    if (target !== undefined && title !== '' && !titles.has(target)) titles.set(target, title)
  }
  const navPoints = findElements(root, 'navpoint')
  for (const point of navPoints) {
    const [label] = childElements(point, 'navlabel')
    add(childElements(point, 'content')[0]?.attributes.src, label === undefined ? '' : elementText(label))
  }
  if (navPoints.length > 0) return titles
  const navs = findElements(root, 'nav')
  const isToc = (nav: XmlElement): boolean => (nav.attributes.type ?? '').split(/\s+/u).includes('toc')
  const toc = navs.find(isToc) ?? navs[0]
  for (const link of toc === undefined ? [] : findElements(toc, 'a')) {
    add(link.attributes.href, elementText(link))
  }
  return titles
}
