import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Store } from '../../store/store.js'
import { installHtmlErrorHandler } from '../html-error-handler.js'
import { readWork, ReadingQuery } from '../read-work.js'
import { ChapterParams, findChapterOrThrow, findWorkOrThrow, WorkParams } from '../work-params.js'

/** A work to read: its page (chapter 1, or the entire work) and each chapter's page. */
export const workPageRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (
  app,
  { store },
) => {
  installHtmlErrorHandler(app)

  app.get(
    '/works/:workId',
    { schema: { params: WorkParams, querystring: ReadingQuery } },
    async (request, reply) => {
      const work = await findWorkOrThrow(store, request.params.workId)
      if (request.query.view_full_work === 'true') {
        return readWork(store, work, { kind: 'entire' }, request, reply)
      }
      const chapter = findChapterOrThrow(work, 1)
      return readWork(store, work, { kind: 'chapter', chapter }, request, reply)
    },
  )

  app.get(
    '/works/:workId/chapters/:position',
    { schema: { params: ChapterParams, querystring: ReadingQuery } },
    async (request, reply) => {
      const work = await findWorkOrThrow(store, request.params.workId)
      const chapter = findChapterOrThrow(work, request.params.position)
      return readWork(store, work, { kind: 'chapter', chapter }, request, reply)
    },
  )
}
