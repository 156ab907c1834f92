import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  TEXT_SIZE_COOKIE,
  TEXT_SIZES,
  THEME_COOKIE,
  THEMES,
  type TextSize,
  type Theme,
} from '../reader-preferences.js'
import { returnPath } from '../return-path.js'

const A_YEAR_IN_SECONDS = 365 * 24 * 60 * 60
const COOKIE = { path: '/', maxAge: A_YEAR_IN_SECONDS, httpOnly: true, sameSite: 'lax' } as const

const PreferencesQuery = Type.Object({
  theme: Type.Optional(Type.Unsafe<Theme>(Type.String({ enum: [...THEMES] }))),
  size: Type.Optional(Type.Unsafe<TextSize>(Type.String({ enum: [...TEXT_SIZES] }))),
  return: Type.Optional(Type.String({ maxLength: 2048 })),
})

/**
 * Saves the reader's theme and text size, then goes back to the page they were on. A GET on
 * purpose: it changes only how this browser shows pages, like a language switcher, so a forged
 * request can do no harm worth a CSRF token, and the form works without JavaScript or a session.
 */
export const preferenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/preferences', { schema: { querystring: PreferencesQuery } }, async (request, reply) => {
    const { theme, size } = request.query
    if (theme !== undefined) reply.setCookie(THEME_COOKIE, theme, COOKIE)
    if (size !== undefined) reply.setCookie(TEXT_SIZE_COOKIE, size, COOKIE)
    return reply.header('cache-control', 'no-store').redirect(returnPath(request.query.return), 303)
  })
}
