import { RescueError } from '../domain/errors.js'

/** One statement of a SQL script: its bytes without comments and the line it starts on. */
export type SplitStatement = Readonly<{ bytes: Uint8Array; line: number }>

// Where the splitter is: in plain SQL, inside a quoted string or name, a comment, or just after
// a byte that may open a comment ("-" of "-- ", "/" of "/*").
type State = 'sql' | 'dash' | 'dash2' | 'slash' | 'line-comment' | 'block' | 'block-star' | 'quoted' | 'escaped'

const NEWLINE = 0x0a
const SPACE = 0x20

/**
 * Cuts a SQL script into statements at each `;` outside strings, names and comments, as bytes
 * stream in, dropping comments (`-- ` and `#` to the line's end, `/* … *\/`, MySQL's
 * `/*!40101 … *\/` too) but keeping their line ends, so a statement's lines can be counted.
 */
export class SqlStatementSplitter {
  readonly #fileName: string
  #state: State = 'sql'
  #quote = 0
  #line = 1
  #statementLine = 1
  #quoteLine = 1
  #buffer = new Uint8Array(64 * 1024)
  #length = 0
  #hasContent = false

  constructor(fileName: string) {
    this.#fileName = fileName
  }

  push(chunk: Uint8Array): SplitStatement[] {
    const done: SplitStatement[] = []
    for (const byte of chunk) {
      const statement = this.#step(byte)
      if (statement !== undefined) done.push(statement)
      if (byte === NEWLINE) this.#line += 1
    }
    return done
  }

  /** The last statement, when the script does not end with `;`; throws when cut inside one. */
  end(): SplitStatement[] {
    if (this.#state === 'quoted' || this.#state === 'escaped') {
      const what = this.#quote === 0x60 ? 'a `name`' : 'a quoted string'
      this.#fail(this.#quoteLine, `ends inside ${what} begun on line ${String(this.#quoteLine)}: the dump is cut short`)
    }
    if (this.#state === 'block' || this.#state === 'block-star') {
      this.#fail(this.#line, 'ends inside a /* comment */: the dump is cut short')
    }
    if (this.#state === 'dash' || this.#state === 'slash') this.#write(this.#state === 'dash' ? 0x2d : 0x2f)
    if (this.#hasContent) {
      const start = new TextDecoder().decode(this.#buffer.subarray(0, Math.min(this.#length, 200)))
      const head = start.trim().replace(/\s+/gu, ' ').slice(0, 40)
      this.#fail(
        this.#statementLine,
        `ends inside the statement begun on line ${String(this.#statementLine)} ("${head}…") with no ";": the dump is cut short`,
      )
    }
    return []
  }

  #fail(line: number, detail: string): never {
    throw new RescueError('QUIRE_RESCUE_BAD_ARCHIVE', { file: this.#fileName, line }, detail)
  }

  #step(byte: number): SplitStatement | undefined {
    switch (this.#state) {
      case 'sql':
        return this.#sql(byte)
      case 'dash':
        if (byte === 0x2d) {
          this.#state = 'dash2'
          return undefined
        }
        this.#state = 'sql'
        this.#write(0x2d)
        return this.#sql(byte)
      case 'dash2':
        // "--" opens a comment only when white space follows it (MySQL's rule).
        if (byte === SPACE || byte === 0x09 || byte === NEWLINE || byte === 0x0d) {
          this.#state = byte === NEWLINE ? 'sql' : 'line-comment'
          if (byte === NEWLINE) this.#write(NEWLINE)
          return undefined
        }
        this.#state = 'sql'
        this.#write(0x2d)
        this.#write(0x2d)
        return this.#sql(byte)
      case 'slash':
        if (byte === 0x2a) {
          this.#state = 'block'
          this.#write(SPACE)
          return undefined
        }
        this.#state = 'sql'
        this.#write(0x2f)
        return this.#sql(byte)
      case 'line-comment':
        if (byte === NEWLINE) {
          this.#state = 'sql'
          this.#write(NEWLINE)
        }
        return undefined
      case 'block':
        if (byte === 0x2a) this.#state = 'block-star'
        else if (byte === NEWLINE) this.#write(NEWLINE)
        return undefined
      case 'block-star':
        if (byte === 0x2f) this.#state = 'sql'
        else if (byte !== 0x2a) this.#state = 'block'
        if (byte === NEWLINE) this.#write(NEWLINE)
        return undefined
      case 'quoted':
        this.#write(byte)
        if (byte === 0x5c && this.#quote !== 0x60) this.#state = 'escaped'
        else if (byte === this.#quote) this.#state = 'sql'
        return undefined
      case 'escaped':
        this.#write(byte)
        this.#state = 'quoted'
        return undefined
    }
  }

  #sql(byte: number): SplitStatement | undefined {
    if (byte === 0x3b) return this.#finish()
    if (byte === 0x2d) {
      this.#state = 'dash'
      return undefined
    }
    if (byte === 0x2f) {
      this.#state = 'slash'
      return undefined
    }
    if (byte === 0x23) {
      this.#state = 'line-comment'
      return undefined
    }
    if (byte === 0x27 || byte === 0x22 || byte === 0x60) {
      this.#state = 'quoted'
      this.#quote = byte
      this.#quoteLine = this.#line
    }
    this.#write(byte)
    return undefined
  }

  #write(byte: number): void {
    const isSpace = byte === SPACE || byte === NEWLINE || byte === 0x09 || byte === 0x0d
    if (!this.#hasContent) {
      // Leading white space is dropped, so a statement's first byte is on its first line.
      if (isSpace) return
      this.#hasContent = true
      this.#statementLine = this.#line
    }
    if (this.#length === this.#buffer.length) {
      const grown = new Uint8Array(this.#buffer.length * 2)
      grown.set(this.#buffer)
      this.#buffer = grown
    }
    this.#buffer[this.#length++] = byte
  }

  #finish(): SplitStatement | undefined {
    if (!this.#hasContent) return undefined
    const statement = { bytes: this.#buffer.slice(0, this.#length), line: this.#statementLine }
    this.#length = 0
    this.#hasContent = false
    // A big extended INSERT grew the buffer; let the next, maybe small, statement start small.
    if (this.#buffer.length > 16 * 1024 * 1024) this.#buffer = new Uint8Array(64 * 1024)
    return statement
  }
}
