import { readChapterHeading } from './chapter-heading.js'
import { type HeaderFieldName, MULTI_PARAGRAPH_FIELDS } from './header-keys.js'
import { readByLine, readHeaderLine } from './header-line.js'
import { isSceneBreak } from './scene-break.js'
import type { Block, SourceLine } from './source-lines.js'
import { isSectionHeading } from './section-heading.js'
import { isTitleLike } from './title-line.js'
import { isVerseLine } from './verse.js'

/** One paragraph of a header field's value, and the line it starts on. */
export type FieldParagraph = Readonly<{ line: number; text: string }>

/** A header field as written: its meaning, the key as written, and its value's paragraphs. */
export type HeaderField = Readonly<{
  field: HeaderFieldName
  key: string
  line: number
  paragraphs: readonly FieldParagraph[]
}>

/** What the top of a file says about the work, and where the story begins. */
export type HeaderBlock = Readonly<{
  fields: readonly HeaderField[]
  /** An unlabelled short line before the fields or the story, which may be the title. */
  titleLine: SourceLine | null
  byLines: ReadonlyArray<Readonly<{ line: number; name: string }>>
  unrecognised: ReadonlyArray<Readonly<{ line: number; text: string }>>
  /** The scene break that closes the header, if one does; it is not part of the story. */
  closingBreak: number | null
  /** Index of the first block of the story. */
  bodyStart: number
}>

// How far into a file a header can reach, and how many unlabelled paragraphs may sit between
// its fields (a title line, a second paragraph of notes) before they are the story instead.
const HEADER_BLOCKS_MAX = 80
const GAP_MAX = 3
const SHORT_LINE = 100

type FieldDraft = {
  field: HeaderFieldName
  key: string
  line: number
  paragraphs: FieldParagraph[]
}
type State = {
  fields: FieldDraft[]
  titleLine: SourceLine | null
  byLines: { line: number; name: string }[]
  unrecognised: { line: number; text: string }[]
}

function isFieldBlock(block: Block): boolean {
  return block.slice(0, 3).some((line) => readHeaderLine(line.text)?.field != null)
}

function isShortBlock(block: Block): boolean {
  return block.length <= 3 && block.every((line) => line.text.length <= SHORT_LINE)
}

function isLooseBlock(block: Block): boolean {
  const isLoose = (line: SourceLine): boolean =>
    readByLine(line.text) !== undefined || isTitleLike(line.text) || isSceneBreak(line.text)
  return isShortBlock(block) && block.every(isLoose)
}

