import { readChapterHeading } from './chapter-heading.js'
import { type EndMarker, readEndMarker } from './end-marker.js'
import type { HeaderFieldName } from './header-keys.js'
import { readHeaderLine } from './header-line.js'
import { isNoteLine, stripNoteLabel } from './note-line.js'
import { isSceneBreak } from './scene-break.js'
import { type Block, unwrapLines } from './source-lines.js'

/** A paragraph of end matter and the line it starts on. */
export type EndParagraph = Readonly<{ text: string; line: number }>

/** What follows the story: its end marker, the author's closing notes, and trailing fields. */
export type EndMatter = Readonly<{
  storyBlocks: readonly Block[]
  marker: Readonly<{ kind: EndMarker; line: number; text: string }> | null
  notes: readonly EndParagraph[]
  fields: readonly EndField[]
}>

/** A header field written after the story ("Feedback: …"). */
export type EndField = Readonly<{
  field: HeaderFieldName
  key: string
  value: string
  line: number
}>

// Only the last few blocks can be end matter; a closing note is rarely longer.
const END_BLOCKS_MAX = 8
const AFTER_MARKER_MAX = 3000
const AFTER_MARKER_BLOCKS = 4
// Fields authors put after a story instead of before it.
const END_FIELDS: ReadonlySet<HeaderFieldName> = new Set([
  'notes',
  'feedback',
  'disclaimer',
  'archive',
  'dedication',
  'beta',
  'context',
])

type Scan = { marker: EndMatter['marker']; notes: EndParagraph[]; fields: EndField[] }

function readEndField(block: Block): EndField | undefined {
  const first = block[0]
  const header = first === undefined ? undefined : readHeaderLine(first.text)
  if (first === undefined || header?.field == null) return undefined
  if (!END_FIELDS.has(header.field)) return undefined
  const rest = block.slice(1).map((line) => line.text)
  const value = [header.value, ...rest].filter((text) => text !== '').join(' ')
  return { field: header.field, key: header.key, value, line: first.number }
}

// The last block whose last line is an end marker, if little text follows it.
function findMarker(blocks: readonly Block[]): number {
  let after = 0
  const floor = Math.max(0, blocks.length - END_BLOCKS_MAX)
  for (let index = blocks.length - 1; index >= floor; index -= 1) {
    const block = blocks[index] ?? []
    const kind = readEndMarker(block[block.length - 1]?.text ?? '')
    if (kind === 'complete' || kind === 'to-be-continued') return index
    // A chapter after a "TBC" means the marker closed a chapter, not the work.
    if (block.some((line) => readChapterHeading(line.text) !== undefined)) return -1
    after += unwrapLines(block).length
    if (after > AFTER_MARKER_MAX || blocks.length - index > AFTER_MARKER_BLOCKS) return -1
  }
  return -1
}

function readAfterMarker(blocks: readonly Block[], scan: Scan): void {
  for (const block of blocks) {
    const first = block[0]
    if (first === undefined || (block.length === 1 && isSceneBreak(first.text))) continue
    const field = readEndField(block)
    if (field !== undefined && field.field !== 'notes') scan.fields.push(field)
    else scan.notes.push({ text: stripNoteLabel(unwrapLines(block)), line: first.number })
  }
}

// Reads one block before the marker (or the end); answers whether it was end matter.
function readTrailingBlock(block: Block, scan: Scan): boolean {
  const first = block[0]
  if (first === undefined) return true
  if (block.length === 1 && isSceneBreak(first.text)) return true
  const field = readEndField(block)
  if (field !== undefined && field.field !== 'notes') {
    scan.fields.unshift(field)
    return true
  }
  if (isNoteLine(first.text)) {
    scan.notes.unshift({ text: stripNoteLabel(unwrapLines(block)), line: first.number })
    return true
  }
  return false
}

/**
 * Finds the end of the story in its last blocks: an end marker ("END", "~fin~", "TBC"),
 * closing notes ("A/N: …") and fields such as "Feedback: …". Everything after a marker is
 * end matter; before it, only notes, fields and breaks are.
 */
export function readEndMatter(blocks: readonly Block[]): EndMatter {
  const scan: Scan = { marker: null, notes: [], fields: [] }
  let end = blocks.length
  const markerAt = findMarker(blocks)
  if (markerAt >= 0) {
    const block = blocks[markerAt] ?? []
    const last = block[block.length - 1]
    const kind = readEndMarker(last?.text ?? '')
    if (last !== undefined && kind !== undefined) {
      scan.marker = { kind, line: last.number, text: last.text }
    }
    readAfterMarker(blocks.slice(markerAt + 1), scan)
    if (block.length > 1) {
      return { storyBlocks: [...blocks.slice(0, markerAt), block.slice(0, -1)], ...scan }
    }
    end = markerAt
  }
  const floor = Math.max(0, end - END_BLOCKS_MAX)
  while (end > floor && readTrailingBlock(blocks[end - 1] ?? [], scan)) end -= 1
  return { storyBlocks: blocks.slice(0, end), ...scan }
}
