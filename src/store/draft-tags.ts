import { ARCHIVE_WARNING_NAMES } from '../domain/archive-warning.js'
import { CATEGORY_NAMES } from '../domain/category.js'
import { RATING_NAMES } from '../domain/rating.js'
import { makeTagName, type TagKind, type TagName } from '../domain/tag.js'
import type { WorkDraft } from '../domain/work-draft.js'

/** A tag a draft asks for, before it has an id. */
export type DraftTag = Readonly<{ kind: TagKind; name: TagName; platonic: boolean }>

/**
 * A draft's tags in AO3's order: rating, warnings, categories, fandoms, relationships,
 * characters, freeforms.
 */
export function draftTags(draft: WorkDraft): DraftTag[] {
  const named = (kind: TagKind, name: string): DraftTag => ({
    kind,
    name: makeTagName(name),
    platonic: false,
  })
  return [
    named('rating', RATING_NAMES[draft.rating]),
    ...draft.archiveWarnings.map((warning) =>
      named('archive-warning', ARCHIVE_WARNING_NAMES[warning]),
    ),
    ...draft.categories.map((category) => named('category', CATEGORY_NAMES[category])),
    ...draft.fandoms.map((name) => named('fandom', name)),
    ...draft.relationships.map(({ name, platonic }) => ({
      kind: 'relationship' as const,
      name,
      platonic,
    })),
    ...draft.characters.map((name) => named('character', name)),
    ...draft.freeforms.map((name) => named('freeform', name)),
  ].filter((tag) => tag.name !== '')
}
