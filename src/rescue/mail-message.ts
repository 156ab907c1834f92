import { RescueError } from '../domain/errors.js'
import type { RescueIssue } from '../domain/rescue-report.js'
import { readHeaderBlock } from './header-block.js'
import { findHeaderField, type HeaderFieldName } from './header-keys.js'
import { cleanMailBody } from './mail-body.js'
import { findMessages, isMailField, type RawMessage } from './mail-detect.js'
import { headerValue, type MailHeaders, splitMessage } from './mail-headers.js'
import { readMessageText } from './mail-mime.js'
import { type MailSubject, readMailSubject } from './mail-subject.js'
import { groupBlocks, splitLines } from './source-lines.js'
import type { FormatReading, StoryFormat } from './story-formats.js'
import { hasEmail, stripEmails } from './strip-emails.js'

/** One message read: what its header says and its text without quotes or signature. */
type Message = Readonly<{
  line: number
  subject: MailSubject
  author: string | null
  date: string | null
  /** Story fields written in the mail header itself ("Rating: PG" under "Subject:"). */
  storyFields: ReadonlyArray<Readonly<{ field: HeaderFieldName; line: string }>>
  text: string
}>

/** A part's text split where its own header (Title:, Rating: …) ends. */
type PartText = Readonly<{ header: string; story: string; stated: ReadonlySet<HeaderFieldName> }>

// How many titles a refusal names before "…".
const TITLES_SHOWN = 5

