import { readHeaderBlock } from './header-block.js'
import type { HeaderFieldName } from './header-keys.js'
import { looksLikeHtml } from './html-to-text.js'
import { readLegacyDate } from './legacy-date.js'
import {
  blockText,
  findAll,
  findFirst,
  findOutermost,
  hasClass,
  inlineText,
  type PageDocument,
  type PageElement,
  type PageNode,
  parsePage,
  removeElements,
} from './page-dom.js'
import { groupBlocks, splitLines } from './source-lines.js'
import type { StoryFormat } from './story-formats.js'
import { type PageField, writeField } from './story-text-writer.js'

// An entry saved from LiveJournal, Dreamwidth or a site running their code (InsaneJournal,
// JournalFen): the entry's body in `.entry-content` (Dreamwidth and LJ's S2 styles),
// `.b-singlepost-body` (LJ since 2013), `.asset-body` or `.entry_text` (older styles), the
// subject in `.entry-title` or its kin, the poster as an `ljuser` span (`lj:user="name"`),
// tags as `rel="tag"` links, the date in `.datetime`. Writers put their header in the body
// ("<b>Title:</b> …"), and the story behind an lj-cut: on the saved page the cut is an anchor
// and its "Read more" link. Only the body is read, so comments, "Leave a comment", "Link",
// "Share" and the mood and music lines never reach the story.
const BODY_CLASSES = [
  'entry-content', 'b-singlepost-body', 'asset-body', 'entry_text', 'entrytext', 'entry-body',
]
const TITLE_CLASSES = ['entry-title', 'b-singlepost-title', 'asset-name', 'entry-subject', 'subject']
const DATE_CLASSES = ['datetime', 'entry-date', 'b-singlepost-author-date', 'asset-date', 'date']
// Parts of a page some styles put inside the entry: the cut's link, metadata, tags, the
// entry's links, comments.
const DROPPED_CLASSES = [
  'ljcut-link', 'ljcut-decor', 'cuttag-open', 'cuttag-close', 'ljcut-link-expand',
  'ljcut-link-collapse', 'metadata', 'currents', 'ljtags', 'tag', 'entry-tags',
  'b-singlepost-tags', 'entry-interaction-links', 'entry-management-links', 'comments',
  'comment-wrapper', 'comment', 'b-tree', 'b-leaf', 'entry-readlink', 'lj-like',
]
// ASCII only and without the u flag: case-folding with it made this scan of every story file
// 0.8 ms for 20 KB, twenty times what it costs without.
const JOURNAL_SITE = /\bljuser\b|\blj:user\b|<lj-cut\b|\bljcut\b|livejournal\.com|dreamwidth\.org|insanejournal\.com|journalfen\.net/i
const CUT_LINK = /^\(?\s*(?:read more|more\b|continue reading|cut\b|click here|behind the cut)/iu
const META_LINE = /^(?:current\s+)?(?:mood|music|location)\s*:/iu
const INTERACTION_LINE = /^(?:leave a comment|link|share|reply|thread|edit|tags|track|flag|\d+ comments?)$/iu
// Tags that file the post in a journal ("fic", "my fic") say nothing about the work.
const FILING_TAGS = /^(?:my\s+)?(?:fan\s?)?(?:fics?|fanfiction|fiction|writing|stories)(?:\s+post)?$|^(?:fic|writing)\s+(?:post|index|masterlist)$/iu

function isBody(element: PageElement): boolean {
  return BODY_CLASSES.some((name) => hasClass(element, name))
}

function isDropped(element: PageElement): boolean {
  if (DROPPED_CLASSES.some((name) => hasClass(element, name))) return true
  if (element.name === 'a' && CUT_LINK.test(inlineText(element))) return true
  return element.attribs['id'] === 'comments'
}

function posterOf(page: PageDocument): string | undefined {
  const poster =
    findFirst(page, (element) => hasClass(element, 'poster') || hasClass(element, 'entry-poster')) ?? page
  const user = findFirst(poster, (element) => element.attribs['lj:user'] !== undefined || hasClass(element, 'ljuser'))
  if (user === undefined) return undefined
  const name = user.attribs['lj:user'] ?? inlineText(user)
  return name.trim() === '' ? undefined : name.trim()
}

// "FIC: Harbour Lights (Smallville, Chloe/Lex, PG)" names the fic in its middle.
function subjectOf(page: PageDocument): string | undefined {
  const element = findFirst(page, (candidate) => TITLE_CLASSES.some((name) => hasClass(candidate, name)))
  if (element === undefined) return undefined
  const subject = inlineText(element)
    .replace(/^\[?\s*(?:new\s+)?(?:fic|fanfic|ficlet|drabble|story)\s*\]?\s*[:\-–]?\s*/iu, '')
    .replace(/\s*\([^()]*,[^()]*\)$/u, '')
    .trim()
  return subject === '' ? undefined : subject
}

function dateOf(page: PageDocument): string | undefined {
  const candidates = findAll(
    page,
    (element) => element.name === 'time' || DATE_CLASSES.some((name) => hasClass(element, name)),
  )
  for (const element of candidates) {
    for (const text of [element.attribs['datetime'], element.attribs['title'], inlineText(element)]) {
      if (text !== undefined && readLegacyDate(text) !== undefined) return text.trim()
    }
  }
  return undefined
}

type TagReading = { keyed: PageField[]; freeforms: string[] }

// "fandom: smallville", "pairing: chloe/lex": tags some journals used as fields.
// The entry's own tags sit a few levels above its body; a journal's tag list in the sidebar
// is further out.
const TAG_LEVELS_MAX = 4

function entryTags(body: PageElement | undefined): PageElement[] {
  const isTag = (element: PageElement): boolean => element.name === 'a' && element.attribs['rel'] === 'tag'
  let around = body?.parent
  for (let level = 0; level < TAG_LEVELS_MAX && around?.type === 'tag'; level += 1) {
    const tags = findAll(around, isTag)
    if (tags.length > 0) return tags
    around = around.parent
  }
  return []
}

function readTags(body: PageElement | undefined): TagReading {
  const reading: TagReading = { keyed: [], freeforms: [] }
  const tags = entryTags(body)
  for (const tag of tags.map(inlineText).filter((text) => text !== '')) {
    const keyed = /^(fandom|fic|pairing|ship|character|characters|rating)\s*:\s*(.+)$/iu.exec(tag)
    const key = keyed?.[1]?.toLowerCase()
    const value = keyed?.[2]?.trim() ?? ''
    if (key === 'fandom' || key === 'fic') reading.keyed.push(['Fandom', value])
    else if (key === 'pairing' || key === 'ship') reading.keyed.push(['Pairing', value])
    else if (key === 'character' || key === 'characters') reading.keyed.push(['Characters', value])
    else if (key === 'rating') reading.keyed.push(['Rating', value])
    else if (!FILING_TAGS.test(tag)) reading.freeforms.push(tag)
  }
  return reading
}

function bodyText(body: PageNode): string {
  removeElements(findOutermost(body, isDropped))
  return blockText(body)
    .split('\n')
    .filter((line) => !META_LINE.test(line) && !INTERACTION_LINE.test(line.trim()))
    .join('\n')
}

// Fields the entry's own header states, so the page's subject and poster only fill gaps.
function statedFields(text: string): ReadonlySet<HeaderFieldName | 'by-line'> {
  const block = readHeaderBlock(groupBlocks(splitLines(text)))
  const stated = new Set<HeaderFieldName | 'by-line'>(block.fields.map((field) => field.field))
  if (block.byLines.length > 0) stated.add('by-line')
  return stated
}

const FIELD_OF: Readonly<Record<string, HeaderFieldName>> = {
  Fandom: 'fandom',
  Pairing: 'pairing',
  Characters: 'characters',
  Rating: 'rating',
}

function readJournalPost(html: string, fileName: string): string | undefined {
  if (!JOURNAL_SITE.test(html)) return undefined
  const page = parsePage(html)
  const [found] = findOutermost(page, isBody)
  const hasCut = findFirst(page, (element) => element.name === 'lj-cut') !== undefined
  if (found === undefined && !hasCut) return undefined
  // A post's body as it was typed, <lj-cut> and all, has no entry around it; the journal
  // turned its line ends into <br> unless it was written in HTML.
  const text = found !== undefined ? bodyText(found) : bodyText(looksLikeHtml(html, fileName) ? page : parsePage(html.replace(/\r?\n/gu, '<br>\n')))
  const stated = statedFields(text)
  const tags = readTags(found)
  const poster = stated.has('author') || stated.has('by-line') ? undefined : posterOf(page)
  const fields: PageField[] = [
    ['Title', stated.has('title') ? undefined : subjectOf(page)],
    ['Author', poster],
    ['Posted', stated.has('posted') ? undefined : dateOf(page)],
    ...tags.keyed.filter(([key]) => !stated.has(FIELD_OF[key] ?? 'title')),
  ]
  const hasFandom = stated.has('fandom') || fields.some(([key]) => key === 'Fandom')
  if (!hasFandom && !stated.has('freeforms')) fields.push(['Tags', tags.freeforms])
  const header = fields.map(writeField).filter((line) => line !== '').join('\n')
  if (header === '') return `${text}\n`
  return stated.size > 0 ? `${header}\n\n${text}\n` : `${header}\n\n* * *\n\n${text}\n`
}

/** An entry saved from LiveJournal, Dreamwidth or a journal site built on their code. */
export const JOURNAL_POST: StoryFormat = {
  name: 'journal-post',
  label: 'a LiveJournal or Dreamwidth post',
  read: readJournalPost,
}
