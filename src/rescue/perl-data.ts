import { RescueError } from '../domain/errors.js'

/** A value of a Perl data file: a string (numbers too, as written), undef, a list or a hash. */
export type PerlValue =
  | Readonly<{ kind: 'string'; value: string }>
  | Readonly<{ kind: 'undef' }>
  | Readonly<{ kind: 'list'; items: readonly PerlValue[] }>
  /** Entries in the order the file wrote them: the order of an archive's records. */
  | Readonly<{ kind: 'hash'; entries: ReadonlyArray<readonly [string, PerlValue]> }>

/** `%FILES = (…);`: the variable with its sigil, and what was assigned to it. */
export type PerlAssignment = Readonly<{ name: string; value: PerlValue; line: number }>

// q(…) and qq{…}: the delimiters that come in pairs; any other one closes itself.
const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']', '<': '>' }
const DOUBLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0', e: '\x1b', a: '\x07' }

/**
 * Reads the data files Perl programs of the 1990s wrote with Data::Dumper or by hand
 * (`ARCHIVE_DB.pl`: `%FILES = ( 1 => { Title => 'A story', … }, … ); 1;`) without running
 * them: assignments of strings, numbers, undef, lists `(…)`/`[…]` and hashes `(k => v)`/`{…}`,
 * quoted as '…', "…" (escapes read, nothing interpolated), q(…) or qq{…}, with `#` comments.
 * Anything else (code, a here-document) throws a RescueError naming its line: such a file is
 * not data, and is never evaluated.
 */
export function readPerlData(text: string, fileName: string): PerlAssignment[] {
  return new PerlReader(text, fileName).read()
}

class PerlReader {
  readonly #text: string
  readonly #fileName: string
  #at = 0
  #line = 1

  constructor(text: string, fileName: string) {
    this.#text = text
    this.#fileName = fileName
  }

