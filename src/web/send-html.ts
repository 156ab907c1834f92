import type { FastifyReply } from 'fastify'

/** Sends a rendered page; pages may differ by the reader's cookies, so caches keep them private. */
export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'private, no-cache')
    .send(html)
}
