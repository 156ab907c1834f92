import { compareTagNames } from '../domain/tag-name-order.js'
import type { TagKind, TagName } from '../domain/tag.js'
import type { TagIndex } from './tag-index.js'

/** A tag and how many works its listing shows. */
export type TagCount = Readonly<{ name: TagName; count: number }>

/**
 * How many works `/tags/<name>/works` lists: the works of the tag's canonical tag, which take in
 * its synonyms' works and, for a metatag, its subtags' works. Read from the same index as the
 * listing, so the number beside a link is the total its page shows. 0 for a tag no work carries.
 */
export function countTagWorks(index: TagIndex, name: string): number {
  const tag = index.tagNumberByName(name)
  return tag === undefined ? 0 : index.works(tag).size
}

/**
 * The tags of one kind that the most works carry, most first (ties by name), at most `limit`.
 * A synonym never shows: its works are its canonical tag's.
 */
export function topTags(index: TagIndex, kind: TagKind, limit: number): TagCount[] {
  const top: TagCount[] = []
  for (let tag = 0; tag < index.tagCount; tag += 1) {
    if (index.tagKind(tag) !== kind) continue
    const count = index.works(tag).size
    const last = top.at(-1)
    if (count === 0 || (top.length >= limit && last !== undefined && count < last.count)) continue
    top.push({ name: index.tagName(tag), count })
    top.sort((a, b) => b.count - a.count || compareTagNames(a.name, b.name))
    if (top.length > limit) top.pop()
  }
  return top
}