function looksLikeStory(block: Block): boolean {
  return /^["“'‘]/u.test(block[0]?.text ?? '') || block.some((line) => line.text.length > 600)
}

// Lines above the first field, or unlabelled short lines: a title, a "by" line, or lines
// (an archive's banner) reported as not understood.
function readLooseLines(block: Block, state: State): void {
  for (const line of block) {
    const name = readByLine(line.text)
    if (isSceneBreak(line.text)) continue // an ornament around the title
    if (name !== undefined) state.byLines.push({ line: line.number, name })
    else if (state.titleLine === null && isLooseTitle(line.text)) state.titleLine = line
    else state.unrecognised.push({ line: line.number, text: line.text })
  }
}

// "Subject: [FIC] …" above a header is a line with a key rescue does not know, not a title.
function isLooseTitle(text: string): boolean {
  return isTitleLike(text) && readHeaderLine(text) === undefined
}

function readFieldBlock(block: Block, state: State): void {
  let current: FieldDraft | null = null
  let unknown = false
  let loose: SourceLine[] = []
  for (const line of block) {
    const header = readHeaderLine(line.text)
    if (header !== undefined) {
      if (loose.length > 0) readLooseLines(loose, state)
      loose = []
      unknown = header.field === null
      if (header.field === null) {
        state.unrecognised.push({ line: line.number, text: line.text })
        current = null
        continue
      }
      const paragraphs = header.value === '' ? [] : [{ line: line.number, text: header.value }]
      current = { field: header.field, key: header.key, line: line.number, paragraphs }
      state.fields.push(current)
    } else if (current !== null) {
      appendLine(current, line, false)
    } else if (unknown) {
      state.unrecognised.push({ line: line.number, text: line.text })
    } else {
      loose.push(line)
    }
  }
  if (loose.length > 0) readLooseLines(loose, state)
}

function appendLine(field: FieldDraft, line: SourceLine, newParagraph: boolean): void {
  const last = field.paragraphs[field.paragraphs.length - 1]
  if (last === undefined || newParagraph) {
    field.paragraphs.push({ line: line.number, text: line.text })
  } else {
    const joined = { line: last.line, text: `${last.text} ${line.text}` }
    field.paragraphs[field.paragraphs.length - 1] = joined
  }
}

// Unlabelled paragraphs after a field continue it when the field runs over paragraphs (notes,
// a disclaimer) and the header plainly goes on after them: another field follows, or, for
// fields other than a summary, the scene break that closes the header.
function continuesField(
  field: FieldDraft | undefined,
  gap: readonly Block[],
  next: 'field' | 'break',
): boolean {
  if (field === undefined || !MULTI_PARAGRAPH_FIELDS.has(field.field)) return false
  if (gap.some(looksLikeStory)) return false
  return next === 'field' || (field.field !== 'summary' && gap.length <= 2)
}

function settleGap(
  gap: readonly Block[],
  state: State,
  next: 'field' | 'break' | 'chapter',
): boolean {
  if (gap.length === 0) return true
  const field = state.fields[state.fields.length - 1]
  if (field !== undefined && next !== 'chapter' && continuesField(field, gap, next)) {
    for (const block of gap) {
      block.forEach((line, index) => {
        appendLine(field, line, index === 0)
      })
    }
    return true
  }
  if (gap.length <= 2 && gap.every(isLooseBlock)) {
    for (const block of gap) readLooseLines(block, state)
    return true
  }
  return false
}

function isSingleLine(block: Block | undefined, test: (text: string) => boolean): boolean {
  return block?.length === 1 && test(block[0]?.text ?? '')
}

// A file with no fields may still open with its title on a line of its own, perhaps with a
// "by" line and a scene break after it; a lyric's first line is not a title.
function readBareTitle(blocks: readonly Block[], state: State): HeaderBlock {
  const [top = [], second, third] = blocks
  const [title, by] = top
  if (
    blocks.length < 2 ||
    title === undefined ||
    !isTitleLike(title.text) ||
    isSectionHeading(title.text) ||
    (isVerseLine(title.text) && isSingleLine(second, isVerseLine)) ||
    (by !== undefined && (top.length > 2 || readByLine(by.text) === undefined))
  ) {
    return finish(state, 0, null)
  }
  readLooseLines(top, state)
  let next = 1
  if (by === undefined && isSingleLine(second, (text) => readByLine(text) !== undefined)) {
    readLooseLines(second ?? [], state)
    next = 2
  }
  const after = next === 1 ? second : third
  if (isSingleLine(after, isSceneBreak)) return finish(state, next + 1, after?.[0]?.number ?? null)
  return finish(state, next, null)
}

function finish(state: State, bodyStart: number, closingBreak: number | null): HeaderBlock {
  return { ...state, bodyStart, closingBreak }
}

/**
 * Reads the header of a legacy story: `Key: value` fields in any order, values over several
 * lines or paragraphs, a title or "by" line without a key, closed by a scene break, a chapter
 * heading or the first paragraph of the story.
 */
export function readHeaderBlock(blocks: readonly Block[]): HeaderBlock {
  const state: State = { fields: [], titleLine: null, byLines: [], unrecognised: [] }
  let gapStart = 0
  let gap: Block[] = []
  const limit = Math.min(blocks.length, HEADER_BLOCKS_MAX)
  for (let index = 0; index < limit; index += 1) {
    const block = blocks[index] ?? []
    const first = block[0]?.text ?? ''
    if (block.length === 1 && isSceneBreak(first)) {
      if (state.fields.length === 0 && gap.length === 0) continue // an ornament above the header
      if (!settleGap(gap, state, 'break')) return finish(state, gapStart, null)
      return finish(state, index + 1, block[0]?.number ?? null)
    }
    if (readChapterHeading(first) !== undefined) {
      return finish(state, settleGap(gap, state, 'chapter') ? index : gapStart, null)
    }
    if (isFieldBlock(block) && (state.fields.length > 0 || gap.length <= GAP_MAX)) {
      if (!settleGap(gap, state, 'field')) return finish(state, gapStart, null)
      readFieldBlock(block, state)
      gap = []
      gapStart = index + 1
      continue
    }
    gap.push(block)
    if (gap.length > GAP_MAX || looksLikeStory(block)) break
  }
  if (state.fields.length === 0) return readBareTitle(blocks, state)
  return finish(state, gapStart, null)
}
