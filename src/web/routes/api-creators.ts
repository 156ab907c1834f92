import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { QuireError } from '../../domain/errors.js'
import type { Store } from '../../store/store.js'
import { ApiErrorJson, listingToJson, WorkListingJson } from '../api-schemas.js'
import { creatorPath } from '../creator-path.js'
import { CreatorParams, findCreatorAndWorks } from '../creator-works.js'

const CreatorQuery = Type.Object({
  after: Type.Optional(Type.String({ maxLength: 100, description: 'The `older` cursor of the page before' })),
  before: Type.Optional(Type.String({ maxLength: 100, description: 'The `newer` cursor of the page after' })),
})

/** `GET /api/v1/creators/:name`. */
export const CreatorJson = Type.Object({
  name: Type.String(),
  workCount: Type.Integer({ minimum: 0 }),
  works: Type.Array(WorkListingJson, { description: 'Newest update first, 20 a page' }),
  newerCount: Type.Integer({ minimum: 0, description: 'How many of their works come before this page' }),
  newer: Type.Union([Type.String(), Type.Null()], { description: 'Give as `before` for the newer page' }),
  older: Type.Union([Type.String(), Type.Null()], { description: 'Give as `after` for the older page' }),
}, { description: 'The creator and one page of their works' })

/** `/api/v1/creators/:name`: a creator and a keyset page of their works, as their page shows. */
export const apiCreatorRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/v1/creators/:name',
    {
      schema: {
        summary: 'A creator and a page of their works, newest update first',
        tags: ['creators'],
        params: CreatorParams,
        querystring: CreatorQuery,
        response: { 200: CreatorJson, 400: ApiErrorJson, 404: ApiErrorJson },
      },
    },
    async (request, reply) => {
      const path = (name: string) => `/api/v1${creatorPath(name)}`
      const found = await findCreatorAndWorks(store, request.params.name, request.query, path)
      if (found.kind === 'unknown') {
        throw new QuireError('QUIRE_CREATOR_NOT_FOUND', `no creator is named "${found.name}"`)
      }
      if (found.kind === 'elsewhere') return reply.redirect(found.location, 301)
      const { creator, page } = found
      return {
        name: creator.name,
        workCount: creator.workCount,
        works: page.works.map(listingToJson),
        newerCount: page.newerCount,
        newer: page.newer,
        older: page.older,
      }
    },
  )
}
