import type { TagPage } from '../domain/tag-page.js'
import { countTagWorks } from '../search/tag-counts.js'
import type { LiveTagIndex } from '../search/tag-index-load.js'
import type { Store } from '../store/store.js'

/** A tag's page, and how many works its listing shows. */
export type TagSummary = Readonly<{ page: TagPage; works: number }>

/**
 * A tag's wrangling from the store and its count from the tag index, for the page and the JSON
 * API alike; undefined when no tag has the name. The count is the one `/tags/<tag>/works` shows
 * (for a synonym, its canonical tag's, where its works are listed), so the two never disagree.
 */
export async function findTagSummary(
  store: Store,
  tagIndex: LiveTagIndex,
  name: string,
): Promise<TagSummary | undefined> {
  const [page] = await Promise.all([store.tags.findPage(name), tagIndex.refresh()])
  if (page === undefined) return undefined
  return { page, works: countTagWorks(tagIndex.current(), page.tag.name) }
}
