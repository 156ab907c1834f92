import { AO3_MEDIA, UNCATEGORIZED_MEDIA } from '../domain/media.js'
import { compareTagNames } from '../domain/tag-name-order.js'
import { countTagWorks, type TagCount } from '../search/tag-counts.js'
import type { LiveTagIndex } from '../search/tag-index-load.js'
import type { Store } from '../store/store.js'

/** One medium's section of the fandom directory. */
export type MediaGroup = Readonly<{ media: string; fandoms: readonly TagCount[] }>

/**
 * The fandom directory, as AO3's /media: canonical fandoms under each medium they are filed
 * under, those filed under none in "Uncategorized Fandoms", each with the count its works
 * listing shows (from the tag index, as /works counts), by name within a medium. Fandoms no work
 * carries are left out, as are media with no fandoms; media come in AO3's order.
 */
export async function findFandomDirectory(store: Store, tagIndex: LiveTagIndex): Promise<MediaGroup[]> {
  const [rows] = await Promise.all([store.tags.findFandomDirectory(), tagIndex.refresh()])
  const index = tagIndex.current()
  const byMedia = new Map<string, TagCount[]>()
  for (const { fandom, media } of rows) {
    const count = countTagWorks(index, fandom)
    if (count === 0) continue
    const group = media ?? UNCATEGORIZED_MEDIA
    const fandoms = byMedia.get(group)
    if (fandoms === undefined) byMedia.set(group, [{ name: fandom, count }])
    else fandoms.push({ name: fandom, count })
  }
  return [...byMedia.entries()]
    .sort(([a], [b]) => mediaRank(a) - mediaRank(b) || compareTagNames(a, b))
    .map(([media, fandoms]) => ({ media, fandoms: fandoms.sort((a, b) => compareTagNames(a.name, b.name)) }))
}

// AO3's media in AO3's order (Uncategorized last); any other a wrangler added goes before it.
function mediaRank(media: string): number {
  if (media === UNCATEGORIZED_MEDIA) return AO3_MEDIA.length
  const rank = AO3_MEDIA.findIndex((known) => known === media)
  return rank === -1 ? AO3_MEDIA.length - 1 : rank
}
