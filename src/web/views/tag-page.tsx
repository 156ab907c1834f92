import type { Children } from '@kitajs/html'
import { TAG_KIND_NAMES } from '../../domain/tag-kind-name.js'
import { TAG_KIND_PLURALS } from '../../domain/tag-kind-plural.js'
import type { CappedList, TagParentRef, TagRef } from '../../domain/tag-page.js'
import { mediaAnchor } from '../media-anchor.js'
import type { ReaderPreferences } from '../reader-preferences.js'
import { tagPagePath } from '../tag-param.js'
import { tagWorksPath } from '../tag-path.js'
import type { TagSummary } from '../tag-summary.js'
import { Layout } from './layout.js'

const NUMBER = new Intl.NumberFormat('en')

/**
 * A tag's page, as AO3's: its kind and standing (canonical, or a synonym pointing at its
 * canonical tag), how many works carry it with a link to them, then the tags above it, its
 * synonyms, and the tags below it by kind.
 */
export function TagPageView({
  summary,
  preferences,
  path,
}: {
  readonly summary: TagSummary
  readonly preferences: ReaderPreferences
  readonly path: string
}) {
  const { page, works } = summary
  const { tag, canonical } = page
  const listed = canonical ?? tag
  const subtags = page.children.filter((group) => group.kind === tag.kind)
  const childTags = page.children.filter((group) => group.kind !== tag.kind)
  return (
    <Layout title={`${tag.name} · Quire`} preferences={preferences} path={path}>
      <h1 safe>{tag.name}</h1>
      <p safe>
        {`This tag belongs to the ${TAG_KIND_NAMES[tag.kind]} category. ${
          canonical === null
            ? 'It is a canonical tag: works are filtered and listed by it.'
            : 'It is a synonym: its works are listed under its canonical tag.'
        }`}
      </p>
      {canonical !== null && (
        <p>
          {'Synonym of '}
          <a href={tagPagePath(canonical.name)} safe>
            {canonical.name}
          </a>
        </p>
      )}
      <p>
        <a href={tagWorksPath(listed.name)} safe>
          {works === 1
            ? `1 work tagged ${listed.name}`
            : `${NUMBER.format(works)} works tagged ${listed.name}`}
        </a>
      </p>
      {page.parents.length > 0 && (
        <TagSection id="parent-tags" heading="Parent tags">
          <ul>
            {page.parents.map((parent) => (
              <ParentLink parent={parent} />
            ))}
          </ul>
        </TagSection>
      )}
      {page.synonyms.total > 0 && (
        <TagSection id="synonyms" heading="Synonyms">
          <TagLinks list={page.synonyms} />
        </TagSection>
      )}
      {subtags.map((group) => (
        <TagSection id="subtags" heading="Subtags">
          <TagLinks list={group} />
        </TagSection>
      ))}
      {childTags.length > 0 && (
        <TagSection id="child-tags" heading="Child tags">
          {childTags.map((group) => (
            <>
              <h3 safe>{`${TAG_KIND_PLURALS[group.kind]} (${NUMBER.format(group.total)})`}</h3>
              <TagLinks list={group} />
            </>
          ))}
        </TagSection>
      )}
    </Layout>
  )
}

function TagSection({
  id,
  heading,
  children,
}: {
  readonly id: string
  readonly heading: string
  readonly children: Children
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} safe>
        {heading}
      </h2>
      {children}
    </section>
  )
}

function ParentLink({ parent }: { readonly parent: TagParentRef }) {
  const href = parent.kind === 'media' ? `/media#${mediaAnchor(parent.name)}` : tagPagePath(parent.name)
  const kind = parent.kind === 'media' ? 'Media' : TAG_KIND_NAMES[parent.kind]
  return (
    <li>
      <a href={href} safe>
        {parent.name}
      </a>{' '}
      <span class="count" safe>{`(${kind})`}</span>
    </li>
  )
}

// A capped list says how many it left out, so a reader knows the list is not the whole.
function TagLinks({ list }: { readonly list: CappedList<TagRef> }) {
  const more = list.total - list.items.length
  return (
    <>
      <ul>
        {list.items.map((item) => (
          <li>
            <a href={tagPagePath(item.name)} safe>
              {item.name}
            </a>
          </li>
        ))}
      </ul>
      {more > 0 && <p class="more" safe>{`and ${NUMBER.format(more)} more`}</p>}
    </>
  )
}
