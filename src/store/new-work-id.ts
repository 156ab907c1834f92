import { randomFillSync } from 'node:crypto'
import { ulid } from 'ulid'
import { parseWorkId, type WorkId } from '../domain/work.js'

// ulid's own generator asks the operating system for randomness once per character, which
// cost a quarter of a millisecond an id on the import profile; draw from a pool instead.
const pool = new Uint8Array(4096)
let next = pool.length

function pooledRandom(): number {
  if (next >= pool.length) {
    randomFillSync(pool)
    next = 0
  }
  // ulid takes floor(x * 32): a byte over 256 picks each of the 32 digits equally often.
  return (pool[next++] ?? 0) / 256
}

/** A fresh work id: a ULID, so ids sort by the time they were made. */
export function newWorkId(): WorkId {
  const id = parseWorkId(ulid(undefined, pooledRandom))
  if (id === undefined) throw new Error('ulid() made an id that is not a ULID')
  return id
}
