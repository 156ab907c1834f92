import type { Brand } from './brand.js'
import type { TagKind, TagName } from './tag.js'

export type TagId = Brand<number, 'TagId'>

/**
 * A tag as the archive holds it. `name` is unique across the archive, so it may carry a
 * suffix ("Gen (Additional Tag)") when another kind had the name first.
 */
export type StoredTag = Readonly<{
  id: TagId
  kind: TagKind
  name: TagName
  /** Only relationships can be platonic ("A & B"). */
  platonic: boolean
}>
