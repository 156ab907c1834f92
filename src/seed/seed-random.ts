/**
 * A small seeded generator (mulberry32): the same seed gives the same archive on every machine
 * and Node version, which Math.random() cannot promise.
 */
export class SeedRandom {
  #state: number

  constructor(seed: number) {
    this.#state = seed >>> 0
  }

  /** A generator for one item of a run (a work, a tag), independent of how many came before. */
  static forItem(seed: number, stream: number, item: number): SeedRandom {
    return new SeedRandom(mix(mix(seed ^ Math.imul(stream, 0x9e3779b1)) ^ item))
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0
    let t = this.#state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('SeedRandom.pick: the list is empty')
    return item
  }

  /** A standard normal deviate (Box-Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next())
  }

  /** exp(mu + sigma * N): the long tail word counts, hits and kudos follow. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal())
  }
}

/** Picks indexes with probability proportional to their weights, in O(log n) each. */
export class WeightedPicker {
  readonly #cumulative: Float64Array
  readonly #total: number

  constructor(weights: readonly number[]) {
    this.#cumulative = new Float64Array(weights.length)
    let total = 0
    weights.forEach((weight, index) => {
      total += Math.max(0, weight)
      this.#cumulative[index] = total
    })
    this.#total = total
  }

  get size(): number {
    return this.#cumulative.length
  }

  /** An index, or -1 when every weight is 0. */
  pick(random: SeedRandom): number {
    if (this.#total <= 0) return -1
    const target = random.next() * this.#total
    let low = 0
    let high = this.#cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.#cumulative[middle] ?? 0) > target) high = middle
      else low = middle + 1
    }
    return low
  }
}

/** Weights for a Zipf law over `count` ranks: rank r weighs 1 / (r + offset)^exponent. */
export function zipfWeights(count: number, exponent = 1, offset = 1): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / (rank + offset) ** exponent)
}

// murmur3's finaliser: nearby seeds and items give unrelated streams.
function mix(value: number): number {
  let h = value >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}
