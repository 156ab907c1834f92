import { isFieldLine } from './mail-headers.js'

/** One message of a file, and the 1-based line of the file it starts on (an mbox's "From "). */
export type RawMessage = Readonly<{ line: number; text: string }>

// Fields mail and news software writes. Any "X-" field is one too.
const MAIL_FIELDS: ReadonlySet<string> = new Set([
  'from', 'to', 'cc', 'bcc', 'subject', 'date', 'newsgroups', 'message-id', 'references',
  'in-reply-to', 'reply-to', 'sender', 'path', 'organization', 'lines', 'mime-version',
  'content-type', 'content-transfer-encoding', 'content-disposition', 'received', 'return-path',
  'delivered-to', 'followup-to', 'nntp-posting-host', 'nntp-posting-date', 'xref', 'user-agent',
  'precedence', 'status', 'approved', 'errors-to', 'thread-topic', 'thread-index', 'importance',
  'list-id', 'list-unsubscribe', 'list-post', 'list-help', 'list-archive', 'list-subscribe',
  'dkim-signature', 'authentication-results', 'envelope-to', 'mailing-list', 'article',
])
// Fields only software writes: with one of them a header is a message's, not a memo's in a
// story ("From: Captain Reyes / To: All hands / Subject: Shore leave").
const SOFTWARE_FIELDS: ReadonlySet<string> = new Set([
  'message-id', 'newsgroups', 'received', 'return-path', 'path', 'mime-version', 'content-type',
  'content-transfer-encoding', 'user-agent', 'list-id', 'dkim-signature', 'delivered-to',
  'nntp-posting-host', 'xref', 'references', 'in-reply-to',
])
const MAIL_NAME = /\.(?:eml|mbox|mbx|msg|mail|news)$/iu
// The "From " line mbox files put before each message (RFC 4155): "From jane@example.org Mon
// Mar  3 10:12:00 2003", or "From - Mon …" as Netscape wrote it; a sender and a time.
const MBOX_FROM = /^From (?:\S+@\S+|-|MAILER-DAEMON)(?:\s.*)?$|^From \S+\s.*\d:\d\d.*$/u
const FIC_SUBJECT = /\bfic\b|\(\d+\/\d+\)|\bpart\s+\d+/iu
// How far a header may run before it is not one: Received lines of a long route, folded.
const HEADER_LINES_MAX = 200

/** Whether a header field is one mail or news software writes (lower-case name). */
export function isMailField(name: string): boolean {
  return MAIL_FIELDS.has(name) || name.startsWith('x-')
}

function readHeaderNames(lines: readonly string[]): Map<string, string> | undefined {
  const fields = new Map<string, string>()
  let last = ''
  for (const line of lines.slice(0, HEADER_LINES_MAX)) {
    if (line.trim() === '') return fields
    if (/^[ \t]/u.test(line) && last !== '') continue
    if (!isFieldLine(line)) return undefined
    const colon = line.indexOf(':')
    last = line.slice(0, colon).toLowerCase()
    if (!fields.has(last)) fields.set(last, line.slice(colon + 1).trim())
  }
  return fields.size > 0 ? fields : undefined
}

function hasSoftwareTrace(fields: ReadonlyMap<string, string>): boolean {
  for (const name of fields.keys()) {
    if (SOFTWARE_FIELDS.has(name) || name.startsWith('x-')) return true
  }
  return (
    (fields.get('from') ?? '').includes('@') ||
    /\d{1,2}:\d{2}/u.test(fields.get('date') ?? '') ||
    FIC_SUBJECT.test(fields.get('subject') ?? '')
  )
}

/**
 * Whether text opens with a message's header: every line up to the first blank one a field,
 * a sender or newsgroup named, two mail fields and a trace of mail software. A file named
 * .eml needs only one mail field.
 */
export function startsWithMailHeader(text: string, fileName: string): boolean {
  const fields = readHeaderNames(text.split('\n'))
  if (fields === undefined) return false
  const mailFields = [...fields.keys()].filter(isMailField).length
  if (MAIL_NAME.test(fileName)) return mailFields >= 1
  const isSent = fields.has('from') || fields.has('newsgroups')
  return isSent && mailFields >= 2 && hasSoftwareTrace(fields)
}

// A "From " line starts a message where it follows a blank line (or the start) and a header
// field follows it; mboxo and mboxrd files escape a "From " in a body as ">From ".
function isSeparator(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? ''
  if (!MBOX_FROM.test(line)) return false
  const isAfterBlank = index === 0 || (lines[index - 1] ?? '').trim() === ''
  return isAfterBlank && isFieldLine(lines[index + 1] ?? '')
}

function readMbox(lines: readonly string[], first: number): RawMessage[] {
  const messages: RawMessage[] = []
  let start = first
  for (let index = first + 1; index <= lines.length; index += 1) {
    if (index < lines.length && !isSeparator(lines, index)) continue
    const body = lines.slice(start + 1, index).map((line) => line.replace(/^>(>*From )/u, '$1'))
    messages.push({ line: start + 1, text: body.join('\n') })
    start = index
  }
  return messages
}

/** The messages a file holds: one, several (an mbox), or undefined when it is no message. */
export function findMessages(text: string, fileName: string): RawMessage[] | undefined {
  const lines = text.split('\n')
  const first = lines.findIndex((line) => line.trim() !== '')
  if (first < 0) return undefined
  if (isSeparator(lines, first)) {
    const messages = readMbox(lines, first)
    const isMail = messages.some((message) => startsWithMailHeader(message.text, 'message.eml'))
    return isMail ? messages : undefined
  }
  const rest = lines.slice(first).join('\n')
  return startsWithMailHeader(rest, fileName) ? [{ line: first + 1, text: rest }] : undefined
}
