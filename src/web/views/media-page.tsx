import type { MediaGroup } from '../fandom-directory.js'
import { mediaAnchor } from '../media-anchor.js'
import type { ReaderPreferences } from '../reader-preferences.js'
import { tagWorksPath } from '../tag-path.js'
import { Layout } from './layout.js'

const NUMBER = new Intl.NumberFormat('en')

/** The fandom directory: a section per medium, each fandom linked to its works with their count. */
export function MediaPage({
  groups,
  preferences,
  path,
}: {
  readonly groups: readonly MediaGroup[]
  readonly preferences: ReaderPreferences
  readonly path: string
}) {
  return (
    <Layout title="Fandoms · Quire" preferences={preferences} path={path}>
      <h1>Fandoms</h1>
      {groups.length === 0 ? (
        <p>No fandoms yet: no work has been given one.</p>
      ) : (
        <>
          <nav aria-label="Media">
            <ul>
              {groups.map((group) => (
                <li>
                  <a href={`#${mediaAnchor(group.media)}`} safe>
                    {group.media}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {groups.map((group) => (
            <section aria-labelledby={mediaAnchor(group.media)}>
              <h2 id={mediaAnchor(group.media)} safe>
                {group.media}
              </h2>
              <FandomCounts fandoms={group.fandoms} />
            </section>
          ))}
        </>
      )}
    </Layout>
  )
}

/** Fandoms, each linked to its works, with how many there are. */
export function FandomCounts({ fandoms }: { readonly fandoms: MediaGroup['fandoms'] }) {
  return (
    <ul>
      {fandoms.map((fandom) => (
        <li>
          <a href={tagWorksPath(fandom.name)} safe>
            {fandom.name}
          </a>{' '}
          <span class="count" safe>{`(${NUMBER.format(fandom.count)})`}</span>
        </li>
      ))}
    </ul>
  )
}
