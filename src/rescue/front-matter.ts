import { RescueError } from '../domain/errors.js'

/** A front-matter value: text (paragraphs split by a blank line) or a list of texts. */
export type FrontValue =
  | Readonly<{ kind: 'text'; text: string; line: number }>
  | Readonly<{ kind: 'list'; items: readonly string[]; line: number }>

/** Front-matter fields by key as written, in order. */
export type FrontMatter = ReadonlyMap<string, FrontValue>

/** Source lines of the front matter, numbered as in the file. */
export type FrontLine = Readonly<{ number: number; text: string }>

// The subset of YAML 1.2 that the front matter of static-site and archive exports uses: a
// mapping of plain or quoted scalars, [flow, lists], "- block" lists, and | and > blocks.
// Anything else (anchors, tags, nested mappings under a field rescue reads) is refused with its
// line, rather than guessed at: a wrong guess would put the wrong words in a work's fields.
const KEY_LINE = /^([A-Za-z_][\w -]{0,40}?)[ \t]*:(?:[ \t]+(.*))?$/u
const BLOCK_HEADER = /^([|>])([+-]?)(\d?)[ \t]*(?:#.*)?$/u
const RESERVED = /^[&*!%@`{]/u
// A one-pair mapping in a list reads as its text: tag prefixes are written "- c: Lois Lane".
const PREFIXED_ITEM = /^[A-Za-z]{1,12}:\s/u

type Cursor = { index: number }

class Reader {
  readonly #lines: readonly FrontLine[]
  readonly #file: string
  readonly cursor: Cursor = { index: 0 }

  constructor(lines: readonly FrontLine[], file: string) {
    this.#lines = lines
    this.#file = file
  }

  fail(line: FrontLine | undefined, field: string | undefined, detail: string): never {
    const at = { file: this.#file, line: line?.number ?? 0, ...(field === undefined ? {} : { field }) }
    throw new RescueError('QUIRE_RESCUE_BAD_HEADER', at, `front matter: ${detail}`)
  }

  peek(): FrontLine | undefined {
    return this.#lines[this.cursor.index]
  }

  next(): FrontLine | undefined {
    const line = this.#lines[this.cursor.index]
    this.cursor.index += 1
    return line
  }

  /** Lines indented under a field (or "- " items at its level), blank lines kept inside. */
  takeNested(allowItems: boolean): FrontLine[] {
    const taken: FrontLine[] = []
    for (let line = this.peek(); line !== undefined; line = this.peek()) {
      const isBlank = line.text.trim() === '' || /^\s*#/u.test(line.text)
      const isNested = /^\s/u.test(line.text) || (allowItems && /^-(?:\s|$)/u.test(line.text))
      if (!isBlank && !isNested) break
      taken.push(line)
      this.next()
    }
    while (taken.length > 0 && taken[taken.length - 1]?.text.trim() === '') taken.pop()
    return taken
  }
}

function indentOf(text: string): number {
  return /^ */u.exec(text)?.[0].length ?? 0
}

function unescapeDouble(body: string, reader: Reader, line: FrontLine, key: string): string {
  const escapes: Readonly<Record<string, string>> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', ' ': ' ', '0': '' }
  return body.replace(/\\(u[0-9A-Fa-f]{4}|.)/gu, (_, code: string) => {
    if (code.startsWith('u') && code.length === 5) return String.fromCharCode(Number.parseInt(code.slice(1), 16))
    const known = escapes[code]
    if (known === undefined) reader.fail(line, key, `unknown escape "\\${code}" in a double-quoted value`)
    return known
  })
}

// A quoted scalar may run over lines; its line breaks fold to spaces. Returns the text and
// what followed the closing quote.
function readQuoted(first: string, reader: Reader, line: FrontLine, key: string): { text: string; rest: string } {
  const quote = first.charAt(0)
  let source = first.slice(1)
  const close = quote === '"' ? /(?<!\\)(?:\\\\)*"/u : /'(?!')/u
  for (;;) {
    const match = close.exec(source)
    if (match !== null) {
      const end = match.index + match[0].length - 1
      const body = source.slice(0, end)
      const text = quote === '"' ? unescapeDouble(body, reader, line, key) : body.replace(/''/gu, "'")
      return { text, rest: source.slice(end + 1).trim() }
    }
    const more = reader.peek()
    if (more === undefined || !/^\s/u.test(more.text)) {
      reader.fail(line, key, `the value opened with ${quote} is never closed`)
    }
    reader.next()
    source += ` ${more.text.trim()}`
  }
}

function readScalar(raw: string, reader: Reader, line: FrontLine, key: string): string {
  const text = raw.trim()
  if (text.startsWith('"') || text.startsWith("'")) {
    const { text: value, rest } = readQuoted(text, reader, line, key)
    if (rest !== '' && !rest.startsWith('#')) reader.fail(line, key, `unexpected "${rest}" after the quoted value`)
    return value
  }
  if (RESERVED.test(text)) {
    reader.fail(line, key, `"${text.charAt(0)}" (an anchor, alias, tag or flow mapping) is not supported; quote the value`)
  }
  const plain = text.replace(/(?:^|\s+)#.*$/u, '').trim()
  if (/:\s|:$/u.test(plain)) reader.fail(line, key, 'a ": " inside an unquoted value; put the value in quotes')
  return plain
}

function splitFlow(body: string, reader: Reader, line: FrontLine, key: string): string[] {
  const items: string[] = []
  let current = ''
  let quote = ''
  for (const char of body) {
    if (quote !== '') {
      current += char
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") {
      quote = char
      current += char
    } else if (char === ',') {
      items.push(current)
      current = ''
    } else if (char === '[' || char === ']' || char === '{' || char === '}') {
      reader.fail(line, key, `a nested "${char}" inside a [list] is not supported`)
    } else {
      current += char
    }
  }
  if (quote !== '') reader.fail(line, key, `a list item opened with ${quote} is never closed`)
  items.push(current)
  return items.map((item) => item.trim()).filter((item, index, all) => item !== '' || index < all.length - 1)
}

function readItem(raw: string, reader: Reader, line: FrontLine, key: string): string {
  const text = raw.trim()
  if (PREFIXED_ITEM.test(text)) return text.replace(/:\s+/u, ':')
  return readScalar(text, reader, line, key)
}

function readFlowList(first: string, reader: Reader, line: FrontLine, key: string): string[] {
  let source = first.slice(1)
  while (!source.includes(']')) {
    const more = reader.peek()
    if (more === undefined || !/^\s/u.test(more.text)) reader.fail(line, key, 'the [list] is never closed with "]"')
    reader.next()
    source += ` ${more.text.trim()}`
  }
  const end = source.lastIndexOf(']')
  const rest = source.slice(end + 1).trim()
  if (rest !== '' && !rest.startsWith('#')) reader.fail(line, key, `unexpected "${rest}" after the [list]`)
  return splitFlow(source.slice(0, end), reader, line, key).map((item) => readItem(item, reader, line, key))
}

function readBlockList(nested: readonly FrontLine[], reader: Reader, key: string): string[] {
  const items: string[] = []
  const indent = indentOf(nested[0]?.text ?? '')
  for (const line of nested) {
    const text = line.text
    if (text.trim() === '' || /^\s*#/u.test(text)) continue
    const item = /^( *)-(?:\s+(.*))?$/u.exec(text)
    if (item === null || (item[1] ?? '').length !== indent) {
      reader.fail(line, key, 'expected a "- item" line of the list')
    }
    const value = item[2] ?? ''
    if (/^-(?:\s|$)/u.test(value.trim())) reader.fail(line, key, 'nested lists are not supported')
    if (value.trim().startsWith('[')) reader.fail(line, key, 'a [list] inside a list is not supported')
    items.push(readItem(value, reader, line, key))
  }
  return items
}

// YAML 1.2 §8.1: a literal block keeps its line breaks, a folded one joins lines
// with spaces; a blank line is a paragraph break in both.
function readBlockScalar(kind: string, nested: readonly FrontLine[], reader: Reader, key: string): string {
  const indent = indentOf(nested.find((line) => line.text.trim() !== '')?.text ?? '')
  const paragraphs: string[][] = [[]]
  for (const line of nested) {
    if (line.text.trim() === '') {
      paragraphs.push([])
      continue
    }
    if (indentOf(line.text) < indent) reader.fail(line, key, 'a line of the block is indented less than its first')
    paragraphs[paragraphs.length - 1]?.push(line.text.slice(indent).trimEnd())
  }
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join(kind === '|' ? '\n' : ' '))
    .join('\n\n')
}

function readNestedValue(nested: readonly FrontLine[], reader: Reader, line: FrontLine, key: string): FrontValue {
  const [first] = nested.filter((each) => each.text.trim() !== '' && !/^\s*#/u.test(each.text))
  if (first === undefined) return { kind: 'text', text: '', line: line.number }
  if (/^\s*-(?:\s|$)/u.test(first.text)) return { kind: 'list', items: readBlockList(nested, reader, key), line: line.number }
  if (KEY_LINE.test(first.text.trim())) reader.fail(first, key, 'a nested mapping is not supported here; expected text or a list')
  // A plain value that starts on the next line, perhaps over several: its lines fold.
  const text = nested.map((each) => readScalar(each.text, reader, each, key)).filter((each) => each !== '').join(' ')
  return { kind: 'text', text, line: line.number }
}

function readValue(raw: string, reader: Reader, line: FrontLine, key: string): FrontValue {
  const value = raw.trim()
  const block = BLOCK_HEADER.exec(value)
  if (block !== null) {
    const text = readBlockScalar(block[1] ?? '|', reader.takeNested(false), reader, key)
    return { kind: 'text', text, line: line.number }
  }
  if (value.startsWith('[')) return { kind: 'list', items: readFlowList(value, reader, line, key), line: line.number }
  if (value === '' || value.startsWith('#')) return readNestedValue(reader.takeNested(true), reader, line, key)
  const first = readScalar(value, reader, line, key)
  // A plain value wrapped onto indented lines below it.
  const more = value.startsWith('"') || value.startsWith("'") ? [] : reader.takeNested(false)
  const rest = more.map((each) => readScalar(each.text, reader, each, key)).filter((each) => each !== '')
  return { kind: 'text', text: [first, ...rest].join(' '), line: line.number }
}

/**
 * Reads YAML front matter (the lines between the opening and closing "---") strictly: a
 * malformed or unsupported construct is a RescueError naming the file, line and field.
 * `isRead(key)` says which fields will be used; the values of others are skipped unread, as a
 * site's own settings (`layout`, nested `params`) are none of rescue's business.
 */
export function readFrontMatter(
  lines: readonly FrontLine[],
  file: string,
  isRead: (key: string) => boolean,
): FrontMatter {
  const reader: Reader = new Reader(lines, file)
  const fields = new Map<string, FrontValue>()
  for (let line = reader.next(); line !== undefined; line = reader.next()) {
    const text = line.text
    if (text.trim() === '' || /^\s*#/u.test(text)) continue
    if (/^ *\t/u.test(text)) reader.fail(line, undefined, 'a tab in the indentation; YAML indents with spaces')
    if (/^\s/u.test(text)) reader.fail(line, undefined, 'an indented line that belongs to no field')
    if (/^-(?:\s|$)/u.test(text)) reader.fail(line, undefined, 'a "- item" line that belongs to no field')
    const match = KEY_LINE.exec(text.trimEnd())
    if (match === null) reader.fail(line, undefined, `expected "key: value", found "${text.trim().slice(0, 40)}"`)
    const key = (match[1] ?? '').trim()
    if (fields.has(key)) reader.fail(line, key, `"${key}" is given twice`)
    if (!isRead(key)) {
      reader.takeNested(true)
      continue
    }
    fields.set(key, readValue(match[2] ?? '', reader, line, key))
  }
  return fields
}
