import {
  blockText,
  byClass,
  byId,
  childElements,
  findAll,
  findFirst,
  hasClass,
  inlineText,
  nextElement,
  type PageElement,
  paragraphsOf,
  parsePage,
} from './page-dom.js'
import type { StoryFormat } from './story-formats.js'
import { type PageChapter, type PageField, writeStoryText } from './story-text-writer.js'

// AO3's "Download → HTML" file, as otwarchive's app/views/downloads writes it: a preface
// (`div#preface`: a message, `dl.tags` of <dt>Kind:</dt><dd>tag links</dd>, the Stats line,
// an <h1> title, `div.byline`, "Summary" and "Notes" paragraphs each followed by a
// `blockquote.userstuff`), `div#chapters` (one `div.userstuff`, or per chapter a `div.meta.group`
// with an `h2.heading`, chapter summary and notes, the `div.userstuff` text and a
// `div#endnotesN`), and `div#afterword` (end notes, works inspired by this one, a request to
// comment). Each tag kind maps to the header key the plain-text reader knows, tags as written.
const TAG_KEYS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^ratings?$/iu, 'Rating'],
  [/^archive warnings?$/iu, 'Warnings'],
  [/^categor(?:y|ies)$/iu, 'Category'],
  [/^fandoms?$/iu, 'Fandom'],
  [/^relationships?$/iu, 'Relationship'],
  [/^characters?$/iu, 'Characters'],
  [/^additional tags?$/iu, 'Additional Tags'],
]

type Preface = Readonly<{ fields: PageField[]; summary: string[]; notes: string[] }>

// A <dd>'s tags: each link is one tag, so a tag with a comma in it stays one tag until the
// header joins them.
function tagsOf(dd: PageElement): string[] {
  const links = findAll(dd, (element) => element.name === 'a').map(inlineText)
  if (links.length > 0) return links.filter((tag) => tag !== '')
  return inlineText(dd).split(/\s*,\s*/u).filter((tag) => tag !== '')
}

function readStats(text: string): PageField[] {
  const published = /Published:\s*(\S+)/u.exec(text)?.[1]
  // A finished work says "Completed:" where one in progress says "Updated:".
  const updated = /(?:Updated|Completed):\s*(\S+)/u.exec(text)?.[1]
  const words = /Words:\s*([\d,.\s]*\d)/u.exec(text)?.[1]
  const chapters = /Chapters:\s*(\d+)\s*\/\s*(\d+|\?)/u.exec(text)
  const status =
    chapters === null ? undefined : chapters[1] === chapters[2] ? 'Complete' : 'In Progress'
  return [
    ['Published', published],
    ['Updated', updated],
    ['Words', words],
    ['Chapters', chapters === null ? undefined : `${chapters[1] ?? ''}/${chapters[2] ?? ''}`],
    ['Status', status],
  ]
}

function readTagList(dl: PageElement | undefined): PageField[] {
  if (dl === undefined) return []
  const fields: PageField[] = []
  for (const dt of childElements(dl).filter((element) => element.name === 'dt')) {
    const dd = nextElement(dt)
    if (dd?.name !== 'dd') continue
    const label = inlineText(dt).replace(/:$/u, '').trim()
    const key = TAG_KEYS.find(([pattern]) => pattern.test(label))?.[1]
    if (key !== undefined) fields.push([key, tagsOf(dd)])
    else if (/^language$/iu.test(label)) fields.push(['Language', inlineText(dd)])
    else if (/^series$/iu.test(label)) fields.push(['Series', inlineText(dd)])
    else if (/^stats$/iu.test(label)) fields.push(...readStats(inlineText(dd)))
    // Collections name where the work was gathered on AO3, not what it is: left out.
  }
  return fields
}

// "Summary" / "Notes" as a <p> label, with its text in the blockquote after it.
function labelledQuote(meta: PageElement, label: RegExp): PageElement | undefined {
  const paragraph = childElements(meta).find(
    (element) => element.name === 'p' && label.test(inlineText(element)),
  )
  const quote = paragraph === undefined ? undefined : nextElement(paragraph)
  return quote?.name === 'blockquote' ? quote : undefined
}

