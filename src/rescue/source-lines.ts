/** One line of the decoded file: its 1-based number, text without outer white space, indent. */
export type SourceLine = Readonly<{ number: number; text: string; indented: boolean }>

/** Lines with no blank line between them: a paragraph, a stanza, a run of header fields. */
export type Block = readonly SourceLine[]

/** Splits LF text into numbered lines. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = []
  let start = 0
  let number = 1
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const raw = text.slice(start, end)
    lines.push({ number, text: raw.trim(), indented: /^[ \t\u00a0\u3000]/u.test(raw) })
    start = end + 1
    number += 1
  }
  return lines
}

/** Groups lines into blocks separated by blank lines. */
export function groupBlocks(lines: readonly SourceLine[]): Block[] {
  const blocks: Block[] = []
  let current: SourceLine[] = []
  for (const line of lines) {
    if (line.text === '') {
      if (current.length > 0) blocks.push(current)
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

/** The text of a block's lines as one paragraph: hard-wrapped lines join with a space. */
export function unwrapLines(lines: readonly SourceLine[]): string {
  return lines.map((line) => line.text).join(' ')
}