// "Jane Doe <jane@example.org>", "\"Doe, Jane\" <…>", "jane@example.org (Jane Doe)", and
// Google Groups' "'Jane Doe' via Fic List <list@…>". An address alone names no one.
function readAuthor(from: string | undefined): string | null {
  if (from === undefined) return null
  const angle = /^(.*?)<[^>]*>\s*$/u.exec(from)
  const comment = /^[^\s(]+@[^\s(]+\s*\((.+)\)\s*$/u.exec(from)
  const raw = angle?.[1] ?? comment?.[1] ?? (hasEmail(from) ? '' : from)
  const name = stripEmails(raw)
    .replace(/^["']+|["']+$/gu, '')
    .replace(/["']?\s+via\s+.+$/iu, '')
    .replace(/^["']+|["']+$/gu, '')
    .trim()
  return name === '' || name.includes('@') ? null : name
}

// A pasted post whose story header follows "Subject:" without a blank line. Fields mail
// software writes ("Date", mbox's "Status: RO") are the message's, not the story's.
function readStoryFields(headers: MailHeaders): Message['storyFields'] {
  return headers.flatMap(({ name, value }) => {
    const field = isMailField(name) ? undefined : findHeaderField(name)
    const key = `${name.charAt(0).toUpperCase()}${name.slice(1)}`
    return field === undefined ? [] : [{ field, line: `${key}: ${value}` }]
  })
}

function readMessage(raw: RawMessage): Message {
  const { headers, body } = splitMessage(raw.text)
  return {
    line: raw.line,
    subject: readMailSubject(headerValue(headers, 'subject') ?? ''),
    author: readAuthor(headerValue(headers, 'from')),
    date: headerValue(headers, 'date') ?? null,
    storyFields: readStoryFields(headers),
    text: cleanMailBody(readMessageText(headers, body)),
  }
}

function splitPart(text: string): PartText {
  const lines = splitLines(text)
  const blocks = groupBlocks(lines)
  const block = readHeaderBlock(blocks)
  const stated = new Set<HeaderFieldName>(block.fields.map((field) => field.field))
  if (block.byLines.length > 0) stated.add('author')
  if (block.titleLine !== null) stated.add('title')
  const firstStoryLine = blocks[block.bodyStart]?.[0]?.number
  if (block.bodyStart === 0) return { header: '', story: text, stated }
  const cut = firstStoryLine === undefined ? lines.length : firstStoryLine - 1
  const all = text.split('\n')
  return { header: all.slice(0, cut).join('\n').trim(), story: all.slice(cut).join('\n').trim(), stated }
}

function titleKey(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

// Messages of one story share a title; a reply ("Re: …") is feedback, left out when the
// mailbox holds the story itself.
function pickStory(messages: readonly Message[], fileName: string): Message[] {
  const posts = messages.filter((message) => !message.subject.isReply && message.text !== '')
  const story = posts.length > 0 ? posts : messages.filter((message) => message.text !== '')
  const byTitle = new Map<string, Message[]>()
  for (const message of story) {
    const key = titleKey(message.subject.title)
    const group = byTitle.get(key) ?? (key === '' ? [...byTitle.values()][0] : undefined) ?? []
    if (group.length === 0) byTitle.set(key, group)
    group.push(message)
  }
  const groups = [...byTitle.values()]
  const [first, second] = groups
  if (second?.[0] === undefined) return first ?? []
  const titles = groups.map((group) => `"${group[0]?.subject.title ?? ''}"`)
  const named = titles.length > TITLES_SHOWN ? [...titles.slice(0, TITLES_SHOWN), '…'] : titles
  throw new RescueError(
    'QUIRE_RESCUE_MANY_STORIES',
    { file: fileName, line: second[0].line },
    `is a mailbox of ${String(groups.length)} different stories (${named.join(', ')}); ` +
      'rescue each story from a file of its own',
  )
}

// Parts in order of their number; unnumbered messages keep their place after them; a part
// posted twice (a repost with a correction) counts once, its first copy kept.
function orderParts(messages: readonly Message[]): Message[] {
  const seen = new Set<number>()
  const unique = messages.filter(({ subject }) => {
    if (subject.part === null) return true
    if (seen.has(subject.part)) return false
    seen.add(subject.part)
    return true
  })
  const rank = (message: Message): number => message.subject.part ?? Number.MAX_SAFE_INTEGER
  return unique.map((message, index) => ({ message, index }))
    .sort((a, b) => rank(a.message) - rank(b.message) || a.index - b.index)
    .map(({ message }) => message)
}

function listNumbers(numbers: readonly number[]): string {
  const words = numbers.map(String)
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`
}

function findMissing(parts: readonly Message[]): RescueIssue | undefined {
  const numbers = parts.flatMap(({ subject }) => (subject.part === null ? [] : [subject.part]))
  const total = Math.max(0, ...numbers, ...parts.map(({ subject }) => subject.of ?? 0))
  if (numbers.length === 0 || total <= 1) return undefined
  const missing: number[] = []
  for (let part = 1; part <= total; part += 1) if (!numbers.includes(part)) missing.push(part)
  if (missing.length === 0) return undefined
  const message =
    `part${missing.length > 1 ? 's' : ''} ${listNumbers(missing)} of ${String(total)} ` +
    `${missing.length > 1 ? 'are' : 'is'} missing: the file holds only part` +
    `${numbers.length > 1 ? 's' : ''} ${listNumbers([...numbers].sort((a, b) => a - b))}`
  return { code: 'QUIRE_RESCUE_MISSING_PARTS', line: 0, field: 'chapters', message }
}

function byTime(dates: readonly string[]): string[] {
  return dates
    .map((date) => ({ date, time: Date.parse(date) }))
    .filter(({ time }) => !Number.isNaN(time))
    .sort((a, b) => a.time - b.time)
    .map(({ date }) => date)
}

// Fields the messages say and the story's own header does not.
function messageFields(parts: readonly Message[], bodyStated: ReadonlySet<HeaderFieldName>): string[] {
  const storyFields = parts[0]?.storyFields ?? []
  const stated = new Set([...bodyStated, ...storyFields.map(({ field }) => field)])
  const first = <T>(pick: (message: Message) => T | null): T | null => {
    for (const part of parts) {
      const value = pick(part)
      if (value !== null) return value
    }
    return null
  }
  const dates = byTime(parts.flatMap(({ date }) => (date === null ? [] : [date])))
  const posted = dates[0] ?? first((part) => part.date)
  const updated = dates.length > 1 ? dates[dates.length - 1] : undefined
  const title = first(({ subject }) => (subject.title === '' ? null : subject.title))
  const fields: Array<readonly [HeaderFieldName, string, string | null | undefined]> = [
    ['title', 'Title', title],
    ['author', 'Author', first((part) => part.author)],
    ['rating', 'Rating', first(({ subject }) => subject.rating)],
    ['pairing', 'Pairing', first(({ subject }) => subject.pairing)],
    ['posted', 'Date', posted],
    ['updated', 'Updated', updated !== undefined && updated !== posted ? updated : undefined],
  ]
  const written = fields.flatMap(([field, key, value]) =>
    value === null || value === undefined || stated.has(field) ? [] : [`${key}: ${value}`],
  )
  return [...written, ...storyFields.map(({ line }) => line)]
}

function writeStory(parts: readonly Message[]): string {
  const texts = parts.map((part) => splitPart(part.text))
  const [opening] = texts
  const isSerial = parts.length > 1 || parts.some(({ subject }) => (subject.of ?? 0) > 1)
  const header = messageFields(parts, opening?.stated ?? new Set())
  // The story's own header first: a title line above fields is a title, below them prose.
  const out: string[] = [opening?.header ?? '', header.join('\n')]
  parts.forEach((part, index) => {
    const text = texts[index]
    if (isSerial) out.push(`Chapter ${String(part.subject.part ?? index + 1)}`)
    // Each part repeats the story's header; the first one's stands for the work.
    out.push(text?.story ?? '')
  })
  return `${out.filter((block) => block !== '').join('\n\n')}\n`
}

/**
 * Reads a mailing-list or Usenet post, an .eml file or an mbox of them as a story: the header's
 * subject, sender and date become Title, Author, Rating and Date where the story's own header
 * says nothing of them, and the parts of a story posted in several messages become its
 * chapters in order. Missing parts are reported; a mailbox of several stories is refused.
 */
export function readMailStory(text: string, fileName: string): FormatReading | undefined {
  const found = findMessages(text, fileName)
  if (found === undefined) return undefined
  const parts = orderParts(pickStory(found.map(readMessage), fileName))
  const missing = findMissing(parts)
  return { text: writeStory(parts), issues: missing === undefined ? [] : [missing] }
}

/** E-mail messages and Usenet posts, one or an mbox of them. */
export const MAIL_MESSAGE: StoryFormat = {
  name: 'email',
  label: 'an e-mail message',
  read: readMailStory,
}
