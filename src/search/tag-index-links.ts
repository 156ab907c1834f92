import type { TagId } from '../domain/stored-tag.js'
import { TAG_KINDS, type TagKind, type TagName } from '../domain/tag.js'
import type { IndexTag, IndexTagParent } from '../store/index-scan.js'
import { nameKey } from '../store/name-key.js'

/**
 * Tags by dense number, with their wrangling resolved as AO3 filters by it: a synonym stands for
 * its canonical tag; a parent of the same kind is a metatag, whose filter takes its subtags'
 * works (a parent of another kind, such as a character's fandom, is not). A work's fandoms are
 * a crossover when they lie under two or more top fandoms (fandoms with no fandom above them).
 */
export class TagLinks {
  readonly ids: TagId[] = []
  readonly names: TagName[] = []
  readonly kinds: TagKind[] = []
  /** Each tag's kind as its place in TAG_KINDS, for loops that count by kind. */
  readonly kindOrdinals: number[] = []
  readonly numberById = new Map<TagId, number>()
  readonly numberByNameKey = new Map<string, number>()
  readonly #canonicalIds: Array<TagId | null> = []
  readonly #parents: number[][] = []
  readonly #targets: Array<readonly number[] | undefined> = []
  readonly #roots: Array<readonly number[] | undefined> = []

  constructor(tags: readonly IndexTag[], parents: readonly IndexTagParent[]) {
    this.#add(tags)
    for (const { childId, parentId } of parents) {
      const [child, parent] = [this.numberById.get(childId), this.numberById.get(parentId)]
      if (child === undefined || parent === undefined) continue
      if (this.kinds[child] !== this.kinds[parent]) continue
      this.#parents[child]?.push(parent)
    }
  }

  /** These links plus tags made since, which have no links yet. */
  withNewTags(tags: readonly IndexTag[]): TagLinks {
    this.#add(tags)
    return this
  }

  /** The canonical tag of `tag`, or `tag` itself when it is not a synonym. */
  canonical(tag: number): number {
    const canonicalId = this.#canonicalIds[tag] ?? null
    const canonical = canonicalId === null ? undefined : this.numberById.get(canonicalId)
    // AO3 never chains synonyms; one step is the rule, so a chained row can't loop here.
    return canonical ?? tag
  }

  /** The filter tags a work carrying `tag` matches: its canonical and every metatag above. */
  filterTargets(tag: number): readonly number[] {
    const known = this.#targets[tag]
    if (known !== undefined) return known
    const targets = [...this.#above(this.canonical(tag))]
    this.#targets[tag] = targets
    return targets
  }

  /** For a fandom tag, the top fandoms it lies under (itself when none); else nothing. */
  fandomRoots(tag: number): readonly number[] {
    if (this.kinds[tag] !== 'fandom') return NO_ROOTS
    const known = this.#roots[tag]
    if (known !== undefined) return known
    const roots = [...this.#above(this.canonical(tag))].filter((above) => this.#parentsOf(above).length === 0)
    this.#roots[tag] = roots
    return roots
  }

  #add(tags: readonly IndexTag[]): void {
    for (const tag of tags) {
      if (this.numberById.has(tag.id)) continue
      const number = this.ids.length
      this.ids.push(tag.id)
      this.names.push(tag.name)
      this.kinds.push(tag.kind)
      this.kindOrdinals.push(TAG_KINDS.indexOf(tag.kind))
      this.#canonicalIds.push(tag.canonicalId)
      this.#parents.push([])
      // Pushed, not assigned later by index, so the arrays stay packed (fast) rather than sparse.
      this.#targets.push(undefined)
      this.#roots.push(undefined)
      this.numberById.set(tag.id, number)
      this.numberByNameKey.set(nameKey(tag.name), number)
    }
  }

  // The tag and every tag of its kind above it, canonical; a loop in the rows ends where it meets itself.
  #above(tag: number): Set<number> {
    const found = new Set<number>([tag])
    const queue = [tag]
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const parent of this.#parentsOf(next)) {
        if (found.has(parent)) continue
        found.add(parent)
        queue.push(parent)
      }
    }
    return found
  }

  #parentsOf(tag: number): number[] {
    return (this.#parents[tag] ?? []).map((parent) => this.canonical(parent))
  }
}

const NO_ROOTS: readonly number[] = []

/** Tags by number with their links resolved. */
export function resolveTagLinks(
  tags: readonly IndexTag[],
  parents: readonly IndexTagParent[],
): TagLinks {
  return new TagLinks(tags, parents)
}
