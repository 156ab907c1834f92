import type { TagKind } from './tag.js'

/** What readers call several tags of a kind, as AO3 heads its lists ("Additional Tags"). */
export const TAG_KIND_PLURALS = {
  rating: 'Ratings',
  'archive-warning': 'Archive Warnings',
  category: 'Categories',
  fandom: 'Fandoms',
  relationship: 'Relationships',
  character: 'Characters',
  freeform: 'Additional Tags',
} as const satisfies Record<TagKind, string>
