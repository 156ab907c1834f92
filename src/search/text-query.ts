import { QuireError } from '../domain/errors.js'
import { isHangulWord, isUnspacedWord, searchWords } from '../domain/segment-words.js'

/** One thing to look for: a word (or the start of one, `prefix*`) or an "exact phrase". */
export type TextTerm =
  | Readonly<{ kind: 'word'; word: string; prefix: boolean }>
  | Readonly<{ kind: 'phrase'; words: readonly string[] }>

/**
 * A parsed search: a work matches when every group has a term in its text (a group is terms
 * joined by OR) and no excluded term is. Words are lower case, split as the index splits them.
 */
export type TextQuery = Readonly<{
  groups: readonly (readonly TextTerm[])[]
  excluded: readonly TextTerm[]
}>

/** Longest query accepted, in UTF-16 units; AO3's search fields take about as much. */
export const TEXT_QUERY_MAX_LENGTH = 1_000
/** Most terms (words, phrases, prefixes) in one query; each costs a lookup in the index. */
export const TEXT_QUERY_MAX_TERMS = 32
/** Most words in one query, counting each word of each phrase. */
export const TEXT_QUERY_MAX_WORDS = 64
/** Fewest letters before `*`: "a*" would read most of the index. One Han character is a word. */
export const TEXT_QUERY_MIN_PREFIX = 3

// The lexer's tokens: a bare run of non-space characters, or a quoted phrase.
type Token = Readonly<{ kind: 'bare' | 'quoted'; text: string }>

/**
 * Reads what a reader typed: words, "exact phrases", -excluded, prefix*, OR between terms (AND
 * is implicit; NOT before a term excludes it). Forgiving where intent is clear: an unclosed
 * quote runs to the end, parentheses and stray punctuation are ignored. Throws a QuireError
 * (`QUIRE_SEARCH_…`) when nothing is left to look for or a limit is passed.
 */
export function parseTextQuery(input: string): TextQuery {
  if (input.length > TEXT_QUERY_MAX_LENGTH) {
    throw new QuireError(
      'QUIRE_SEARCH_TOO_LONG',
      `search: ${String(input.length)} characters; at most ${String(TEXT_QUERY_MAX_LENGTH)}`,
    )
  }
  const builder = new QueryBuilder(input)
  let excludeNext = false
  for (const token of tokenize(input)) {
    if (token.kind === 'bare' && token.text === 'OR') {
      builder.or()
    } else if (token.kind === 'bare' && (token.text === 'AND' || token.text === '+')) {
      // AND is what terms side by side mean already.
    } else if (token.kind === 'bare' && token.text === 'NOT') {
      excludeNext = true
    } else {
      const excluded = excludeNext || token.text.startsWith('-')
      excludeNext = false
      const term = toTerm(token)
      if (term !== undefined) builder.add(term, excluded)
    }
  }
  return builder.finish()
}

function* tokenize(input: string): Generator<Token> {
  // Parentheses would promise grouping the query does not do, so they read as spaces.
  const text = input.replace(/[()]/gu, ' ')
  let at = 0
  while (at < text.length) {
    const char = text.charAt(at)
    if (/\s/u.test(char)) {
      at += 1
    } else if (char === '"' || (char === '-' && text.charAt(at + 1) === '"')) {
      const open = text.indexOf('"', at)
      const close = text.indexOf('"', open + 1)
      const end = close === -1 ? text.length : close
      yield { kind: 'quoted', text: `${char === '-' ? '-' : ''}${text.slice(open + 1, end)}` }
      at = end + 1
    } else {
      const end = text.slice(at).search(/[\s"]/u)
      const stop = end === -1 ? text.length : at + end
      yield { kind: 'bare', text: text.slice(at, stop) }
      at = stop
    }
  }
}

function toTerm(token: Token): TextTerm | undefined {
  const body = token.text.replace(/^[-+]+/u, '')
  const words = searchWords(body)
  const [first] = words
  if (first === undefined) return undefined
  if (token.kind === 'quoted' || words.length > 1) {
    return words.length === 1
      ? { kind: 'word', word: first, prefix: false }
      : { kind: 'phrase', words }
  }
  const prefix = body.endsWith('*')
  if (prefix && !isUnspacedWord(first) && [...first].length < TEXT_QUERY_MIN_PREFIX) {
    throw new QuireError(
      'QUIRE_SEARCH_SHORT_PREFIX',
      `search: "${body}" is too short a prefix; type at least ${String(TEXT_QUERY_MIN_PREFIX)}` +
        ` letters before *`,
    )
  }
  // A Korean word is found with the particles written onto it ("학교" in "학교에").
  return { kind: 'word', word: first, prefix: prefix || isHangulWord(first) }
}

class QueryBuilder {
  readonly #input: string
  readonly #groups: TextTerm[][] = []
  readonly #excluded: TextTerm[] = []
  #terms = 0
  #words = 0
  #orPending = false

  constructor(input: string) {
    this.#input = input
  }

  or(): void {
    this.#orPending = this.#groups.length > 0
  }

  add(term: TextTerm, excluded: boolean): void {
    this.#count(term)
    const last = this.#groups.at(-1)
    if (excluded) this.#excluded.push(term)
    else if (this.#orPending && last !== undefined) last.push(term)
    else this.#groups.push([term])
    this.#orPending = false
  }

  finish(): TextQuery {
    if (this.#groups.length === 0) {
      const quoted = JSON.stringify(excerpt(this.#input))
      throw this.#excluded.length === 0
        ? new QuireError(
            'QUIRE_SEARCH_EMPTY',
            `search: no words to look for in ${quoted}; type a word, a "phrase" or a prefix*`,
          )
        : new QuireError(
            'QUIRE_SEARCH_ONLY_EXCLUDED',
            `search: ${quoted} only leaves words out; add a word or "phrase" to look for`,
          )
    }
    return { groups: this.#groups, excluded: this.#excluded }
  }

  #count(term: TextTerm): void {
    this.#terms += 1
    this.#words += term.kind === 'word' ? 1 : term.words.length
    if (this.#terms > TEXT_QUERY_MAX_TERMS) {
      throw new QuireError(
        'QUIRE_SEARCH_TOO_MANY_TERMS',
        `search: more than ${String(TEXT_QUERY_MAX_TERMS)} words, phrases and prefixes; ` +
          `leave some out`,
      )
    }
    if (this.#words > TEXT_QUERY_MAX_WORDS) {
      throw new QuireError(
        'QUIRE_SEARCH_TOO_MANY_TERMS',
        `search: more than ${String(TEXT_QUERY_MAX_WORDS)} words in all, phrases included; ` +
          `leave some out`,
      )
    }
  }
}

function excerpt(input: string): string {
  const chars = [...input.trim()]
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('')
}
