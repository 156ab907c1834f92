import {
  blockText,
  byClass,
  byId,
  findAll,
  findOutermost,
  hasClass,
  inlineText,
  type PageDocument,
  type PageElement,
  parsePage,
} from './page-dom.js'
import type { StoryFormat } from './story-formats.js'
import { type PageChapter, type PageField, writeStoryText } from './story-text-writer.js'

// A page of an eFiction 3.x archive, the PHP software most single-fandom archives of the 2000s
// ran: `div#pagetitle` ("Title by <a href="viewuser.php?uid=…">Author</a>"), the story's
// information as `<span class="label">Rated:</span> PG-13` pairs ("Categories:",
// "Characters:", "Warnings:", "Genres:", "Series:", "Chapters:", "Completed:", "Word count:",
// "Published:", "Updated:"), each chapter's title in `div#chaptertitle` or `div.chaptertitle`
// ("Title by Author"), its notes in `div.notes`, and its text in `div#story` (viewstory.php) or
// `div.chapter` (the printable page). The jump menu, reviews and "Read:" counts are left out.
const LABELS = [
  'Rated', 'Rating', 'Summary', 'Story Notes', 'Categories', 'Category', 'Characters',
  'Pairings', 'Pairing', 'Warnings', 'Genres', 'Genre', 'Challenges', 'Series', 'Chapters',
  'Table of Contents', 'Completed', 'Word count', 'Read', 'Reviews', 'Published', 'Updated',
]
const LABEL = new RegExp(`(?:^|\\s|\\])(${LABELS.join('|')})\\s*:`, 'giu')
// eFiction's categories are a site's own tree: on a multi-fandom archive the fandoms, on a
// single-fandom one often "Het", "Slash" or a pairing. Those words are AO3 categories.
/** eFiction category names that are AO3 categories ("Het", "Slash"), not fandoms. */
export const CATEGORY_WORDS = /^(?:gen|general|het|slash|femslash|f\/f|f\/m|m\/m|multi|other)$/iu
const NONE = /^(?:none|n\/a|-)?$/iu

type Info = Map<string, string>

// The information block as lines of text, labels and values as the page set them.
function readInfo(text: string): Info {
  const info: Info = new Map()
  let last: string | undefined
  for (const line of text.split('\n')) {
    const matches = [...line.matchAll(LABEL)]
    if (matches.length === 0) {
      // A summary set with <br> runs over lines of its own.
      if (last !== undefined && line.trim() !== '') info.set(last, `${info.get(last) ?? ''} ${line.trim()}`)
      continue
    }
    matches.forEach((match, index) => {
      const label = (match[1] ?? '').toLowerCase()
      const start = (match.index ?? 0) + match[0].length
      const end = matches[index + 1]?.index ?? line.length
      const value = line.slice(start, end).trim()
      if (!info.has(label)) info.set(label, value)
      last = label
    })
  }
  return info
}

// The smallest element holding most of the labels: the story's information block.
function findInfoBlock(page: PageDocument): PageElement | undefined {
  const labels = findAll(page, (element) => hasClass(element, 'label'))
  let block = labels[0]?.parent
  while (block !== null && block !== undefined && block.type !== 'root') {
    if (block.type === 'tag' && findAll(block, (element) => hasClass(element, 'label')).length >= 3) {
      return block
    }
    block = block.parent
  }
  return undefined
}

function listOf(value: string | undefined): string[] {
  if (value === undefined || NONE.test(value.trim())) return []
  return value.split(/\s*,\s*/u).filter((item) => item !== '')
}

function paragraph(value: string | undefined): string[] {
  return value === undefined || NONE.test(value.trim()) ? [] : [value]
}

function readCategories(value: string | undefined): PageField[] {
  const items = listOf(value).flatMap((item) => item.split(/\s+>\s+/u))
  return [
    ['Category', items.filter((item) => CATEGORY_WORDS.test(item))],
    ['Pairing', items.filter((item) => !CATEGORY_WORDS.test(item) && /\/|\s&\s/u.test(item))],
    ['Fandom', items.filter((item) => !CATEGORY_WORDS.test(item) && !/\/|\s&\s/u.test(item))],
  ]
}

function readStatus(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (/^yes\b/iu.test(value)) return 'Complete'
  return /^no\b/iu.test(value) ? 'In Progress' : undefined
}

