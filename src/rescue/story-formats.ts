import { htmlToText, looksLikeHtml } from './html-to-text.js'

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
  read: (text: string, fileName: string) => string | undefined
}>

const HTML: StoryFormat = {
  name: 'html',
  label: 'an HTML page',
  read: (text, fileName) => (looksLikeHtml(text, fileName) ? htmlToText(text) : undefined),
}

// The most particular shapes first: an AO3 download is also an HTML page.
const FORMATS: readonly StoryFormat[] = [HTML]

export type StoryText = Readonly<{ format: string; label: string; text: string }>

/** The story as plain text, and the format it was in ("plain-text" when no other). */
export function readStoryFormat(text: string, fileName: string): StoryText {
  for (const { name, label, read } of FORMATS) {
    const story = read(text, fileName)
    if (story !== undefined) return { format: name, label, text: story }
  }
  return { format: 'plain-text', label: 'a text file', text }
}
