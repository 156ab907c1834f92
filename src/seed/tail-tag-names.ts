import type { TagKind } from '../domain/tag.js'
import type { SeedRandom } from './seed-random.js'

/** What a tail tag's name is made from: real names of the sample. */
export type TailParts = Readonly<{
  fandom: string
  freeforms: readonly string[]
  /** Characters of `fandom`. */
  characters: readonly string[]
  /** Tells apart names that would otherwise repeat. */
  serial: number
}>

// The shapes AO3's one-off tags take, from browsing its tag lists.
const FANDOM_VARIANTS = [
  '(TV)', '(Movies)', '(Comics)', '(Anime & Manga)', '- All Media Types', 'RPF', '(Video Game)',
  '(Cartoon)', '(Books)', '(Radio)',
]
const CHARACTER_FORMS = [
  (name: string) => `Young ${name}`,
  (name: string) => `Older ${name}`,
  (name: string) => `${name}'s Mother`,
  (name: string) => `${name}'s Father`,
  (name: string) => `${name}'s Sister`,
  (name: string) => `${name}'s Brother`,
  (name: string) => `${name}'s Daughter`,
  (name: string) => `${name}'s Son`,
  (name: string) => `Future ${name}`,
  (name: string) => `Alternate Universe ${name}`,
  (name: string) => `${name} (Mentioned)`,
  (name: string) => `${name}'s Pet`,
]
const FREEFORM_FORMS = [
  (a: string) => `${a} AU`,
  (a: string) => `Post-${a}`,
  (a: string) => `Implied ${a}`,
  (a: string) => `Mild ${a}`,
  (a: string) => `Eventual ${a}`,
  (a: string) => `Sort Of ${a}`,
  (a: string, b: string) => `${a} and ${b}`,
  (a: string, b: string) => `${a} but ${b}`,
  (a: string, b: string) => `${a} with a side of ${b}`,
  (a: string, b: string) => `${a}/${b} Crossover Feels`,
]

/** A name for a one-off tag of `kind`, or undefined when the parts can't make one. */
export function tailTagName(kind: TagKind, random: SeedRandom, parts: TailParts): string | undefined {
  const [a = 'Fluff', b = 'Angst'] = parts.freeforms
  switch (kind) {
    case 'fandom':
      return `${parts.fandom} ${random.pick(FANDOM_VARIANTS)}`
    case 'character': {
      if (parts.characters.length === 0) return `Original ${parts.fandom} Character ${String(parts.serial % 97)}`
      return random.pick(CHARACTER_FORMS)(random.pick(parts.characters))
    }
    case 'relationship': {
      if (parts.characters.length < 2) return undefined
      const first = random.pick(parts.characters)
      const second = random.pick(parts.characters)
      if (first === second) return undefined
      return random.chance(0.25) ? `${first} & ${second}` : `${first}/${second}`
    }
    case 'freeform':
      return random.pick(FREEFORM_FORMS)(a, b)
    case 'rating':
    case 'archive-warning':
    case 'category':
      return undefined
  }
}
