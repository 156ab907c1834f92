import type { FullTextMatch } from '../store/full-text.js'
import type { TextQuery, TextTerm } from './text-query.js'

/** `query` in the syntax of both engines; the store sends its own as a bound parameter. */
export function toFullTextMatch(query: TextQuery): FullTextMatch {
  return { fts5: toFts5Match(query), tsquery: toTsquery(query) }
}

/**
 * SQLite FTS5 MATCH syntax. Every word is a string in double quotes (a quote inside doubled),
 * so no word can be read as an operator (AND, NEAR), a column filter ("text:") or a bracket.
 */
export function toFts5Match({ groups, excluded }: TextQuery): string {
  const wanted = groups
    .map((group) => group.map(fts5Term))
    .map((terms) => (terms.length === 1 ? terms.join('') : `(${terms.join(' OR ')})`))
    .join(' AND ')
  if (excluded.length === 0) return wanted
  // NOT needs something on its left in FTS5; the parser makes sure `wanted` is never empty.
  return `(${wanted}) NOT (${excluded.map(fts5Term).join(' OR ')})`
}

/**
 * PostgreSQL tsquery syntax, for to_tsquery: every word a quoted lexeme (a quote inside
 * doubled, a backslash escaped), so none is read as an operator, a weight or a prefix mark.
 */
export function toTsquery({ groups, excluded }: TextQuery): string {
  const wanted = groups.map((group) => `(${group.map(tsqueryTerm).join(' | ')})`)
  const unwanted = excluded.map((term) => `!${tsqueryTerm(term)}`)
  return [...wanted, ...unwanted].join(' & ')
}

function fts5Term(term: TextTerm): string {
  switch (term.kind) {
    case 'word':
      return `${fts5String(term.word)}${term.prefix ? '*' : ''}`
    case 'phrase':
      // FTS5 reads the words of one string as a phrase.
      return fts5String(term.words.join(' '))
  }
}

function tsqueryTerm(term: TextTerm): string {
  switch (term.kind) {
    case 'word':
      return `${lexeme(term.word)}${term.prefix ? ':*' : ''}`
    case 'phrase':
      return `(${term.words.map(lexeme).join(' <-> ')})`
  }
}

function fts5String(text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}

function lexeme(word: string): string {
  return `'${word.replace(/['\\]/gu, (char) => (char === "'" ? "''" : '\\\\'))}'`
}
