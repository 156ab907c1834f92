import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'

/** Where the OpenAPI document of the JSON API is served. */
export const OPENAPI_PATH = '/api/v1/openapi.json'

const API_PREFIX = '/api/v1/'

/**
 * Publishes the JSON API's routes, their parameters and answers as an OpenAPI 3.1 document
 * (3.1, because its schemas are JSON Schema, so TypeBox's `anyOf [string, null]` goes in as
 * written). Registered before any route, since @fastify/swagger collects routes as they are
 * added. Pages, feeds and the document itself stay out: only what is under /api/v1/ is API,
 * decided by address here so a new page needs no `hide` of its own.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Quire',
        version: '1',
        description:
          'The read-only JSON API of a Quire fan fiction archive: filtered listings with exact counts and facets, whole works, and search inside the story text.',
      },
      tags: [
        { name: 'works', description: 'Listings and works' },
        { name: 'search', description: 'Search inside the story text' },
        { name: 'tags', description: 'Tags and their wrangling' },
        { name: 'creators', description: 'Creators and their works' },
      ],
    },
    transform: ({ schema, url }) => {
      const isApi = url.startsWith(API_PREFIX) && url !== OPENAPI_PATH
      // A copy: the route's own schema still validates its requests.
      return { schema: isApi ? schema : { ...schema, hide: true }, url }
    },
  })
  app.get(OPENAPI_PATH, { schema: { hide: true } }, () => app.swagger())
}
