import type { WorkDigest } from '../domain/work-digest.js'
import type { WorkId } from '../domain/work.js'
import type { Store } from '../store/store.js'
import { atomDate, renderAtomFeed, type AtomEntry } from './atom-feed.js'
import { creatorPath } from './creator-path.js'
import { ANONYMOUS } from './views/credit-line.js'
import { FeedEntryContent } from './views/feed-entry-content.js'

/** What a feed of works says about itself; paths are the archive's own, made absolute here. */
export type WorksFeedHead = Readonly<{
  title: string
  /** The feed's permanent address: the same for every spelling of its URL. */
  idPath: string
  /** The address this document was asked for. */
  selfPath: string
  /** The HTML listing of the same works. */
  alternatePath: string
}>

// Before any work is posted a feed still needs an `updated`; a fixed moment, so it never
// looks new to a reader that polls it.
const NOTHING_YET = '1970-01-01T00:00:00Z'

/** An Atom feed of these works, in the order given, every address under `base`. */
export async function renderWorksFeed(
  store: Store,
  ids: readonly WorkId[],
  head: WorksFeedHead,
  base: string,
): Promise<string> {
  const digests = await store.works.findDigests(ids)
  const entries = await Promise.all(digests.map((work) => toEntry(work, base)))
  const updated = entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), NOTHING_YET)
  return renderAtomFeed({
    id: `${base}${head.idPath}`,
    title: head.title,
    self: `${base}${head.selfPath}`,
    alternate: `${base}${head.alternatePath}`,
    updated,
    author: { name: 'Quire', uri: `${base}/` },
    generator: 'Quire',
    entries,
  })
}

async function toEntry(work: WorkDigest, base: string): Promise<AtomEntry> {
  const address = `${base}/works/${work.id}`
  const authors =
    work.creators.length === 0
      ? [{ name: ANONYMOUS }]
      : work.creators.map((name) => ({ name, uri: `${base}${creatorPath(name)}` }))
  return {
    id: address,
    title: work.title,
    link: address,
    updated: atomDate(work.updated),
    published: atomDate(work.posted),
    authors,
    summaryHtml: await (<FeedEntryContent work={work} base={base} />),
    categories: work.tags.map((tag) => tag.name),
  }
}
