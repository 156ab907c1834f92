import { ulid } from 'ulid'
import { parseWorkId, type WorkId } from '../domain/work.js'

/** A fresh work id: a ULID, so ids sort by the time they were made. */
export function newWorkId(): WorkId {
  const id = parseWorkId(ulid())
  if (id === undefined) throw new Error('ulid() made an id that is not a ULID')
  return id
}
