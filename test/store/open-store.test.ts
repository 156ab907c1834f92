import { existsSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/store.js'
import { anImport } from '../support/a-work.js'

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

  it('checkpoints from a thread of its own when asked, and stops it when destroyed', async () => {
    const file = join(folder, 'import.db')
    const store = await openStore(`sqlite:${file}`, { cwd: folder, checkpointInBackground: true })
    try {
      await store.migrate()
      const automatic = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db)
      expect(automatic.rows[0]?.wal_autocheckpoint).toBe(0)
      const before = statSync(file).size
      await store.works.importBatch(Array.from({ length: 20 }, (_, i) => anImport({ title: `Work ${String(i)}` })))
      // The writer never checkpoints now, so only the thread can have moved pages into the file.
      const deadline = Date.now() + 10_000
      while (statSync(file).size <= before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(statSync(file).size).toBeGreaterThan(before)
    } finally {
      await store.destroy()
    }
    // Closed cleanly: the last connection checkpointed and removed the WAL.
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('leaves checkpoints to SQLite by default', async () => {
    const store = await openStore(`sqlite:${join(folder, 'plain.db')}`, { cwd: folder })
    try {
      const automatic = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db)
      expect(automatic.rows[0]?.wal_autocheckpoint).toBe(10_000)
    } finally {
      await store.destroy()
    }
  })
})
