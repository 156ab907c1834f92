import type { RescueIssue } from '../domain/rescue-report.js'
import { htmlToText, looksLikeHtml } from './html-to-text.js'
import { AO3_DOWNLOAD } from './ao3-download.js'
import { ARCHIVE_STORY } from './archive-story.js'
import { EFICTION_PAGE } from './efiction-page.js'
import { FFN_PAGE } from './ffn-page.js'
import { JOURNAL_POST } from './journal-post.js'
import { MAIL_MESSAGE } from './mail-message.js'
import { MARKDOWN_STORY } from './markdown-story.js'

/**
 * A shape legacy stories come in, read from the decoded text, never from the file's name alone.
 * `read` returns the story as the plain text the plain-text reader understands (header lines
 * `Key: value`, a blank line between paragraphs, `* * *` for a scene break, "Chapter 2: Title"
 * for a chapter), or undefined when the text is not in this format. Every format thereby shares
 * one header-field and body-section vocabulary, and one set of rules reads them all.
 */
export type StoryFormat = Readonly<{
  name: string
  /** The format in words, for messages: "an HTML page". */
  label: string
  read: (text: string, fileName: string) => string | FormatReading | undefined
}>

/** A format's reading with what it noticed on the way ("part 3 of 4 is missing"). */
export type FormatReading = Readonly<{ text: string; issues: readonly RescueIssue[] }>

const HTML: StoryFormat = {
  name: 'html',
  label: 'an HTML page',
  read: (text, fileName) => (looksLikeHtml(text, fileName) ? htmlToText(text) : undefined),
}

// The most particular shapes first: an AO3 download is also an HTML page. Pages are looked for
// only in text with a '<' in it: most files are plain text, and each page's test costs a scan.
const FORMATS: ReadonlyArray<readonly [StoryFormat, 'page' | 'any']> = [
  // A record `quire import-archive` kept: JSON that no other format takes for a story.
  [ARCHIVE_STORY, 'any'],
  [MAIL_MESSAGE, 'any'],
  [AO3_DOWNLOAD, 'page'],
  [FFN_PAGE, 'page'],
  [EFICTION_PAGE, 'page'],
  [JOURNAL_POST, 'page'],
  [MARKDOWN_STORY, 'any'],
  [HTML, 'page'],
]

export type StoryText = Readonly<{
  format: string
  label: string
  text: string
  issues: readonly RescueIssue[]
}>

/** The story as plain text, and the format it was in ("plain-text" when no other). */
export function readStoryFormat(text: string, fileName: string): StoryText {
  const hasMarkup = text.includes('<')
  for (const [{ name, label, read }, needs] of FORMATS) {
    if (needs === 'page' && !hasMarkup) continue
    const story = read(text, fileName)
    if (typeof story === 'string') return { format: name, label, text: story, issues: [] }
    if (story !== undefined) return { format: name, label, ...story }
  }
  return { format: 'plain-text', label: 'a text file', text, issues: [] }
}
