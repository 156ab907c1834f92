import { SeedRandom } from './seed-random.js'

const FIRST = `moon star night river silver ink paper quiet velvet ember autumn winter summer spring
  storm raven sparrow fox wolf lark tea honey salt sea rain snow lantern candle echo ghost
  dream velvet violet indigo scarlet amber cobalt jade opal crimson golden hollow wild`.trim().split(/\s+/u)
const SECOND = `writer scribe reader keeper dancer singer weaver wanderer dreamer fox bird heart
  song light shadow quill feather page tide garden thief witch knight rogue bard fairy
  dragon cat owl bee moth wren`.trim().split(/\s+/u)

/**
 * `count` distinct creator names, the same for the same seed: pseud-like names such as
 * "silverquill_42", a few with capitals or spaces as AO3 allows.
 */
export function seedCreatorNames(count: number, seed: number): string[] {
  const names: string[] = []
  const taken = new Set<string>()
  for (let index = 0; names.length < count; index += 1) {
    const random = SeedRandom.forItem(seed, 2, index)
    const [first, second] = [random.pick(FIRST), random.pick(SECOND)]
    const style = random.int(0, 5)
    let name =
      style === 0 ? `${first}${second}`
      : style === 1 ? `${first}_${second}`
      : style === 2 ? `${first}${second}${String(random.int(1, 999))}`
      : style === 3 ? `${cap(first)}${cap(second)}`
      : style === 4 ? `${first}-${second}`
      : `${cap(first)} ${cap(second)}`
    // The folded name is what the store keeps unique; a clash gets the next free number.
    if (taken.has(name.toLowerCase())) name = `${name}${String(index)}`
    if (taken.has(name.toLowerCase())) continue
    taken.add(name.toLowerCase())
    names.push(name)
  }
  return names
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
