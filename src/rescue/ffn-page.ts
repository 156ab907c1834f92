import {
  blockText,
  byClass,
  byId,
  findAll,
  findFirst,
  inlineText,
  type PageDocument,
  type PageElement,
  parsePage,
} from './page-dom.js'
import type { StoryFormat } from './story-formats.js'
import { type PageChapter, type PageField, writeStoryText } from './story-text-writer.js'

// A story page saved from FanFiction.Net (or FictionPress, which shares its markup): the
// breadcrumb `div#pre_story_links` ("TV Shows » Smallville"), `div#profile_top` with the title
// in `b.xcontrast_txt`, the author's `/u/` link, the summary `div` and the grey story line
// ("Rated: Fiction T - English - Romance/Drama - [Chloe S., Lex L.] Clark K. - Chapters: 3 -
// Words: 12,345 - Reviews: 7 - Updated: 3/2/2009 - Published: 1/5/2009 - Complete - id: 1"),
// the chapter menu `select#chap_select` ("2. Name") and the text in `div#storytext`. A saved
// page holds the one chapter it showed; reviews, menus and buttons are never read.
const GENRES = [
  'Adventure', 'Angst', 'Crime', 'Drama', 'Family', 'Fantasy', 'Friendship', 'General',
  'Horror', 'Humor', 'Hurt/Comfort', 'Mystery', 'Parody', 'Poetry', 'Romance', 'Sci-Fi',
  'Spiritual', 'Supernatural', 'Suspense', 'Tragedy', 'Western',
]

type StoryLine = { fields: PageField[]; genres: string[]; cast: string | undefined }

// "Hurt/Comfort/Romance" is two genres, so genres are matched whole, not split at "/".
function readGenres(segment: string): string[] | undefined {
  const genres: string[] = []
  let rest = segment.trim()
  while (rest !== '') {
    const genre = GENRES.find((known) => rest.toLowerCase().startsWith(known.toLowerCase()))
    if (genre === undefined) return undefined
    genres.push(genre)
    rest = rest.slice(genre.length)
    if (rest !== '' && !rest.startsWith('/')) return undefined
    rest = rest.replace(/^\//u, '')
  }
  return genres.length === 0 ? undefined : genres
}

// "[Chloe S., Lex L.] Clark K.": a bracketed group is a pairing FanFiction.Net let writers
// mark; every name is a character.
function readCast(segment: string): PageField[] {
  const pairings = [...segment.matchAll(/\[([^\]]*)\]/gu)].map((match) =>
    (match[1] ?? '').split(/\s*,\s*/u).filter((name) => name !== '').join('/'),
  )
  const characters = segment
    .replace(/[[\]]/gu, ',')
    .split(/\s*,\s*/u)
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return [
    ['Pairing', pairings.filter((pairing) => pairing.includes('/'))],
    ['Characters', characters],
  ]
}

function readStoryLine(text: string): StoryLine {
  const line: StoryLine = { fields: [], genres: [], cast: undefined }
  const segments = text.split(/\s+-\s+/u).map((segment) => segment.trim())
  segments.forEach((segment, index) => {
    const keyed = /^([A-Za-z]+):\s*(.*)$/u.exec(segment)
    if (keyed !== null) {
      const [, key = '', value = ''] = keyed
      if (/^rated$/iu.test(key)) line.fields.push(['Rating', value])
      else if (/^(?:words|chapters|updated|published)$/iu.test(key)) line.fields.push([key, value])
      else if (/^status$/iu.test(key)) line.fields.push(['Status', value])
      return
    }
    const genres =
      line.genres.length === 0 && line.cast === undefined ? readGenres(segment) : undefined
    if (/^complete$/iu.test(segment)) line.fields.push(['Status', 'Complete'])
    else if (index === 1) line.fields.push(['Language', segment])
    else if (genres !== undefined) line.genres = genres
    else if (index > 1) line.cast ??= segment
  })
  if (!line.fields.some(([key]) => key === 'Status')) line.fields.push(['Status', 'In Progress'])
  return line
}

function isoDay(seconds: string | undefined): string | undefined {
  const value = Number(seconds)
  if (seconds === undefined || !Number.isFinite(value) || value <= 0) return undefined
  const date = new Date(value * 1000)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10)
}

