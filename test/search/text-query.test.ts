import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QuireError } from '../../src/domain/errors.js'
import {
  parseTextQuery,
  TEXT_QUERY_MAX_LENGTH,
  TEXT_QUERY_MAX_TERMS,
} from '../../src/search/text-query.js'
import { toFts5Match, toTsquery } from '../../src/search/text-query-match.js'

describe('reading a text search', () => {
  it('reads words, "phrases", -excluded, prefix* and OR', () => {
    expect(parseTextQuery('Chloe "the fields" -Lex light* OR dark')).toEqual({
      groups: [
        [{ kind: 'word', word: 'chloe', prefix: false }],
        [{ kind: 'phrase', words: ['the', 'fields'] }],
        [
          { kind: 'word', word: 'light', prefix: true },
          { kind: 'word', word: 'dark', prefix: false },
        ],
      ],
      excluded: [{ kind: 'word', word: 'lex', prefix: false }],
    })
  })

  it('reads a word with punctuation inside as the phrase the index holds', () => {
    expect(parseTextQuery("don't").groups).toEqual([[{ kind: 'phrase', words: ['don', 't'] }]])
    expect(parseTextQuery('well-known').groups).toEqual([
      [{ kind: 'phrase', words: ['well', 'known'] }],
    ])
  })

  it('splits Chinese and Japanese into words, and finds Korean words with their particles', () => {
    expect(parseTextQuery('我喜欢读小说').groups).toEqual([
      [{ kind: 'phrase', words: ['我', '喜欢', '读', '小说'] }],
    ])
    expect(parseTextQuery('학교').groups).toEqual([[{ kind: 'word', word: '학교', prefix: true }]])
    expect(parseTextQuery('東*').groups).toEqual([[{ kind: 'word', word: '東', prefix: true }]])
  })

  it('reads an unclosed quote as a phrase to the end, and ignores brackets and stray marks', () => {
    expect(parseTextQuery('(a) "b c').groups).toEqual([
      [{ kind: 'word', word: 'a', prefix: false }],
      [{ kind: 'phrase', words: ['b', 'c'] }],
    ])
    expect(parseTextQuery('OR a OR - * ! OR').groups).toEqual([
      [{ kind: 'word', word: 'a', prefix: false }],
    ])
  })

  it('says what is wrong when nothing is left to look for', () => {
    expect(() => parseTextQuery('  ')).toThrow(/no words to look for/)
    expect(() => parseTextQuery('-lex -"the end"')).toThrow(/only leaves words out/)
    expect(() => parseTextQuery('"" * - \u0000')).toThrow(QuireError)
  })

  it('keeps to its limits on length, terms and prefixes', () => {
    const long = 'a'.repeat(TEXT_QUERY_MAX_LENGTH + 1)
    expect(() => parseTextQuery(long)).toThrow(/at most 1000/)
    const many = Array.from({ length: TEXT_QUERY_MAX_TERMS + 1 }, (_, i) => `w${String(i)}`)
    expect(() => parseTextQuery(many.join(' '))).toThrow(/more than 32/)
    expect(() => parseTextQuery('word '.repeat(10_000))).toThrow(QuireError)
    expect(() => parseTextQuery('ab*')).toThrow(/at least 3 letters/)
  })

  it('never throws anything but a QuireError, whatever it is given', () => {
    const syntax = fc.constantFrom('"', '-', '*', ' ', 'OR', 'NOT', '(', ')', "'", '\\', ':')
    const pieces = fc.oneof(fc.string({ unit: 'binary' }), syntax, fc.string())
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        try {
          return parseTextQuery(parts.join('')).groups.length > 0
        } catch (error) {
          return error instanceof QuireError
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('writing a text search for the engines', () => {
  const query = parseTextQuery('chloe "the fields" light* OR dark -lex -"lex luthor"')

  it('quotes every word for FTS5, so none is read as an operator', () => {
    expect(toFts5Match(query)).toBe(
      '("chloe" AND "the fields" AND ("light"* OR "dark")) NOT ("lex" OR "lex luthor")',
    )
    expect(toFts5Match(parseTextQuery('and NEAR'))).toBe('"and" AND "near"')
  })

  it('quotes every lexeme for tsquery, with phrases as followed-by', () => {
    expect(toTsquery(query)).toBe(
      "('chloe') & (('the' <-> 'fields')) & ('light':* | 'dark') & !'lex' & !('lex' <-> 'luthor')",
    )
  })

  it('escapes quotes and backslashes should a word ever hold one', () => {
    const word = `o'"\\`
    const odd = { groups: [[{ kind: 'word', word, prefix: false } as const]], excluded: [] }
    expect(toFts5Match(odd)).toBe(`"o'""\\"`)
    expect(toTsquery(odd)).toBe(`('o''"\\\\')`)
  })
})