  read(): PerlAssignment[] {
    const assignments: PerlAssignment[] = []
    for (this.#space(); this.#at < this.#text.length; this.#space()) {
      const line = this.#line
      // `1;` ends a file that `require` loads; `use strict;` and `package` say nothing of data.
      const statement = /^(?:\d+|(?:use|no|package)\s[^;]*)\s*;/u.exec(this.#rest())
      if (statement !== null) {
        this.#advance(statement[0].length)
        continue
      }
      const target = /^(?:(?:my|our)\s+)?([%$@])([A-Za-z_][\w:]*)\s*=/u.exec(this.#rest())
      if (target === null) this.#fail('expected an assignment such as %FILES = ( … );')
      this.#advance(target[0].length)
      const value = this.#value()
      this.#space()
      if (this.#text[this.#at] === ';') this.#advance(1)
      else if (this.#at < this.#text.length) this.#fail(`expected ";" after the value of ${target[1] ?? ''}${target[2] ?? ''}`)
      const sigil = target[1] ?? '$'
      assignments.push({ name: `${sigil}${target[2] ?? ''}`, value: sigil === '%' ? asHash(value) : value, line })
    }
    return assignments
  }

  #value(): PerlValue {
    this.#space()
    const char = this.#text[this.#at]
    if (char === '(' || char === '[') return this.#list(char === '(' ? ')' : ']')
    if (char === '{') return asHash(this.#list('}'))
    if (char === "'" || char === '"') {
      this.#advance(1)
      return { kind: 'string', value: char === "'" ? this.#single("'") : this.#double('"') }
    }
    const quoteLike = /^(qq|q)\s*([^\w\s])/u.exec(this.#rest())
    if (quoteLike !== null) {
      const open = quoteLike[2] ?? ''
      this.#advance(quoteLike[0].length)
      const close = CLOSERS[open] ?? open
      const value = quoteLike[1] === 'q' ? this.#single(close, open) : this.#double(close, open)
      return { kind: 'string', value }
    }
    const number = /^[+-]?(?:0x[\da-f]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)/iu.exec(this.#rest())
    if (number !== null) {
      this.#advance(number[0].length)
      return { kind: 'string', value: number[0] }
    }
    if (/^undef\b/u.test(this.#rest())) {
      this.#advance('undef'.length)
      return { kind: 'undef' }
    }
    return this.#fail(`expected a value (a quoted string, a number, undef, ( … ), [ … ] or { … }), found "${this.#rest().slice(0, 20)}"`)
  }

  // The items between brackets; `=>` is a comma that quotes a bare word before it.
  #list(close: string): PerlValue {
    const open = this.#line
    this.#advance(1)
    const items: PerlValue[] = []
    for (;;) {
      this.#space()
      if (this.#at >= this.#text.length) this.#fail(`a "${close}" opened on line ${String(open)} is never closed`, open)
      if (this.#text[this.#at] === close) {
        this.#advance(1)
        return { kind: 'list', items }
      }
      const bare = /^-?[A-Za-z_]\w*(?=\s*=>)/u.exec(this.#rest())
      if (bare !== null) {
        this.#advance(bare[0].length)
        items.push({ kind: 'string', value: bare[0].replace(/^-/u, '') })
      } else {
        items.push(this.#value())
      }
      this.#space()
      if (this.#rest().startsWith('=>')) this.#advance(2)
      else if (this.#text[this.#at] === ',') this.#advance(1)
      else if (this.#text[this.#at] !== close) this.#fail(`expected "," "=>" or "${close}", found "${this.#rest().slice(0, 20)}"`)
    }
  }

  // '…' and q(…): only the delimiter and the backslash may be escaped.
  #single(close: string, open = close): string {
    const start = this.#line
    let out = ''
    let depth = 0
    for (;;) {
      const char = this.#take(start)
      if (char === '\\') {
        const next = this.#take(start)
        out += next === close || next === open || next === '\\' ? next : `\\${next}`
      } else if (char === open && open !== close) {
        depth += 1
        out += char
      } else if (char === close && depth > 0) {
        depth -= 1
        out += char
      } else if (char === close) {
        return out
      } else {
        out += char
      }
    }
  }

  // "…" and qq{…}: escapes read, variables left as written (a data file has none to fill in).
  #double(close: string, open = close): string {
    const start = this.#line
    let out = ''
    let depth = 0
    for (;;) {
      const char = this.#take(start)
      if (char === '\\') {
        const next = this.#take(start)
        out += DOUBLE_ESCAPES[next] ?? next
      } else if (char === open && open !== close) {
        depth += 1
        out += char
      } else if (char === close && depth > 0) {
        depth -= 1
        out += char
      } else if (char === close) {
        return out
      } else {
        out += char
      }
    }
  }

  #take(start: number): string {
    const char = this.#text[this.#at]
    if (char === undefined) this.#fail(`a string begun on line ${String(start)} is never closed`, start)
    this.#advance(1)
    return char
  }

  #space(): void {
    for (;;) {
      const match = /^(?:\s+|#[^\n]*)/u.exec(this.#rest())
      if (match === null) return
      this.#advance(match[0].length)
    }
  }

  #rest(): string {
    return this.#text.slice(this.#at, this.#at + 200)
  }

  #advance(count: number): void {
    for (let i = 0; i < count; i += 1) if (this.#text[this.#at + i] === '\n') this.#line += 1
    this.#at += count
  }

  #fail(detail: string, line = this.#line): never {
    throw new RescueError('QUIRE_RESCUE_BAD_ARCHIVE', { file: this.#fileName, line }, detail)
  }
}

// A list assigned to a hash, or written in braces, pairs its items: key, value, key, value.
function asHash(value: PerlValue): PerlValue {
  if (value.kind !== 'list') return value
  const entries: Array<readonly [string, PerlValue]> = []
  for (let i = 0; i < value.items.length; i += 2) {
    const key = value.items[i]
    const item = value.items[i + 1] ?? { kind: 'undef' }
    entries.push([key?.kind === 'string' ? key.value : '', item])
  }
  return { kind: 'hash', entries }
}
