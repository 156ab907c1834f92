import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** Checkpoints a SQLite database's WAL from a thread of its own until stopped. */
export type Checkpointer = Readonly<{ stop(): Promise<void> }>

// How often the thread moves committed pages from the WAL into the database file.
const INTERVAL_MS = 200

// The thread's code, plain JavaScript run by `eval`: a worker file of its own would need a
// loader when the store runs from TypeScript sources (the tests), and this is all it does.
// PASSIVE never waits for or blocks the writer: it copies what is committed and not in use.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path, { fileMustExist: true })
db.pragma('busy_timeout = 5000')
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (error) { parentPort.postMessage({ error: String(error) }) }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.postMessage({ stopped: true })
})
`

/**
 * Starts checkpointing the WAL of the SQLite file at `path` from a worker thread. Why: with
 * `synchronous = NORMAL` SQLite syncs the WAL and the database file at each checkpoint, and a
 * checkpoint made by the writing connection itself (SQLite's automatic one) made the writer
 * wait for the disk: a third of the time of a large import. The writing connection turns its
 * automatic checkpoints off (`wal_autocheckpoint = 0`) while this runs. A failed checkpoint is
 * only late: the next one, or closing the database, moves the pages.
 */
export function startCheckpointer(path: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, driver, intervalMs: INTERVAL_MS },
  })
  const stopped = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { stopped?: boolean }) => {
      if (message.stopped === true) resolve()
    })
    worker.on('error', reject)
    worker.on('exit', () => resolve())
  })
  // An error of the thread surfaces when the caller stops it, not as an unhandled rejection.
  stopped.catch(() => undefined)
  return {
    stop: async () => {
      worker.postMessage('stop')
      await stopped
      await worker.terminate()
    },
  }
}
