import type { StoredTag } from '../../domain/stored-tag.js'
import { tagWorksPath } from '../tag-path.js'

/** Tags of one kind as links to their works, comma-separated as AO3 shows them. */
export function TagList({ tags }: { readonly tags: readonly StoredTag[] }) {
  return (
    <ul class="tags">
      {tags.map((tag) => (
        <li>
          <a class="tag" href={tagWorksPath(tag.name)} safe>
            {tag.name}
          </a>
        </li>
      ))}
    </ul>
  )
}
