import { describe, expect, it } from 'vitest'
import { QuireError } from '../../src/domain/errors.js'
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../../src/store/database-url.js'

describe('parseDatabaseUrl', () => {
  it('reads the default as a SQLite file under the working directory', () => {
    expect(parseDatabaseUrl(DEFAULT_DATABASE_URL, '/srv/archive')).toEqual({
      kind: 'sqlite',
      path: '/srv/archive/quire-data/quire.db',
    })
  })

  it('keeps an absolute SQLite path as it is', () => {
    expect(parseDatabaseUrl('sqlite:/var/lib/quire.db', '/srv')).toEqual({
      kind: 'sqlite',
      path: '/var/lib/quire.db',
    })
  })

  it('accepts both spellings of a PostgreSQL URL', () => {
    for (const url of ['postgres://quire@db:5432/quire', 'postgresql://quire@db/quire']) {
      expect(parseDatabaseUrl(url, '/srv')).toEqual({ kind: 'postgres', url })
    }
  })

  it('refuses anything else with a message that names the value and what it expected', () => {
    const parse = () => parseDatabaseUrl('mysql://root@db/quire', '/srv')
    expect(parse).toThrow(QuireError)
    expect(parse).toThrow(
      'database URL "mysql://root@db/quire": unknown kind of database; ' +
        'expected sqlite:PATH, postgres://… or postgresql://…',
    )
  })

  it('says so when a SQLite URL names no file', () => {
    expect(() => parseDatabaseUrl('sqlite:', '/srv')).toThrow(/"sqlite:": it names no file/u)
  })

  it('never repeats a password in its message', () => {
    expect(() => parseDatabaseUrl('mysql://root:hunter2@db/quire', '/srv')).toThrow(
      /"mysql:\/\/root:\*\*\*@db\/quire"/u,
    )
  })

  it('gives the error its code', () => {
    expect(() => parseDatabaseUrl('quire.db', '/srv')).toThrow(
      expect.objectContaining({ code: 'QUIRE_CONFIG_BAD_DATABASE_URL' }),
    )
  })
})
