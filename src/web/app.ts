import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Store } from '../store/store.js'
import { installErrorHandler } from './error-handler.js'
import { workRoutes } from './routes/works.js'

export type AppOptions = Readonly<{ store: Store; logger: boolean }>

/** The Fastify app, ready to listen or to `inject` in tests. */
export async function buildApp({ store, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger }).withTypeProvider<TypeBoxTypeProvider>()
  installErrorHandler(app)
  await app.register(workRoutes, { store })
  return app
}
