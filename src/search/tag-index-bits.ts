// The two shapes a set of work numbers takes in the tag index, as in a roaring bitmap's
// containers but one level only: a sorted array while the set is small, a plain bitset (one bit
// per work) once it holds more than one work in 32, where the bitset is the smaller of the two.
// Measured at a million works with long-tailed tags: most tags are small arrays, and the few
// dozen big ones (ratings, warnings, categories, the largest fandoms) are bitsets.

/** A set of work numbers: ask it, or write it into a bitset. */
export interface WorkSet {
  readonly size: number
  has(work: number): boolean
  /** Calls `visit` with each member in ascending order. */
  forEach(visit: (work: number) => void): void
  /** words |= this */
  orInto(words: Uint32Array): void
  /** words &= this */
  andInto(words: Uint32Array): void
  /** words &= ~this */
  andNotInto(words: Uint32Array): void
}

/** How many 32-bit words a bitset over `count` works needs. */
export function wordsFor(count: number): number {
  return (count + 31) >>> 5
}

/** The number of set bits in a 32-bit word. */
export function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** Set bits in `words`. */
export function countBits(words: Uint32Array): number {
  let count = 0
  for (let index = 0; index < words.length; index += 1) count += popcount32(words[index] ?? 0)
  return count
}

/** Calls `visit` with each set bit's position, ascending. */
export function forEachBit(words: Uint32Array, visit: (position: number) => void): void {
  for (let index = 0; index < words.length; index += 1) {
    let word = words[index] ?? 0
    while (word !== 0) {
      const lowest = word & -word
      visit((index << 5) + 31 - Math.clz32(lowest))
      word ^= lowest
    }
  }
}

/** A sorted, growable array of work numbers. */
export class ArraySet implements WorkSet {
  #items: Uint32Array
  #size = 0

  constructor(items: Uint32Array = new Uint32Array(4), size = 0) {
    this.#items = items
    this.#size = size
  }

  get size(): number {
    return this.#size
  }

  /** The members, ascending; a view, valid until the next change. */
  items(): Uint32Array {
    return this.#items.subarray(0, this.#size)
  }

  has(work: number): boolean {
    return this.#find(work) >= 0
  }

  /** Adds `work`; cheap when it is the largest yet, as new works are. */
  add(work: number): boolean {
    const last = this.#size === 0 ? -1 : (this.#items[this.#size - 1] ?? -1)
    const at = work > last ? this.#size : this.#find(work)
    if (at >= 0 && at < this.#size) return false
    const insertAt = at >= 0 ? at : -at - 1
    if (this.#size === this.#items.length) {
      const grown = new Uint32Array(Math.max(4, this.#items.length * 2))
      grown.set(this.#items)
      this.#items = grown
    }
    this.#items.copyWithin(insertAt + 1, insertAt, this.#size)
    this.#items[insertAt] = work
    this.#size += 1
    return true
  }

  remove(work: number): boolean {
    const at = this.#find(work)
    if (at < 0) return false
    this.#items.copyWithin(at, at + 1, this.#size)
    this.#size -= 1
    return true
  }

  forEach(visit: (work: number) => void): void {
    for (let index = 0; index < this.#size; index += 1) visit(this.#items[index] ?? 0)
  }

  orInto(words: Uint32Array): void {
    for (let index = 0; index < this.#size; index += 1) {
      const work = this.#items[index] ?? 0
      words[work >>> 5] = (words[work >>> 5] ?? 0) | (1 << (work & 31))
    }
  }

  andInto(words: Uint32Array): void {
    const mask = new Uint32Array(words.length)
    this.orInto(mask)
    for (let index = 0; index < words.length; index += 1) words[index] = (words[index] ?? 0) & (mask[index] ?? 0)
  }

  andNotInto(words: Uint32Array): void {
    for (let index = 0; index < this.#size; index += 1) {
      const work = this.#items[index] ?? 0
      words[work >>> 5] = (words[work >>> 5] ?? 0) & ~(1 << (work & 31))
    }
  }

  /** Trims spare capacity, for a set that is built and then mostly read. */
  compact(): void {
    if (this.#items.length > this.#size) this.#items = this.#items.slice(0, this.#size)
  }

  // The index of `work`, or -(insertion point) - 1.
  #find(work: number): number {
    let low = 0
    let high = this.#size - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const value = this.#items[middle] ?? 0
      if (value < work) low = middle + 1
      else if (value > work) high = middle - 1
      else return middle
    }
    return -low - 1
  }
}

/** A bitset of work numbers; words past its end count as empty. */
export class BitSet implements WorkSet {
  #words: Uint32Array
  #size: number

  constructor(words: Uint32Array = new Uint32Array(0), size = countBits(words)) {
    this.#words = words
    this.#size = size
  }

  get size(): number {
    return this.#size
  }

  /** The words; a view, valid until the next change. */
  words(): Uint32Array {
    return this.#words
  }

  has(work: number): boolean {
    return ((this.#words[work >>> 5] ?? 0) & (1 << (work & 31))) !== 0
  }

  add(work: number): boolean {
    if (this.has(work)) return false
    const index = work >>> 5
    if (index >= this.#words.length) {
      const grown = new Uint32Array(Math.max(index + 1, this.#words.length * 2))
      grown.set(this.#words)
      this.#words = grown
    }
    this.#words[index] = (this.#words[index] ?? 0) | (1 << (work & 31))
    this.#size += 1
    return true
  }

  remove(work: number): boolean {
    if (!this.has(work)) return false
    const index = work >>> 5
    this.#words[index] = (this.#words[index] ?? 0) & ~(1 << (work & 31))
    this.#size -= 1
    return true
  }

  forEach(visit: (work: number) => void): void {
    forEachBit(this.#words, visit)
  }

  orInto(words: Uint32Array): void {
    const end = Math.min(words.length, this.#words.length)
    for (let index = 0; index < end; index += 1) words[index] = (words[index] ?? 0) | (this.#words[index] ?? 0)
  }

  andInto(words: Uint32Array): void {
    const end = Math.min(words.length, this.#words.length)
    for (let index = 0; index < end; index += 1) words[index] = (words[index] ?? 0) & (this.#words[index] ?? 0)
    words.fill(0, end)
  }

  andNotInto(words: Uint32Array): void {
    const end = Math.min(words.length, this.#words.length)
    for (let index = 0; index < end; index += 1) words[index] = (words[index] ?? 0) & ~(this.#words[index] ?? 0)
  }
}

/** An ArraySet's members as a BitSet over `count` works. */
export function toBitSet(set: WorkSet, count: number): BitSet {
  const words = new Uint32Array(wordsFor(count))
  set.orInto(words)
  return new BitSet(words, set.size)
}
