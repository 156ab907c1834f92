import { isAbsolute, resolve } from 'node:path'
import { QuireError } from '../domain/errors.js'

/** Where the database lives when QUIRE_DATABASE_URL is not set: a file beside the archive. */
export const DEFAULT_DATABASE_URL = 'sqlite:./quire-data/quire.db'

/** A parsed database URL: a SQLite file (absolute path, or ":memory:") or a PostgreSQL server. */
export type DatabaseLocation =
  | Readonly<{ kind: 'sqlite'; path: string }>
  | Readonly<{ kind: 'postgres'; url: string }>

const EXPECTED = 'expected sqlite:PATH, postgres://… or postgresql://…'

/** Reads a database URL; a relative SQLite path is taken from `cwd`. */
export function parseDatabaseUrl(raw: string, cwd: string): DatabaseLocation {
  const url = raw.trim()
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length)
    if (path === '') throw badUrl(raw, 'it names no file')
    if (path === ':memory:') return { kind: 'sqlite', path }
    return { kind: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) }
  }
  if (/^postgres(?:ql)?:\/\//u.test(url)) {
    if (!URL.canParse(url)) throw badUrl(raw, 'it is not a valid URL')
    return { kind: 'postgres', url }
  }
  throw badUrl(raw, 'unknown kind of database')
}

function badUrl(raw: string, why: string): QuireError {
  return new QuireError(
    'QUIRE_CONFIG_BAD_DATABASE_URL',
    `database URL "${redactPassword(raw)}": ${why}; ${EXPECTED}`,
  )
}

// The message may reach a log or a terminal: never repeat a password in it.
function redactPassword(raw: string): string {
  return raw.replace(/(:\/\/[^:/@]*):[^@/]*@/u, '$1:***@')
}
