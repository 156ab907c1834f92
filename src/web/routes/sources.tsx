import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { QuireError } from '../../domain/errors.js'
import type { SourceId, SourceSummary, StoredSource } from '../../domain/stored-source.js'
import type { Work } from '../../domain/work.js'
import type { Store } from '../../store/store.js'
import { installHtmlErrorHandler } from '../html-error-handler.js'
import { readerPreferences } from '../reader-preferences.js'
import { readingConsent, readingGate } from '../reading-consent.js'
import { sendHtml } from '../send-html.js'
import { sendSource } from '../source-download.js'
import { SourceListPage } from '../views/source-list-page.js'
import { findWorkOrThrow, WorkParams } from '../work-params.js'

const SourceParams = Type.Object({
  workId: WorkParams.properties.workId,
  sourceId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
})

/** The original files of a rescued work, byte for byte: one file, or a list when several. */
export const sourceRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  installHtmlErrorHandler(app)

  app.get('/works/:workId/source', { schema: { params: WorkParams } }, async (request, reply) => {
    const { work, sources } = await findSources(store, request.params.workId, request.cookies)
    if (work === null) return reply.redirect(`/works/${request.params.workId}`, 303)
    const [only, second] = sources
    if (only !== undefined && second === undefined) {
      return sendSource(reply, await findSourceOrThrow(store, work.id, only.id))
    }
    const preferences = readerPreferences(request.cookies)
    const page = await (
      <SourceListPage work={work} sources={sources} preferences={preferences} path={request.url} />
    )
    return sendHtml(reply, page)
  })

  app.get(
    '/works/:workId/sources/:sourceId',
    { schema: { params: SourceParams } },
    async (request, reply) => {
      const { workId, sourceId } = request.params
      const { work } = await findSources(store, workId, request.cookies)
      if (work === null) return reply.redirect(`/works/${workId}`, 303)
      return sendSource(reply, await findSourceOrThrow(store, workId, sourceId as SourceId))
    },
  )
}

type WorkSources = Readonly<{ work: Work | null; sources: readonly SourceSummary[] }>

async function findSourceOrThrow(store: Store, workId: Work['id'], sourceId: SourceId): Promise<StoredSource> {
  const source = await store.sources.findOfWork(workId, sourceId)
  if (source === undefined) {
    throw new QuireError('QUIRE_SOURCE_NOT_FOUND', `work ${workId} has no source ${String(sourceId)}`)
  }
  return source
}

// A source holds the whole text, so it waits behind the same choice as the work's pages: a
// reader who has not made it yet (work: null) is sent to the work, which asks.
async function findSources(
  store: Store,
  workId: Work['id'],
  cookies: Readonly<Record<string, string | undefined>>,
): Promise<WorkSources> {
  const work = await findWorkOrThrow(store, workId)
  if (readingGate(work, readingConsent({}, cookies)) !== null) return { work: null, sources: [] }
  const sources = await store.sources.listByWork(workId)
  if (sources.length === 0) {
    throw new QuireError('QUIRE_SOURCE_NOT_FOUND', `work ${workId} was not imported from a file`)
  }
  return { work, sources }
}
