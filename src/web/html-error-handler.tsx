import type { FastifyError, FastifyInstance } from 'fastify'
import { QuireError } from '../domain/errors.js'
import { HTTP_STATUS } from './error-handler.js'
import { readerPreferences } from './reader-preferences.js'
import { sendHtml } from './send-html.js'
import { ErrorPage } from './views/error-page.js'

type ErrorAnswer = Readonly<{ status: number; heading: string; message: string }>

const NOT_FOUND =
  'There is nothing at this address. The work may have been removed, or the link mistyped.'

/**
 * For the pages people read: the same statuses as `error-handler.ts`, answered with a page
 * instead of JSON. An address whose path parameters cannot name anything (a work id that is
 * not a ULID) is a 404: no such page exists, whatever the reason.
 */
export function installHtmlErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError | QuireError | Error, request, reply) => {
    const answer = answerFor(error)
    if (answer.status >= 500) request.log.error({ err: error }, 'server error')
    const preferences = readerPreferences(request.cookies)
    const page = await (
      <ErrorPage heading={answer.heading} message={answer.message} preferences={preferences} />
    )
    return sendHtml(reply, page, answer.status)
  })
}

function answerFor(error: FastifyError | QuireError | Error): ErrorAnswer {
  if (error instanceof QuireError) {
    const status = HTTP_STATUS[error.code]
    if (status === 404) return { status, heading: 'Not found', message: NOT_FOUND }
    if (status < 500) return { status, heading: 'Something is wrong', message: error.message }
  } else if ('validationContext' in error && error.validationContext === 'params') {
    return { status: 404, heading: 'Not found', message: NOT_FOUND }
  } else if (
    'statusCode' in error &&
    typeof error.statusCode === 'number' &&
    error.statusCode < 500
  ) {
    return { status: error.statusCode, heading: 'Something is wrong', message: error.message }
  }
  return {
    status: 500,
    heading: 'Something went wrong',
    message: 'Something went wrong on our side. Please try again in a little while.',
  }
}