function infoFields(info: Info): PageField[] {
  const value = (label: string): string | undefined => {
    const text = info.get(label)
    return text === undefined || NONE.test(text.trim()) ? undefined : text.replace(/\[\s*Reviews?.*$/iu, '').trim()
  }
  return [
    ['Rating', value('rated') ?? value('rating')],
    ...readCategories(info.get('categories') ?? info.get('category')),
    ['Pairing', listOf(value('pairings') ?? value('pairing'))],
    ['Characters', listOf(value('characters'))],
    ['Warnings', info.get('warnings')],
    ['Genre', listOf(value('genres') ?? value('genre'))],
    ['Series', value('series')],
    ['Challenge', value('challenges')],
    ['Words', value('word count')],
    ['Status', readStatus(info.get('completed'))],
    ['Published', value('published')],
    ['Updated', value('updated')],
  ]
}

function readTitleAndAuthors(page: PageDocument): PageField[] {
  const heading = byId(page, 'pagetitle') ?? byClass(page, 'title')
  if (heading === undefined) return []
  const authors = findAll(heading, (element) => element.name === 'a' && /viewuser\.php/iu.test(element.attribs['href'] ?? ''))
  const storyLink = findAll(heading, (element) => element.name === 'a' && /viewstory\.php/iu.test(element.attribs['href'] ?? ''))[0]
  const title = storyLink === undefined ? inlineText(heading).replace(/\s+by\s+[^]*$/iu, '') : inlineText(storyLink)
  return [
    ['Title', title],
    ['Author', authors.map(inlineText)],
  ]
}

type Part = 'title' | 'notes' | 'text'

function partOf(element: PageElement): Part | undefined {
  const id = element.attribs['id'] ?? ''
  if (id === 'chaptertitle' || hasClass(element, 'chaptertitle')) return 'title'
  if (hasClass(element, 'notes') || hasClass(element, 'chapternotes')) return 'notes'
  if (id === 'story' || hasClass(element, 'chapter') || hasClass(element, 'story')) return 'text'
  return undefined
}

type ChapterDraft = { number: number | null; title: string | null; notes: string[]; text: string; endNotes: string[] }

function noteParagraphs(element: PageElement): string[] {
  const text = blockText(element).replace(/^(?:author['’]?s\s+)?(?:chapter\s+)?(?:end\s+)?notes?\s*:\s*/iu, '')
  return text.split(/\n\s*\n/u).map((paragraph) => paragraph.replace(/\s+/gu, ' ').trim()).filter((p) => p !== '')
}

// The chapter the jump menu has chosen ("2. The Return"), on a one-chapter page.
function chosenNumber(page: PageDocument): number | null {
  const chosen = findAll(page, (element) => element.name === 'option' && element.attribs['selected'] !== undefined)
    .map((option) => /^(\d+)\.\s/u.exec(inlineText(option)))
    .find((match) => match !== null)
  return chosen === undefined || chosen === null ? null : Number(chosen[1])
}

function readChapters(page: PageDocument, authors: readonly string[]): PageChapter[] {
  const chapters: ChapterDraft[] = []
  let current: ChapterDraft | undefined
  const begin = (): ChapterDraft => {
    current = { number: null, title: null, notes: [], text: '', endNotes: [] }
    chapters.push(current)
    return current
  }
  for (const element of findOutermost(page, (candidate) => partOf(candidate) !== undefined)) {
    const part = partOf(element)
    if (part === 'title') {
      const chapter = current === undefined || current.text !== '' || current.title !== null ? begin() : current
      let title = inlineText(element)
      for (const author of authors) title = title.replace(new RegExp(`\\s+by\\s+${author.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'iu'), '')
      chapter.title = title === '' ? null : title
    } else if (part === 'notes') {
      const chapter = current ?? begin()
      ;(chapter.text === '' ? chapter.notes : chapter.endNotes).push(...noteParagraphs(element))
    } else {
      const chapter = current === undefined || current.text !== '' ? begin() : current
      chapter.text = blockText(element)
    }
  }
  const told = chapters.filter((chapter) => chapter.text !== '')
  if (told.length === 1 && told[0] !== undefined) {
    told[0].number = chosenNumber(page)
    if (told[0].number === null) told[0].title = null
  }
  return told
}

function readEfictionPage(html: string): string | undefined {
  // An ASCII pattern without the u flag, which makes a case-folding scan thirty times slower.
  if (!/viewuser\.php\?uid=/i.test(html)) return undefined
  if (!/\bid\s*=\s*["']?(?:pagetitle|story|chaptertitle)\b|class\s*=\s*["'](?:chapter|label)\b/iu.test(html)) return undefined
  const page = parsePage(html)
  const chaptersFound = findOutermost(page, (element) => partOf(element) === 'text')
  if (chaptersFound.length === 0) return undefined
  const heading = readTitleAndAuthors(page)
  const authors = heading.flatMap(([key, value]) => (key === 'Author' && Array.isArray(value) ? value : []))
  const block = findInfoBlock(page)
  const info = readInfo(block === undefined ? '' : blockText(block))
  return writeStoryText({
    fields: [...heading, ...infoFields(info)],
    summary: paragraph(info.get('summary')),
    notes: paragraph(info.get('story notes')),
    chapters: readChapters(page, authors),
    endNotes: [],
  })
}

/** A story page of an eFiction 3.x archive (viewstory.php, or its printable version). */
export const EFICTION_PAGE: StoryFormat = {
  name: 'efiction',
  label: 'an eFiction archive page',
  read: (text) => readEfictionPage(text),
}
