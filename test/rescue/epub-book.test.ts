import fc from 'fast-check'
import { strToU8, Zip, ZipDeflate, zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import { RescueError } from '../../src/domain/errors.js'
import { readEpubBook } from '../../src/rescue/epub-book.js'
import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'

// An invented story, "The Lamplighter's Ledger", in three chapters.
const CHAPTERS = [
  {
    file: 'c_arrival.xhtml',
    title: 'Arrival',
    body: `<p>The coach set Ilse down at the edge of Varnholm an hour after dark, when the lamps
      should have been lit and were not.</p><p>She counted eleven posts along the square.</p>
      <hr/><p>The ledger was where the old keeper had said it would be, under the loose stair.</p>`,
  },
  {
    file: 'a_the_ledger.xhtml',
    title: 'The Ledger',
    body: `<p>Every page listed a lamp, a night and a name, and the last name was her own.</p>
      <p>She closed the book and sat with it on her knees until the bell rang midnight.</p>`,
  },
  {
    file: 'b_first_light.xhtml',
    title: 'First Light',
    body: `<p>By morning every lamp in Varnholm burned, though no one had climbed a ladder.</p>
      <p>Ilse wrote the date in the ledger, and under it, for the first time, nothing else.</p>`,
  },
]

function chapterXhtml(title: string, body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>${title}</title></head><body><h2>${title}</h2>${body}</body></html>`
}

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`

const METADATA = `
    <dc:title>The Lamplighter's Ledger</dc:title>
    <dc:creator opf:role="aut">Maren Holt</dc:creator>
    <dc:creator opf:role="aut">Tobiah Quill</dc:creator>
    <dc:subject>Fantasy</dc:subject>
    <dc:subject>Found Family</dc:subject>
    <dc:subject>FanFiction</dc:subject>
    <dc:description>&lt;p&gt;A new lamplighter finds her own name in the &lt;i&gt;ledger&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Nobody else in town will say why.&lt;/p&gt;</dc:description>
    <dc:language>en</dc:language>
    <dc:date opf:event="publication">2019-04-02T00:00:00+00:00</dc:date>
    <dc:date opf:event="modification">2019-05-14</dc:date>
    <meta name="calibre:series" content="Varnholm Tales"/>
    <meta name="calibre:series_index" content="2.0"/>`

function opf(version: '2.0' | '3.0', extraManifest: string, spineToc: string): string {
  // Spine order (arrival, ledger, first light) differs from file-name order (a, b, c).
  const items = CHAPTERS.map((chapter, index) => {
    return `<item id="ch${String(index + 1)}" href="text/${chapter.file}" media-type="application/xhtml+xml"/>`
  }).join('\n')
  const spine = CHAPTERS.map((_, index) => `<itemref idref="ch${String(index + 1)}"/>`).join('')
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${version}" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">${METADATA}
  </metadata>
  <manifest>${items}${extraManifest}</manifest>
  <spine${spineToc}>${spine}</spine>
</package>`
}

function navXhtml(): string {
  const links = CHAPTERS.map((chapter) => `<li><a href="text/${chapter.file}">${chapter.title}</a></li>`)
  return `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"
  xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>${links.join('')}</ol></nav></body></html>`
}

function ncx(): string {
  const points = CHAPTERS.map((chapter, index) => {
    return `<navPoint id="n${String(index)}" playOrder="${String(index + 1)}"><navLabel><text>${chapter.title}</text></navLabel><content src="text/${chapter.file}"/></navPoint>`
  })
  return `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>${points.join('')}</navMap></ncx>`
}

function chapterFiles(): Zippable {
  return Object.fromEntries(
    CHAPTERS.map((chapter) => [`OEBPS/text/${chapter.file}`, strToU8(chapterXhtml(chapter.title, chapter.body))]),
  )
}

function epub(files: Zippable): Uint8Array {
  return zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], ...files })
}

function epub3(): Uint8Array {
  const manifest = '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
  return epub({
    'META-INF/container.xml': strToU8(CONTAINER),
    'OEBPS/content.opf': strToU8(opf('3.0', manifest, '')),
    'OEBPS/nav.xhtml': strToU8(navXhtml()),
    ...chapterFiles(),
  })
}

function epub2(): Uint8Array {
  const manifest = '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
  return epub({
    'META-INF/container.xml': strToU8(CONTAINER),
    'OEBPS/content.opf': strToU8(opf('2.0', manifest, ' toc="ncx"')),
    'OEBPS/toc.ncx': strToU8(ncx()),
    ...chapterFiles(),
  })
}

function caught(run: () => unknown): RescueError {
  try {
    run()
  } catch (error) {
    if (error instanceof RescueError) return error
    throw error
  }
  throw new Error('expected a RescueError')
}

// An EPUB whose `name` entry deflates `megabytes` MiB of zeros, built a MiB at a time so the
// test never holds them; `files` come before it.
function zeroBomb(name: string, megabytes: number, files: Record<string, string> = {}): Uint8Array {
  const parts: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error !== null) throw error
    parts.push(chunk)
  })
  const add = (entry: string, level: 0 | 1, chunks: readonly Uint8Array[]): void => {
    const file = new ZipDeflate(entry, { level })
    zip.add(file)
    chunks.forEach((chunk, index) => {
      file.push(chunk, index === chunks.length - 1)
    })
  }
  add('mimetype', 0, [strToU8('application/epub+zip')])
  add('META-INF/container.xml', 1, [strToU8(CONTAINER)])
  for (const [entry, text] of Object.entries(files)) add(entry, 1, [strToU8(text)])
  add(name, 1, Array.from({ length: megabytes }, () => new Uint8Array(1024 * 1024)))
  zip.end()
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

// Rewrites the uncompressed size the central directory gives for `name`.
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = zip.slice()
  const view = new DataView(bytes.buffer)
  for (let at = 0; at + 46 <= bytes.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue
    const length = view.getUint16(at + 28, true)
    if (new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + length)) === name) {
      view.setUint32(at + 24, size, true)
      return bytes
    }
  }
  throw new Error(`no central directory entry for ${name}`)
}

describe('an EPUB book', () => {
  it('becomes a work with its title, creators, summary, tags, language and dates (EPUB 3)', () => {
    const { work, report, source } = rescuePlainText(epub3(), 'downloads/ledger.epub')
    expect(report.format).toBe('epub')
    expect(source).toEqual({ encoding: 'UTF-8', encodingConfidence: 1 })
    expect(work.title).toBe("The Lamplighter's Ledger")
    expect(work.creators).toEqual(['Maren Holt', 'Tobiah Quill'])
    expect(work.summary).toBe('A new lamplighter finds her own name in the ledger.\n\nNobody else in town will say why.')
    expect(work.freeforms).toEqual(['Fantasy', 'Found Family'])
    expect(work.posted).toBe('2019-04-02')
    expect(work.updated).toBe('2019-05-14')
    expect(work.notes.beginning).toContain('Varnholm Tales #2')
  })

  it('keeps the spine order and takes chapter titles from the EPUB 3 navigation document', () => {
    const { work } = rescuePlainText(epub3(), 'ledger.epub')
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Arrival', 'The Ledger', 'First Light'])
    const [first] = work.chapters
    expect(first?.sections.map((section) => section.kind)).toEqual(['paragraph', 'paragraph', 'break', 'paragraph'])
    expect(first?.sections[0]?.text).toMatch(/^The coach set Ilse down/u)
  })

  it('takes chapter titles from an EPUB 2 NCX', () => {
    const { work, report } = rescuePlainText(epub2(), 'ledger.epub')
    expect(report.format).toBe('epub')
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Arrival', 'The Ledger', 'First Light'])
    expect(work.creators).toEqual(['Maren Holt', 'Tobiah Quill'])
  })

  it('reads as header lines and chapter headings the plain-text reader understands', () => {
    const text = readEpubBook(epub3(), 'ledger.epub') ?? ''
    expect(text).toMatch(/^Title: The Lamplighter's Ledger\nAuthor: Maren Holt\nAuthor: Tobiah Quill\n/u)
    expect(text).toContain('Language: en')
    expect(text).toContain('\n\nChapter 2: The Ledger\n\nEvery page listed a lamp')
    expect(text).not.toContain('Chapter 1: Arrival\n\nArrival')
  })

  it('reads the labelled fields of a FanFicFare title page and leaves the page out of the story', () => {
    const titlePage = chapterXhtml('Title Page', `<h3>The Lamplighter's Ledger by Maren Holt</h3><div>
      <b>Category:</b> Varnholm Chronicles<br/><b>Rating:</b> T<br/><b>Characters:</b> Ilse, The Keeper<br/>
      <b>Status:</b> Completed<br/><b>Summary:</b> A lamplighter and a ledger.<br/></div>`)
    const contents = chapterXhtml('Table of Contents', '<a href="text/c_arrival.xhtml">Arrival</a>')
    const manifest = `<item id="title_page" href="title_page.xhtml" media-type="application/xhtml+xml"/>
      <item id="toc_page" href="toc_page.xhtml" media-type="application/xhtml+xml"/>
      <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>`
    const withPages = opf('2.0', manifest, ' toc="ncx"')
      .replace('<spine toc="ncx">', '<spine toc="ncx"><itemref idref="title_page"/><itemref idref="toc_page"/>')
      .replace('</metadata>', '<dc:contributor opf:role="bkp">FanFicFare [https://github.com/JimmXinu/FanFicFare]</dc:contributor></metadata>')
    const book = epub({
      'META-INF/container.xml': strToU8(CONTAINER),
      'OEBPS/content.opf': strToU8(withPages),
      'OEBPS/toc.ncx': strToU8(ncx()),
      'OEBPS/title_page.xhtml': strToU8(titlePage),
      'OEBPS/toc_page.xhtml': strToU8(contents),
      ...chapterFiles(),
    })
    const { work } = rescuePlainText(book, 'ledger.epub')
    expect(work.fandoms).toEqual(['Varnholm Chronicles'])
    expect(work.rating).toBe('teen')
    expect(work.characters).toEqual(['Ilse', 'The Keeper'])
    expect(work.complete).toBe(true)
    expect(work.chapters).toHaveLength(3)
    expect(work.chapters[0]?.title).toBe('Arrival')
  })

  it('is a work of one chapter, titled by its heading, when it has no table of contents', () => {
    const single = opf('3.0', '', '').replace(/<itemref idref="ch[23]"\/>/gu, '')
    const book = epub({
      'META-INF/container.xml': strToU8(CONTAINER),
      'OEBPS/content.opf': strToU8(single),
      ...chapterFiles(),
    })
    const { work } = rescuePlainText(book, 'ledger.epub')
    expect(work.chapters).toHaveLength(1)
    expect(work.chapters[0]?.title).toBe('Arrival')
    expect(work.chapters[0]?.sections[0]?.text).toMatch(/^The coach set Ilse down/u)
  })
})

describe('an EPUB book that cannot be rescued', () => {
  it('is refused naming the missing package document', () => {
    const book = epub({ 'META-INF/container.xml': strToU8(CONTAINER), ...chapterFiles() })
    const error = caught(() => readEpubBook(book, 'ledger.epub'))
    expect(error.code).toBe('QUIRE_RESCUE_BAD_EPUB')
    expect(error.message).toContain('ledger.epub')
    expect(error.message).toContain('OEBPS/content.opf')
  })

  it('is refused naming a spine document the zip does not hold', () => {
    const files = chapterFiles()
    delete files['OEBPS/text/a_the_ledger.xhtml']
    const book = epub({
      'META-INF/container.xml': strToU8(CONTAINER),
      'OEBPS/content.opf': strToU8(opf('3.0', '', '')),
      ...files,
    })
    const error = caught(() => readEpubBook(book, 'ledger.epub'))
    expect(error.code).toBe('QUIRE_RESCUE_BAD_EPUB')
    expect(error.message).toContain('OEBPS/text/a_the_ledger.xhtml')
  })

  it('is refused when an entry name climbs out with "..", is absolute or holds a backslash', () => {
    for (const name of ['../../etc/evil.xhtml', 'OEBPS/../../x.xhtml', '/etc/passwd', 'OEBPS\\x.xhtml']) {
      const book = epub({ 'META-INF/container.xml': strToU8(CONTAINER), [name]: strToU8('<p>x</p>') })
      const error = caught(() => readEpubBook(book, 'ledger.epub'))
      expect(error.code).toBe('QUIRE_RESCUE_BAD_EPUB')
      expect(error.message).toContain(name)
    }
  })

  it('is refused as a zip bomb when an entry declares more than the limit', () => {
    const book = zeroBomb('OEBPS/zeros.xhtml', 80)
    expect(book.length).toBeLessThan(1024 * 1024)
    const error = caught(() => readEpubBook(book, 'bomb.epub'))
    expect(error.code).toBe('QUIRE_RESCUE_ZIP_BOMB')
    expect(error.message).toContain('OEBPS/zeros.xhtml')
  })

  it('is refused as a zip bomb while inflating when its header lies about the size', () => {
    // The package names the bomb as the first chapter; its central directory entry claims 2 KB.
    const opfText = opf('3.0', '', '').replace('text/c_arrival.xhtml', 'zeros.xhtml')
    const honest = zeroBomb('OEBPS/zeros.xhtml', 100, { 'OEBPS/content.opf': opfText })
    const lying = lieAboutSize(honest, 'OEBPS/zeros.xhtml', 2_048)
    const before = process.memoryUsage().arrayBuffers
    const error = caught(() => readEpubBook(lying, 'bomb.epub'))
    expect(error.code).toBe('QUIRE_RESCUE_ZIP_BOMB')
    expect(error.message).toContain('OEBPS/zeros.xhtml')
    expect(error.message).toContain('2048 bytes its header declares')
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024)
  })

  it('is refused as a zip bomb when entries together pass the limit', () => {
    const book = zeroBomb('OEBPS/zeros.xhtml', 3)
    const limits = { entries: 2_000, entryBytes: 64 * 1024 * 1024, totalBytes: 2 * 1024 * 1024 }
    const error = caught(() => readEpubBook(book, 'bomb.epub', limits))
    expect(error.code).toBe('QUIRE_RESCUE_ZIP_BOMB')
  })
})

describe('a zip that is not an EPUB book', () => {
  it('is still refused as binary', () => {
    const zip = zipSync({ 'notes.txt': strToU8('Just some notes, not a book.') })
    expect(readEpubBook(zip, 'notes.zip')).toBeUndefined()
    const error = caught(() => rescuePlainText(zip, 'notes.zip'))
    expect(error.code).toBe('QUIRE_RESCUE_BINARY')
  })
})

describe('the EPUB reader on arbitrary bytes', () => {
  const onlyRescueErrors = (bytes: Uint8Array): boolean => {
    try {
      const text = readEpubBook(bytes, 'fuzz.epub')
      return text === undefined || typeof text === 'string'
    } catch (error) {
      return error instanceof RescueError
    }
  }

  it('returns undefined or throws a RescueError, never anything else', () => {
    const zipHeader = new Uint8Array([0x50, 0x4b, 0x03, 0x04])
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2_000 }), onlyRescueErrors), { numRuns: 300 })
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (tail) => {
        const bytes = new Uint8Array(zipHeader.length + tail.length)
        bytes.set(zipHeader)
        bytes.set(tail, zipHeader.length)
        return onlyRescueErrors(bytes)
      }),
      { numRuns: 300 },
    )
  })

  it('returns undefined or throws a RescueError for damaged real books', () => {
    const book = epub3()
    fc.assert(
      fc.property(fc.nat(book.length - 1), fc.uint8Array({ minLength: 1, maxLength: 16 }), (at, patch) => {
        const damaged = book.slice()
        damaged.set(patch.subarray(0, damaged.length - at), at)
        return onlyRescueErrors(damaged)
      }),
      { numRuns: 300 },
    )
  })
})
