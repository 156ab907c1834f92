import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/store.js'

describe('openStore on a SQLite file', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'quire-open-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('makes the folder for the default file and turns on WAL and foreign keys', async () => {
    const store = await openStore('sqlite:./quire-data/quire.db', { cwd: folder })
    try {
      await store.migrate()
      expect(existsSync(join(folder, 'quire-data', 'quire.db'))).toBe(true)
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db)
      const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db)
      expect(journal.rows[0]?.journal_mode).toBe('wal')
      expect(keys.rows[0]?.foreign_keys).toBe(1)
    } finally {
      await store.destroy()
    }
  })
})
