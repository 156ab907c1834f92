import { RescueError } from '../domain/errors.js'
import { decodeSqlString } from './sql-string.js'
import { SqlStatementSplitter, type SplitStatement } from './sql-statements.js'

/** A value of a row as mysqldump wrote it: a string, a number, or NULL. */
export type SqlValue = string | number | null

/** A row of one table, its values by column name in the table's column order. */
export type SqlRow = Readonly<Record<string, SqlValue>>

/** What a dump says that an importer needs: a table's columns, and each row inserted. */
export type DumpStatement =
  | Readonly<{ kind: 'create-table'; table: string; columns: readonly string[]; line: number }>
  | Readonly<{ kind: 'row'; table: string; row: SqlRow; line: number }>

// Definitions inside CREATE TABLE that are no column.
const NOT_COLUMNS = /^(?:primary|key|unique|index|constraint|foreign|fulltext|spatial|check|period)$/iu
const DIGIT_0 = 0x30
const DIGIT_9 = 0x39

/**
 * Reads a mysqldump file as it streams in: `CREATE TABLE` statements give each table's column
 * order, `INSERT INTO … VALUES (…),(…);` statements (extended inserts, `REPLACE`, `INSERT
 * IGNORE`, an explicit column list) give rows; `LOCK TABLES`, `SET`, `DROP` and the like are
 * passed over, comments (`-- `, `#`, `/* … *\/`, `/*!40101 … *\/`) too. MySQL's string escapes
 * are read as the server writes them (\0 \' \" \b \n \r \t \Z \\, and `''`). Memory holds one
 * statement at a time. Anything else, or a dump that ends inside a statement, throws a
 * RescueError naming the line.
 */
export class MysqlDumpReader {
  readonly #fileName: string
  readonly #splitter: SqlStatementSplitter
  readonly #columns = new Map<string, readonly string[]>()

  constructor(fileName: string) {
    this.#fileName = fileName
    this.#splitter = new SqlStatementSplitter(fileName)
  }

  /** The statements that the bytes so far complete. */
  push(chunk: Uint8Array): DumpStatement[] {
    return this.#splitter.push(chunk).flatMap((statement) => this.#read(statement))
  }

  /** The last statements; throws when the dump stops inside one (a truncated file). */
  end(): DumpStatement[] {
    return this.#splitter.end().flatMap((statement) => this.#read(statement))
  }

  #read(statement: SplitStatement): DumpStatement[] {
    const parser = new StatementParser(statement, this.#fileName)
    const first = parser.keyword()
    if (first === 'create') return this.#createTable(parser)
    if (first === 'insert' || first === 'replace') return this.#insert(parser)
    // LOCK TABLES, UNLOCK TABLES, SET, DROP TABLE, USE, ALTER TABLE … DISABLE KEYS: no data.
    return []
  }

  #createTable(parser: StatementParser): DumpStatement[] {
    if (parser.keyword() !== 'table') return []
    parser.skipKeywords('if', 'not', 'exists')
    const table = parser.identifier()
    const line = parser.line()
    parser.expect('(')
    const columns: string[] = []
    for (;;) {
      const definition = parser.peekIdentifier()
      if (definition !== undefined && !NOT_COLUMNS.test(definition)) columns.push(definition)
      const closer = parser.skipDefinition()
      if (closer === ')') break
    }
    this.#columns.set(table, columns)
    return [{ kind: 'create-table', table, columns, line }]
  }

  #insert(parser: StatementParser): DumpStatement[] {
    parser.skipKeywords('low_priority', 'delayed', 'high_priority', 'ignore')
    parser.skipKeywords('into')
    const table = parser.identifier()
    let columns = this.#columns.get(table)
    if (parser.peek() === '(') columns = parser.columnList()
    const values = parser.keyword()
    if (values !== 'values' && values !== 'value') parser.fail(`expected VALUES after INSERT INTO \`${table}\``)
    const rows: DumpStatement[] = []
    for (;;) {
      const line = parser.line()
      const tuple = parser.tuple()
      if (columns === undefined) {
        parser.fail(`INSERT INTO \`${table}\` names no columns, and no CREATE TABLE \`${table}\` came before it`, line)
      }
      if (tuple.length !== columns.length) {
        const counts = `${String(tuple.length)} values for ${String(columns.length)} columns`
        parser.fail(`a row of \`${table}\` has ${counts}`, line)
      }
      rows.push({ kind: 'row', table, row: Object.fromEntries(columns.map((name, i) => [name, tuple[i] ?? null])), line })
      if (!parser.accept(',')) break
    }
    parser.skipTrailer()
    return rows
  }
}

/** Every statement of a dump as its bytes stream in (a file, a gunzip stream). */
export async function* readMysqlDump(
  chunks: AsyncIterable<Uint8Array>,
  fileName: string,
): AsyncGenerator<DumpStatement> {
  const reader = new MysqlDumpReader(fileName)
  for await (const chunk of chunks) yield* reader.push(chunk)
  yield* reader.end()
}

