/**
 * A set of trigrams (three UTF-16 code units) in typed arrays, open addressing with linear
 * probing: a slot number per trigram, which callers use to index arrays of their own. A Map
 * keyed by strings or packed numbers cost 110 ns a look-up; this costs a tenth of that, and a
 * language guess looks up a thousand trigrams per story.
 */
export class TrigramTable {
  readonly #mask: number
  // The first code unit plus one, so 0 marks an empty slot; then the other two, packed.
  readonly #first: Int32Array
  readonly #rest: Int32Array
  readonly #used: Int32Array
  #size = 0

  /** A table for up to `capacity` trigrams. */
  constructor(capacity: number) {
    let slots = 16
    while (slots < capacity * 2) slots *= 2
    this.#mask = slots - 1
    this.#first = new Int32Array(slots)
    this.#rest = new Int32Array(slots)
    this.#used = new Int32Array(capacity)
  }

  /** How many slots there are: slot numbers run from 0 to slots - 1. */
  get slots(): number {
    return this.#first.length
  }

  /** How many trigrams the table holds. */
  get size(): number {
    return this.#size
  }

  /** The slot of the trigram at `at` in `text`, or -1 when the table lacks it. */
  find(text: string, at: number): number {
    const first = text.charCodeAt(at) + 1
    const rest = (text.charCodeAt(at + 1) << 16) | text.charCodeAt(at + 2)
    for (let slot = hash(first, rest) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const held = this.#first[slot] as number
      if (held === 0) return -1
      if (held === first && this.#rest[slot] === rest) return slot
    }
  }

  /** The slot of the trigram at `at` in `text`, added when new; throws when the table is full. */
  add(text: string, at: number): number {
    const first = text.charCodeAt(at) + 1
    const rest = (text.charCodeAt(at + 1) << 16) | text.charCodeAt(at + 2)
    for (let slot = hash(first, rest) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const held = this.#first[slot] as number
      if (held === first && this.#rest[slot] === rest) return slot
      if (held !== 0) continue
      if (this.#size === this.#used.length) throw new Error('TrigramTable: full')
      this.#first[slot] = first
      this.#rest[slot] = rest
      this.#used[this.#size++] = slot
      return slot
    }
  }

  /** The slot of the `index`-th trigram added, for 0 <= index < size. */
  slotAt(index: number): number {
    return this.#used[index] as number
  }

  /** Empties the table, in time proportional to what it held. */
  clear(): void {
    for (let i = 0; i < this.#size; i++) this.#first[this.#used[i] as number] = 0
    this.#size = 0
  }
}

function hash(first: number, rest: number): number {
  const mixed = Math.imul(rest ^ Math.imul(first, 0x85ebca6b), 0x9e3779b1)
  return mixed ^ (mixed >>> 16)
}
