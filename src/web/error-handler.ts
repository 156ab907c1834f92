import type { FastifyError, FastifyInstance } from 'fastify'
import { QuireError, type ErrorCode } from '../domain/errors.js'

/** Every error code picks its HTTP status here, so a new code cannot fall through to 500. */
export const HTTP_STATUS = {
  QUIRE_CONFIG_BAD_DATABASE_URL: 500,
  QUIRE_CONFIG_BAD_SIZE: 400,
  QUIRE_CONFIG_BAD_PORT: 500,
  QUIRE_CONFIG_BAD_PUBLIC_URL: 500,
  QUIRE_RESCUE_EMPTY: 422,
  QUIRE_RESCUE_BINARY: 415,
  QUIRE_RESCUE_BAD_ENCODING: 422,
  QUIRE_RESCUE_NO_STORY: 422,
  QUIRE_RESCUE_TOO_LARGE: 413,
  QUIRE_RESCUE_BAD_HEADER: 422,
  QUIRE_RESCUE_BAD_EPUB: 422,
  // A book that would inflate past the size limit: too large, however small its file.
  QUIRE_RESCUE_ZIP_BOMB: 413,
  // A mailbox of several stories: each must be rescued from a file of its own.
  QUIRE_RESCUE_MANY_STORIES: 422,
  QUIRE_RESCUE_BAD_ARCHIVE: 422,
  QUIRE_IMPORT_UNREADABLE: 400,
  // An address the archive may not reach (loopback, private, not http): the asker's to change.
  QUIRE_FETCH_REFUSED: 403,
  // The other server did not answer, or answered with an error.
  QUIRE_FETCH_FAILED: 502,
  QUIRE_WORK_NOT_FOUND: 404,
  QUIRE_WORK_BAD_EDIT: 400,
  QUIRE_CREATOR_NOT_FOUND: 404,
  QUIRE_SOURCE_NOT_FOUND: 404,
  QUIRE_SOURCE_AMBIGUOUS: 409,
  QUIRE_STORE_CONFLICT: 409,
  QUIRE_STORE_BAD_CURSOR: 400,
  QUIRE_SEARCH_EMPTY: 400,
  QUIRE_SEARCH_ONLY_EXCLUDED: 400,
  QUIRE_SEARCH_TOO_LONG: 400,
  QUIRE_SEARCH_TOO_MANY_TERMS: 400,
  QUIRE_SEARCH_SHORT_PREFIX: 400,
  // The query was too broad to answer in time: the reader can narrow it, so not a 5xx.
  QUIRE_SEARCH_TIMEOUT: 400,
  QUIRE_FILTER_TOO_MANY_TAGS: 400,
  QUIRE_FILTER_BAD_PARAM: 400,
  QUIRE_FILTER_BAD_PAGE: 400,
  QUIRE_FILTER_BAD_DATE: 400,
  QUIRE_TAG_NOT_FOUND: 404,
  QUIRE_TAG_BAD_LINK: 400,
} as const satisfies Record<ErrorCode, number>

/**
 * Answers a QuireError with its status and message, a validation error with 400, and anything
 * else with a bare 500 whose detail goes only to the log (it may hold SQL or paths).
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | QuireError | Error, request, reply) => {
    if (error instanceof QuireError) {
      const status = HTTP_STATUS[error.code]
      if (status >= 500) request.log.error({ err: error }, 'server error')
      return reply.status(status).send({ error: error.code, message: status < 500 ? error.message : 'server error' })
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500
    if (status < 500) return reply.status(status).send({ error: 'QUIRE_BAD_REQUEST', message: error.message })
    request.log.error({ err: error }, 'server error')
    return reply.status(500).send({ error: 'QUIRE_INTERNAL', message: 'server error' })
  })
}
