import cookie from '@fastify/cookie'
import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { loadTagIndex } from '../search/tag-index-load.js'
import type { Store } from '../store/store.js'
import { installErrorHandler } from './error-handler.js'
import { registerOpenApi } from './openapi.js'
import { apiRoutes } from './routes/api.js'
import { apiCreatorRoutes } from './routes/api-creators.js'
import { apiTagRoutes } from './routes/api-tags.js'
import { creatorRoutes } from './routes/creators.js'
import { feedRoutes } from './routes/feeds.js'
import { mediaRoutes } from './routes/media.js'
import { searchRoutes } from './routes/search.js'
import { tagRoutes } from './routes/tags.js'
import { worksListingRoutes } from './routes/works-listing.js'
import { preferenceRoutes } from './routes/preferences.js'
import { sourceRoutes } from './routes/sources.js'
import { workPageRoutes } from './routes/work-pages.js'
import { workRoutes } from './routes/works.js'
import { TAG_PARAM_MAX } from './tag-param.js'

export type AppOptions = Readonly<{ store: Store; logger: boolean }>

/** The Fastify app, ready to listen or to `inject` in tests. */
export async function buildApp({ store, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, routerOptions: { maxParamLength: TAG_PARAM_MAX } }).withTypeProvider<TypeBoxTypeProvider>()
  installErrorHandler(app)
  await app.register(cookie)
  await registerOpenApi(app)
  await app.register(workPageRoutes, { store })
  await app.register(sourceRoutes, { store })
  await app.register(preferenceRoutes)
  // Built from the store at start, then kept in step with its change log on each listing.
  const tagIndex = await loadTagIndex(store.db)
  await app.register(workRoutes, { store, tagIndex })
  await app.register(apiRoutes, { store, tagIndex })
  await app.register(worksListingRoutes, { store, tagIndex })
  await app.register(tagRoutes, { store, tagIndex })
  await app.register(apiTagRoutes, { store, tagIndex })
  await app.register(mediaRoutes, { store, tagIndex })
  await app.register(searchRoutes, { store })
  await app.register(creatorRoutes, { store })
  await app.register(apiCreatorRoutes, { store })
  await app.register(feedRoutes, { store, tagIndex, publicUrl: process.env['QUIRE_PUBLIC_URL'] })
  return app
}
