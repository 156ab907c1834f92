import { readChapterHeading } from './chapter-heading.js'
import { isNoteLine, stripNoteLabel } from './note-line.js'
import { isSceneBreak } from './scene-break.js'
import { isSectionHeading } from './section-heading.js'
import { type Block, type SourceLine, unwrapLines } from './source-lines.js'

/** The body of a story read line by line, before paragraphs and stanzas are told apart. */
export type BodyItem =
  | Readonly<{ kind: 'chapter'; title: string | null; line: number }>
  | Readonly<{ kind: 'break' | 'heading' | 'note'; text: string; line: number }>
  | Readonly<{ kind: 'text'; lines: readonly SourceLine[] }>

// A note runs to the end of its block, or, when it opens a bracket, to the block that closes
// it: "(A/N: … \n\n … )".
const NOTE_BLOCKS_MAX = 6

function closesBracket(text: string): boolean {
  const opens = (text.match(/[([]/gu) ?? []).length
  const closes = (text.match(/[)\]]/gu) ?? []).length
  return closes >= opens
}

function readNote(lines: readonly SourceLine[], first: SourceLine): BodyItem {
  return { kind: 'note', text: stripNoteLabel(unwrapLines(lines)), line: first.number }
}

function pushLines(items: BodyItem[], lines: SourceLine[]): void {
  const [first] = lines
  if (first === undefined) return
  if (isNoteLine(first.text)) {
    items.push(readNote(lines, first))
  } else if (isSectionHeading(first.text)) {
    items.push({ kind: 'heading', text: first.text, line: first.number })
    if (lines.length > 1) items.push({ kind: 'text', lines: lines.slice(1) })
  } else {
    items.push({ kind: 'text', lines })
  }
}

function readBlock(items: BodyItem[], block: Block): void {
  let pending: SourceLine[] = []
  for (const line of block) {
    const chapter = readChapterHeading(line.text)
    const isBreak = chapter === undefined && isSceneBreak(line.text)
    if (chapter === undefined && !isBreak) {
      pending.push(line)
      continue
    }
    pushLines(items, pending)
    pending = []
    items.push(
      chapter === undefined
        ? { kind: 'break', text: line.text, line: line.number }
        : { kind: 'chapter', title: chapter.title, line: line.number },
    )
  }
  pushLines(items, pending)
}

/** Reads body blocks into chapter headings, breaks, headings, notes and runs of text. */
export function readBodyItems(blocks: readonly Block[]): BodyItem[] {
  const items: BodyItem[] = []
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index] ?? []
    const first = block[0]
    if (first !== undefined && /^[([]\s*(?:a\/n|an\b|author)/iu.test(first.text)) {
      // A bracketed note may span blocks: gather them until the bracket closes.
      const gathered: SourceLine[] = [...block]
      let end = index
      const canGrow = (): boolean => end + 1 < blocks.length && end - index < NOTE_BLOCKS_MAX
      while (!closesBracket(unwrapLines(gathered)) && canGrow()) {
        end += 1
        gathered.push(...(blocks[end] ?? []))
      }
      if (closesBracket(unwrapLines(gathered))) {
        items.push(readNote(gathered, first))
        index = end
        continue
      }
    }
    readBlock(items, block)
  }
  return items
}
