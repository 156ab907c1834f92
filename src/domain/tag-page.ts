import type { TagKind, TagName } from './tag.js'

/** A tag named on another tag's page. */
export type TagRef = Readonly<{ name: TagName; kind: TagKind }>

/** Above a tag: another tag (a character's fandom, a metatag), or, for a fandom, a medium. */
export type TagParentRef = TagRef | Readonly<{ name: string; kind: 'media' }>

/** A list cut at a limit, and how many there are in all. */
export type CappedList<T> = Readonly<{ items: readonly T[]; total: number }>

/**
 * What a tag's page shows of its wrangling, as AO3's does: the tag, the canonical tag it is a
 * synonym of (null when it is canonical itself), its synonyms, the tags above it and below it.
 */
export type TagPage = Readonly<{
  tag: TagRef
  canonical: TagRef | null
  synonyms: CappedList<TagRef>
  parents: readonly TagParentRef[]
  /** Below it, a group per kind in TAG_KINDS order, each by name and cut at its own limit. */
  children: ReadonlyArray<CappedList<TagRef> & Readonly<{ kind: TagKind }>>
}>
