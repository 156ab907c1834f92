import type { TagKind } from './tag.js'

/** What readers call each tag kind, singular, as AO3's tag pages name them. */
export const TAG_KIND_NAMES = {
  rating: 'Rating',
  'archive-warning': 'Archive Warning',
  category: 'Category',
  fandom: 'Fandom',
  relationship: 'Relationship',
  character: 'Character',
  freeform: 'Additional Tag',
} as const satisfies Record<TagKind, string>
