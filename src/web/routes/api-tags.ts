import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { QuireError } from '../../domain/errors.js'
import { TAG_KINDS } from '../../domain/tag.js'
import type { LiveTagIndex } from '../../search/tag-index-load.js'
import type { Store } from '../../store/store.js'
import { tagFromParam, TagParams } from '../tag-param.js'
import { findTagSummary, type TagSummary } from '../tag-summary.js'

const TagKindJson = Type.Enum(TAG_KINDS, { description: 'The tag kind, such as fandom or freeform' })
const TagRefJson = Type.Object({ name: Type.String(), kind: TagKindJson })

/** `/api/v1/tags/:tag`: a tag and its wrangling, as its page shows them. */
export const TagJson = Type.Object({
  name: Type.String(),
  kind: TagKindJson,
  canonical: Type.Boolean({ description: 'False for a synonym, whose works are listed under canonicalTag' }),
  canonicalTag: Type.Union([Type.String(), Type.Null()], {
    description: 'The canonical tag a synonym belongs to; null for a canonical tag',
  }),
  synonyms: Type.Array(Type.String(), { description: 'Tags that are synonyms of this one, by name' }),
  parents: Type.Array(Type.Object({ name: Type.String(), kind: Type.Enum([...TAG_KINDS, 'media']) }), {
    description: "A character's or relationship's fandoms, a metatag, and a fandom's media (kind media)",
  }),
  children: Type.Array(TagRefJson, {
    description: "Subtags, and a fandom's relationships and characters; up to 1,000 of each kind",
  }),
  works: Type.Integer({
    minimum: 0,
    description: "How many works /tags/<tag>/works lists: a synonym's are its canonical tag's",
  }),
})

const ErrorJson = Type.Object({ error: Type.String(), message: Type.String() })

/** The read-only JSON for one tag; kept apart from api.ts, which holds the works. */
export const apiTagRoutes: FastifyPluginAsyncTypebox<{ store: Store; tagIndex: LiveTagIndex }> = async (
  app,
  { store, tagIndex },
) => {
  app.get(
    '/api/v1/tags/:tag',
    { schema: { params: TagParams, response: { 200: TagJson, 404: ErrorJson } } },
    async (request) => {
      const name = tagFromParam(request.params.tag)
      const summary = await findTagSummary(store, tagIndex, name)
      if (summary === undefined) throw new QuireError('QUIRE_TAG_NOT_FOUND', `no tag named "${name}"`)
      return tagToJson(summary)
    },
  )
}

function tagToJson({ page, works }: TagSummary) {
  return {
    name: page.tag.name,
    kind: page.tag.kind,
    canonical: page.canonical === null,
    canonicalTag: page.canonical?.name ?? null,
    synonyms: page.synonyms.items.map((synonym) => synonym.name),
    parents: page.parents.map(({ name, kind }) => ({ name, kind })),
    children: page.children.flatMap((group) => group.items.map(({ name, kind }) => ({ name, kind }))),
    works,
  }
}