function readCreators(meta: PageElement): string[] {
  const byline = byClass(meta, 'byline')
  if (byline === undefined) return []
  const authors = findAll(byline, (element) => element.attribs['rel'] === 'author')
  if (authors.length > 0) return authors.map(inlineText).filter((name) => name !== '')
  const written = inlineText(byline).replace(/^by\s+/iu, '')
  return written === '' ? [] : [written]
}

function readPreface(preface: PageElement): Preface {
  const meta = byClass(preface, 'meta') ?? preface
  const title = findFirst(meta, (element) => element.name === 'h1')
  return {
    fields: [
      ['Title', title === undefined ? undefined : inlineText(title)],
      ['Author', readCreators(meta)],
      ...readTagList(byClass(meta, 'tags', 'dl')),
    ],
    summary: paragraphsOf(labelledQuote(meta, /^summary$/iu)),
    notes: paragraphsOf(labelledQuote(meta, /^notes$/iu)),
  }
}

type ChapterDraft = { number: number | null; title: string | null; notes: string[]; text: string; endNotes: string[] }

function newChapter(heading: string | null): ChapterDraft {
  const numbered = heading === null ? null : /^Chapter\s+(\d+)\s*(?::\s*(.*))?$/iu.exec(heading)
  const chapter: ChapterDraft = { number: null, title: null, notes: [], text: '', endNotes: [] }
  if (numbered !== null) {
    chapter.number = Number(numbered[1])
    chapter.title = numbered[2]?.trim() || null
  } else if (heading !== null && heading !== '') {
    chapter.title = heading
  }
  return chapter
}

function readChapterMeta(meta: PageElement): ChapterDraft {
  const heading = findFirst(meta, (element) => /^h[1-6]$/u.test(element.name))
  const chapter = newChapter(heading === undefined ? null : inlineText(heading))
  const summary = paragraphsOf(labelledQuote(meta, /^chapter summary$/iu))
  chapter.notes.push(...summary.map((text, index) => (index === 0 ? `Chapter Summary: ${text}` : text)))
  chapter.notes.push(...paragraphsOf(labelledQuote(meta, /^chapter notes$/iu)))
  return chapter
}

function readChapters(chaptersDiv: PageElement): PageChapter[] {
  const chapters: ChapterDraft[] = []
  const current = (): ChapterDraft => {
    const last = chapters[chapters.length - 1]
    if (last !== undefined) return last
    const first = newChapter(null)
    chapters.push(first)
    return first
  }
  for (const element of childElements(chaptersDiv)) {
    const id = element.attribs['id'] ?? ''
    if (hasClass(element, 'meta') && id.startsWith('endnotes')) {
      current().endNotes.push(...paragraphsOf(labelledQuote(element, /end notes$/iu)))
    } else if (hasClass(element, 'meta')) {
      chapters.push(readChapterMeta(element))
    } else if (/^h[1-6]$/u.test(element.name)) {
      chapters.push(newChapter(inlineText(element)))
    } else {
      const chapter = current()
      chapter.text = [chapter.text, blockText(element)].filter((part) => part !== '').join('\n\n')
    }
  }
  return chapters.filter((chapter) => chapter.text !== '' || chapter.notes.length > 0)
}

function readAo3Download(text: string): string | undefined {
  // Most files are not AO3 downloads: look before parsing. ASCII patterns without the u flag:
  // case-folding with it scans a 20 KB story thirty times slower.
  if (!/\bid\s*=\s*["']?preface\b/i.test(text) || !/\bid\s*=\s*["']?chapters\b/i.test(text)) {
    return undefined
  }
  const page = parsePage(text)
  const preface = byId(page, 'preface')
  const chaptersDiv = byId(page, 'chapters')
  if (preface === undefined || chaptersDiv === undefined) return undefined
  if (byClass(preface, 'tags', 'dl') === undefined && byClass(preface, 'byline') === undefined) {
    return undefined
  }
  const afterword = byId(page, 'afterword')
  const endNotesDiv = afterword === undefined ? undefined : byId(afterword, 'endnotes')
  const endNotes = endNotesDiv === undefined ? [] : paragraphsOf(labelledQuote(endNotesDiv, /end notes$/iu))
  return writeStoryText({ ...readPreface(preface), chapters: readChapters(chaptersDiv), endNotes })
}

/** AO3's own "Download → HTML" file. */
export const AO3_DOWNLOAD: StoryFormat = {
  name: 'ao3-html',
  label: 'an AO3 download',
  read: (text) => readAo3Download(text),
}
