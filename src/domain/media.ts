import type { Brand } from './brand.js'

export type MediaId = Brand<number, 'MediaId'>

/**
 * The media a fandom belongs to, as AO3's fandom directory groups them. A medium is not one of
 * the seven tag kinds a creator writes: wranglers file a canonical fandom under one or more.
 */
export const AO3_MEDIA = [
  'Anime & Manga',
  'Books & Literature',
  'Cartoons & Comics & Graphic Novels',
  'Celebrities & Real People',
  'Movies',
  'Music & Bands',
  'Other Media',
  'Theater',
  'TV Shows',
  'Video Games',
  'Uncategorized Fandoms',
] as const

/** Where the directory puts a fandom that no wrangler has filed under a medium yet, as AO3 does. */
export const UNCATEGORIZED_MEDIA = 'Uncategorized Fandoms'
