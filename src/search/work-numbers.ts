import type { WorkId } from '../domain/work.js'

const ID_LENGTH = 26
const EMPTY = -1

/**
 * Dense numbers for works (0, 1, 2, ...), so a set of works can be a bitset. Ids are kept as
 * 26 ASCII bytes in one buffer (26 MB at a million works, against some 80 MB for strings in a
 * Map), found again through an open-addressing hash table of numbers.
 */
export class WorkNumbers {
  #bytes = Buffer.alloc(ID_LENGTH * 1024)
  #count = 0
  #slots = new Int32Array(2048).fill(EMPTY)
  #inIdOrder = true

  /** How many numbers have been given. */
  get count(): number {
    return this.#count
  }

  /** Whether number order is id order, as when every work came after the one before. */
  get inIdOrder(): boolean {
    return this.#inIdOrder
  }

  /** The number of this work, or undefined when it has none. */
  numberOf(id: string): number | undefined {
    if (id.length !== ID_LENGTH) return undefined
    const mask = this.#slots.length - 1
    for (let slot = hash(id) & mask; ; slot = (slot + 1) & mask) {
      const work = this.#slots[slot] ?? EMPTY
      if (work === EMPTY) return undefined
      if (this.#holds(work, id)) return work
    }
  }

  /** The work with this number. */
  idOf(work: number): WorkId {
    const start = work * ID_LENGTH
    // Only `add` writes here, and it takes WorkIds.
    return this.#bytes.toString('latin1', start, start + ID_LENGTH) as WorkId
  }

  /** The number of this work, given now if it had none. */
  add(id: WorkId): number {
    const known = this.numberOf(id)
    if (known !== undefined) return known
    const work = this.#count
    if ((work + 1) * ID_LENGTH > this.#bytes.length) {
      const grown = Buffer.alloc(this.#bytes.length * 2)
      this.#bytes.copy(grown)
      this.#bytes = grown
    }
    if (work > 0 && id < this.idOf(work - 1)) this.#inIdOrder = false
    this.#bytes.write(id, work * ID_LENGTH, 'latin1')
    this.#count += 1
    if (this.#count * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2)
    else this.#place(work, id)
    return work
  }

  /** Memory held, in bytes. */
  byteSize(): number {
    return this.#bytes.length + this.#slots.byteLength
  }

  #place(work: number, id: string): void {
    const mask = this.#slots.length - 1
    let slot = hash(id) & mask
    while ((this.#slots[slot] ?? EMPTY) !== EMPTY) slot = (slot + 1) & mask
    this.#slots[slot] = work
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size).fill(EMPTY)
    for (let work = 0; work < this.#count; work += 1) this.#place(work, this.idOf(work))
  }

  #holds(work: number, id: string): boolean {
    const start = work * ID_LENGTH
    for (let index = 0; index < ID_LENGTH; index += 1) {
      if (this.#bytes[start + index] !== id.charCodeAt(index)) return false
    }
    return true
  }
}

// FNV-1a over the id's characters; ULIDs are random enough in their last 16.
function hash(id: string): number {
  let value = 0x811c9dc5
  for (let index = 0; index < id.length; index += 1) {
    value = Math.imul(value ^ id.charCodeAt(index), 0x01000193)
  }
  return value >>> 0
}