// The page shows "Updated: 3h ago" to its reader but keeps the time in `data-xutime`, so the
// dates are read from there when the page has them: updated first, as the line writes them.
function exactDates(line: PageElement, text: string): PageField[] {
  const times = findAll(line, (element) => element.attribs['data-xutime'] !== undefined)
    .map((element) => isoDay(element.attribs['data-xutime']))
  if (times.length === 0 || times.some((day) => day === undefined)) return []
  const hasUpdated = /Updated:/u.test(text)
  const [first, second] = times
  return hasUpdated && second !== undefined
    ? [['Updated', first], ['Published', second]]
    : [['Published', first]]
}

// The breadcrumb's last link is the fandom; a crossover's reads "A + B Crossover".
function readFandoms(page: PageDocument): string[] {
  const crumbs = byId(page, 'pre_story_links')
  const links = crumbs === undefined ? [] : findAll(crumbs, (element) => element.name === 'a')
  const last = links[links.length - 1]
  if (last === undefined) return []
  const name = inlineText(last)
  if (/\sCrossover$/iu.test(name)) return name.replace(/\s+Crossover$/iu, '').split(/\s+\+\s+/u)
  return name === '' ? [] : [name]
}

function findStoryLine(top: PageElement | PageDocument): PageElement | undefined {
  const lines = findAll(top, (element) => /^Rated:/u.test(inlineText(element)))
  return lines[lines.length - 1]
}

function readChapter(page: PageDocument, text: string): PageChapter {
  const menu = byId(page, 'chap_select')
  const options = menu === undefined ? [] : findAll(menu, (element) => element.name === 'option')
  const chosen = options.find((option) => option.attribs['selected'] !== undefined)
  const numbered = chosen === undefined ? null : /^(\d+)\.\s*(.*)$/u.exec(inlineText(chosen))
  if (numbered === null || options.length < 2) {
    return { number: null, title: null, notes: [], text, endNotes: [] }
  }
  return { number: Number(numbered[1]), title: numbered[2] || null, notes: [], text, endNotes: [] }
}

const AUTHOR_LINK = /(?:^|\/)u\/\d+/u

function isTag(name: string): (element: PageElement) => boolean {
  return (element) => element.name === name
}

// The summary is the profile's one <div> with text that is not the story line.
function isSummary(element: PageElement): boolean {
  const text = inlineText(element)
  return element.name === 'div' && text !== '' && !/^Rated:/u.test(text)
}

function readFfnPage(html: string): string | undefined {
  // An ASCII pattern without the u flag, which makes a case-folding scan thirty times slower.
  if (!/\bid\s*=\s*["']?storytext\b/i.test(html)) return undefined
  const page = parsePage(html)
  const story = byId(page, 'storytext')
  const top = byId(page, 'profile_top')
  const isFfn =
    top !== undefined ||
    byId(page, 'chap_select') !== undefined ||
    /fanfiction\.net|fictionpress\.com/iu.test(html)
  if (story === undefined || !isFfn) return undefined
  const profile = top ?? page
  const title = byClass(profile, 'xcontrast_txt', 'b') ?? findFirst(profile, isTag('b'))
  const author = findFirst(profile, (element) => isTag('a')(element) && AUTHOR_LINK.test(element.attribs['href'] ?? ''))
  const summary = top === undefined ? undefined : findFirst(top, isSummary)
  const lineElement = findStoryLine(profile)
  const lineText = lineElement === undefined ? '' : inlineText(lineElement)
  const line = readStoryLine(lineText)
  const dates = lineElement === undefined ? [] : exactDates(lineElement, lineText)
  const fields: PageField[] = [
    ['Title', title === undefined ? undefined : inlineText(title)],
    ['Author', author === undefined ? undefined : inlineText(author)],
    ['Fandom', readFandoms(page)],
    ...line.fields.filter(([key]) => dates.length === 0 || !/^(?:updated|published)$/iu.test(key)),
    ...dates,
    ['Genre', line.genres],
    ...(line.cast === undefined ? [] : readCast(line.cast)),
  ]
  return writeStoryText({
    fields,
    summary: summary === undefined ? [] : [inlineText(summary)],
    notes: [],
    chapters: [readChapter(page, blockText(story))],
    endNotes: [],
  })
}

/** A story page saved from FanFiction.Net or FictionPress. */
export const FFN_PAGE: StoryFormat = {
  name: 'fanfiction-net',
  label: 'a FanFiction.Net page',
  read: (text) => readFfnPage(text),
}