/** Reads one statement's bytes (comments already gone) token by token. */
class StatementParser {
  readonly #bytes: Uint8Array
  readonly #fileName: string
  #at = 0
  #line: number

  constructor({ bytes, line }: SplitStatement, fileName: string) {
    this.#bytes = bytes
    this.#line = line
    this.#fileName = fileName
  }

  line(): number {
    this.#skipSpace()
    return this.#line
  }

  fail(detail: string, line = this.#line): never {
    throw new RescueError('QUIRE_RESCUE_BAD_ARCHIVE', { file: this.#fileName, line }, detail)
  }

  peek(): string {
    this.#skipSpace()
    const byte = this.#bytes[this.#at]
    return byte === undefined ? '' : String.fromCharCode(byte)
  }

  accept(char: string): boolean {
    if (this.peek() !== char) return false
    this.#at += 1
    return true
  }

  expect(char: string): void {
    if (!this.accept(char)) this.fail(`expected "${char}", found ${this.#found()}`)
  }

  /** The next bare word, lower-cased, or '' when the next token is none. */
  keyword(): string {
    this.#skipSpace()
    const start = this.#at
    while (isWordByte(this.#bytes[this.#at])) this.#at += 1
    return ascii(this.#bytes.subarray(start, this.#at)).toLowerCase()
  }

  skipKeywords(...words: string[]): void {
    for (;;) {
      const start = this.#at
      const line = this.#line
      const word = this.keyword()
      if (word === '' || !words.includes(word)) {
        this.#at = start
        this.#line = line
        return
      }
    }
  }

  /** A table or column name: `back-quoted` or bare; `db`.`table` gives the table. */
  identifier(): string {
    let name = this.#oneIdentifier()
    while (this.peek() === '.') {
      this.#at += 1
      name = this.#oneIdentifier()
    }
    return name
  }

  peekIdentifier(): string | undefined {
    const start = this.#at
    const line = this.#line
    const char = this.peek()
    const name = char === '`' || isWordByte(this.#bytes[this.#at]) ? this.#oneIdentifier() : undefined
    this.#at = start
    this.#line = line
    return name
  }

  columnList(): string[] {
    this.expect('(')
    const names = [this.identifier()]
    while (this.accept(',')) names.push(this.identifier())
    this.expect(')')
    return names
  }

  /** Skips one definition of CREATE TABLE up to its `,` or the closing `)`, which it returns. */
  skipDefinition(): ',' | ')' {
    let depth = 0
    for (;;) {
      const char = this.peek()
      if (char === '') this.fail('CREATE TABLE ends before its closing ")"')
      if (char === "'" || char === '"') {
        this.#string()
        continue
      }
      if (char === '`') {
        this.#oneIdentifier()
        continue
      }
      this.#at += 1
      if (char === '(') depth += 1
      else if (char === ')' && depth === 0) return ')'
      else if (char === ')') depth -= 1
      else if (char === ',' && depth === 0) return ','
    }
  }

  /** One parenthesised row of values. */
  tuple(): SqlValue[] {
    this.expect('(')
    const values: SqlValue[] = []
    if (this.accept(')')) return values
    for (;;) {
      values.push(this.#value())
      if (this.accept(')')) return values
      if (!this.accept(',')) this.fail(`expected "," or ")" between values, found ${this.#found()}`)
    }
  }

  /** `ON DUPLICATE KEY UPDATE …` after the rows carries no row; anything else is an error. */
  skipTrailer(): void {
    if (this.peek() === '') return
    const start = this.#at
    const word = this.keyword()
    if (word === 'on') return
    this.#at = start
    this.fail(`expected "," or the end of the INSERT after a row, found ${this.#found()}`)
  }

  #value(): SqlValue {
    const char = this.peek()
    if (char === "'" || char === '"') return this.#string()
    const byte = this.#bytes[this.#at]
    if (char === '-' || char === '+' || char === '.' || (byte !== undefined && byte >= DIGIT_0 && byte <= DIGIT_9)) {
      return this.#number()
    }
    const start = this.#at
    const word = this.keyword()
    const lower = word.toLowerCase()
    if (lower === 'null') return null
    if (lower === 'true' || lower === 'false') return lower === 'true' ? 1 : 0
    // X'4a6f' and b'0101' literals, and a charset introducer before a string: _utf8'…', _binary'…'.
    if ((lower === 'x' || lower === 'b') && this.#bytes[this.#at] === 0x27) return this.#bitsOrHex(lower)
    if (word.startsWith('_') && this.peek() === "'") return this.#string()
    this.#at = start
    return this.fail(`expected a value (a quoted string, a number or NULL), found ${this.#found()}`)
  }

  #number(): SqlValue {
    const start = this.#at
    if (this.#bytes[this.#at] === 0x30 && ((this.#bytes[this.#at + 1] ?? 0) | 0x20) === 0x78) {
      this.#at += 2
      const hexStart = this.#at
      while (isWordByte(this.#bytes[this.#at])) this.#at += 1
      return decodeSqlString(hexBytes(ascii(this.#bytes.subarray(hexStart, this.#at)), () => this.fail('bad hex literal')))
    }
    while (isNumberByte(this.#bytes[this.#at])) this.#at += 1
    const text = ascii(this.#bytes.subarray(start, this.#at))
    const value = Number(text)
    if (text === '' || Number.isNaN(value)) this.fail(`"${text}" is not a number`)
    // An integer past 2^53 keeps its digits; JSON numbers would round it.
    return Number.isInteger(value) && !Number.isSafeInteger(value) ? text : value
  }

  #bitsOrHex(kind: 'x' | 'b'): SqlValue {
    this.#at += 1
    const start = this.#at
    while (this.#bytes[this.#at] !== 0x27) {
      if (this.#bytes[this.#at] === undefined) this.fail('a literal runs to the end of the statement')
      this.#at += 1
    }
    const digits = ascii(this.#bytes.subarray(start, this.#at))
    this.#at += 1
    if (kind === 'b') return parseInt(digits === '' ? '0' : digits, 2)
    return decodeSqlString(hexBytes(digits, () => this.fail(`bad hex literal X'${digits}'`)))
  }

  #string(): string {
    const quote = this.#bytes[this.#at]
    const line = this.#line
    this.#at += 1
    const out: number[] = []
    for (;;) {
      const byte = this.#bytes[this.#at]
      if (byte === undefined) this.fail('a string runs to the end of the statement', line)
      this.#at += 1
      if (byte === 0x0a) this.#line += 1
      if (byte === quote) {
        // '' inside a '…' string is one quote.
        if (this.#bytes[this.#at] !== quote) break
        this.#at += 1
        out.push(byte)
      } else if (byte === 0x5c) {
        const next = this.#bytes[this.#at]
        if (next === undefined) this.fail('a string runs to the end of the statement', line)
        this.#at += 1
        if (next === 0x0a) this.#line += 1
        out.push(...unescape(next))
      } else {
        out.push(byte)
      }
    }
    return decodeSqlString(Uint8Array.from(out))
  }

  #oneIdentifier(): string {
    this.#skipSpace()
    if (this.#bytes[this.#at] === 0x60) {
      this.#at += 1
      const out: number[] = []
      for (;;) {
        const byte = this.#bytes[this.#at]
        if (byte === undefined) this.fail('a `name` runs to the end of the statement')
        this.#at += 1
        if (byte === 0x60) {
          if (this.#bytes[this.#at] !== 0x60) break
          this.#at += 1
        }
        out.push(byte)
      }
      return decodeSqlString(Uint8Array.from(out))
    }
    const start = this.#at
    while (isWordByte(this.#bytes[this.#at])) this.#at += 1
    if (start === this.#at) this.fail(`expected a name, found ${this.#found()}`)
    return decodeSqlString(this.#bytes.subarray(start, this.#at))
  }

  #skipSpace(): void {
    for (;;) {
      const byte = this.#bytes[this.#at]
      if (byte === 0x0a) this.#line += 1
      else if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== 0x0c) return
      this.#at += 1
    }
  }

  #found(): string {
    const rest = ascii(this.#bytes.subarray(this.#at, this.#at + 20)).replace(/\s+/gu, ' ')
    return rest === '' ? 'the end of the statement' : `"${rest}"`
  }
}

// MySQL's escapes in a quoted string; \% and \_ keep their backslash (they matter only in LIKE).
function unescape(byte: number): number[] {
  switch (byte) {
    case 0x30: return [0x00] // \0
    case 0x62: return [0x08] // \b
    case 0x6e: return [0x0a] // \n
    case 0x72: return [0x0d] // \r
    case 0x74: return [0x09] // \t
    case 0x5a: return [0x1a] // \Z
    case 0x25: return [0x5c, 0x25] // \%
    case 0x5f: return [0x5c, 0x5f] // \_
    default: return [byte]
  }
}

function isWordByte(byte: number | undefined): boolean {
  if (byte === undefined) return false
  return (
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x5f || byte === 0x24 || byte >= 0x80
  )
}

function isNumberByte(byte: number | undefined): boolean {
  if (byte === undefined) return false
  return (byte >= DIGIT_0 && byte <= DIGIT_9) || byte === 0x2e || byte === 0x2d || byte === 0x2b || (byte | 0x20) === 0x65
}

function ascii(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

function hexBytes(digits: string, fail: () => never): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/iu.test(digits)) fail()
  return Uint8Array.from(Buffer.from(digits, 'hex'))
}
