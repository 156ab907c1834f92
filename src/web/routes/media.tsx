import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { LiveTagIndex } from '../../search/tag-index-load.js'
import type { Store } from '../../store/store.js'
import { findFandomDirectory } from '../fandom-directory.js'
import { installHtmlErrorHandler } from '../html-error-handler.js'
import { readerPreferences } from '../reader-preferences.js'
import { sendHtml } from '../send-html.js'
import { MediaPage } from '../views/media-page.js'

/** `/media`: the fandom directory, grouped by medium. */
export const mediaRoutes: FastifyPluginAsyncTypebox<{ store: Store; tagIndex: LiveTagIndex }> = async (
  app,
  { store, tagIndex },
) => {
  installHtmlErrorHandler(app)
  app.get('/media', async (request, reply) => {
    const groups = await findFandomDirectory(store, tagIndex)
    const preferences = readerPreferences(request.cookies)
    return sendHtml(reply, await (<MediaPage groups={groups} preferences={preferences} path={request.url} />))
  })
}
