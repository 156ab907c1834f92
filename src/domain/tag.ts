import type { ArchiveWarning } from './archive-warning.js'
import type { Brand } from './brand.js'
import type { Category } from './category.js'
import type { Rating } from './rating.js'

/** The seven kinds of tag AO3 has. */
export const TAG_KINDS = [
  'rating',
  'archive-warning',
  'category',
  'fandom',
  'relationship',
  'character',
  'freeform',
] as const
export type TagKind = (typeof TAG_KINDS)[number]

/** AO3's limit on a tag's length. */
export const TAG_MAX = 150

export type TagName = Brand<string, 'TagName'>

/** A tag name as creators wrote it, trimmed, with runs of white space folded to one space. */
export function makeTagName(raw: string): TagName {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim().slice(0, TAG_MAX) as TagName
}

export type Tag =
  | { readonly kind: 'rating'; readonly rating: Rating }
  | { readonly kind: 'archive-warning'; readonly warning: ArchiveWarning }
  | { readonly kind: 'category'; readonly category: Category }
  | { readonly kind: 'fandom' | 'character' | 'freeform'; readonly name: TagName }
  // AO3 convention: "A/B" is romantic or sexual, "A & B" is platonic.
  | { readonly kind: 'relationship'; readonly name: TagName; readonly platonic: boolean }
