// The reference for the archive benchmark: a bare Fastify route answering a fixed 2 KB page,
// in a process of its own as the archive's server is. Prints its address when listening.
import Fastify from 'fastify'

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quire</title></head><body>${'<p>Quire reference page.</p>'.repeat(72)}</body></html>`.slice(0, 2048)

const app = Fastify({ logger: false })
app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE))
const address = await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`listening ${address}\n`)
process.once('SIGTERM', () => void app.close())
