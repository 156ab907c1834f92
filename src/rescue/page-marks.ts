import { escapeStoryText } from '../safety/story-html.js'

/**
 * The longest section that keeps its markup. AO3 holds a whole chapter to 500,000 characters;
 * a paragraph past this is a page's whole text on one line, shown as its words alone, for
 * sanitising it would take seconds.
 */
export const MARKED_SECTION_MAX = 100_000

/**
 * What a page's markup said about its lines of text beyond the words: each line's inline
 * markup (emphasis, strike, ruby…) as HTML, blocks set apart as verse, and what was left out
 * of the page's text as unsafe (scripts, event attributes, images). Every format reads a story
 * as plain text, so this rides beside the text, keyed by each line's words, and the body's
 * sections take it back line by line in the order the lines were written.
 */
export class PageMarks {
  readonly #markup = new Map<string, string[]>()
  readonly #taken = new Map<string, number>()
  readonly #verse = new Set<string>()
  readonly removed = new Map<string, number>()

  /** A line of the page's text whose markup is more than its escaped words. */
  addLine(text: string, markup: string): void {
    const queue = this.#markup.get(text)
    if (queue === undefined) this.#markup.set(text, [markup])
    else queue.push(markup)
  }

  /** Something left out of the page, as the report counts it ("script", "event attribute"). */
  addRemoved(what: string, count = 1): void {
    this.removed.set(what, (this.removed.get(what) ?? 0) + count)
  }

  /** A block of short lines the page set apart as verse is (centred, or all in italics). */
  addVerse(lines: readonly string[]): void {
    this.#verse.add(lines.join('\n'))
  }

  /** Whether these lines, as one block, were set apart as verse. */
  isVerse(lines: readonly string[]): boolean {
    return this.#verse.size > 0 && this.#verse.has(lines.join('\n'))
  }

  get isEmpty(): boolean {
    return this.#markup.size === 0
  }

  /** The next markup recorded for a line of these words, or undefined when it had none. */
  takeLine(text: string): string | undefined {
    const queue = this.#markup.get(text)
    if (queue === undefined) return undefined
    const index = this.#taken.get(text) ?? 0
    this.#taken.set(text, index + 1)
    return queue[index]
  }

  /**
   * A section's HTML from its lines (`<br>` between them), or undefined when no line had markup
   * (or the section is over MARKED_SECTION_MAX): a section without it is shown from its text.
   * Not yet sanitised: rescue sanitises a story's sections together (sanitizeSections).
   */
  sectionHtml(lines: readonly string[]): string | undefined {
    if (this.isEmpty) return undefined
    let length = 0
    for (const line of lines) length += line.length
    if (length > MARKED_SECTION_MAX) return undefined
    let marked = false
    const parts = lines.map((line) => {
      const markup = this.takeLine(line)
      if (markup === undefined) return escapeStoryText(line)
      marked = true
      return markup
    })
    return marked ? parts.join('<br>') : undefined
  }
}

let collecting: PageMarks | undefined

/**
 * Runs `read` with a PageMarks that every page read inside it (see htmlToText) adds to, so a
 * format that reads several pieces of a page (an AO3 download's chapters, a mail's HTML part)
 * needs no plumbing of its own. Rescue is synchronous, so the marks are this read's alone.
 */
export function collectPageMarks<T>(read: () => T): Readonly<{ value: T; marks: PageMarks }> {
  const outer = collecting
  const marks = new PageMarks()
  collecting = marks
  try {
    return { value: read(), marks }
  } finally {
    collecting = outer
  }
}

/** The marks being collected, if a rescue is collecting them. */
export function currentPageMarks(): PageMarks | undefined {
  return collecting
}
