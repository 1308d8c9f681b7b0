import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { existsSync, readdirSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import fastifyStatic from '@fastify/static'

/** Hashed build output: its name changes with its content, so a browser may keep it for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Precompressed twins written by the build (vite.config.ts), served in place of the file. */
const TWINS = /\.(br|gz)$/

/** Every file under `dir`, as paths relative to it with `/` separators. */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = resolve(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(path, root)
    return entry.isFile() ? [relative(root, path).split(sep).join('/')] : []
  })
}

/**
 * Serves the built SPA at `/` when its build exists, with index.html for every non-API path so
 * deep links work. Hashed assets are cached for a year; index.html never. The build's `.br` and
 * `.gz` twins are sent to browsers that accept them (`preCompressed`), so nothing is compressed
 * per request.
 *
 * The files are outside the global rate limit: on PostgreSQL that limit is one upsert of the
 * client's row per request (plugins/rate-limit-store.ts), and a cold load of the ledger fetches
 * some 80 files at once, whose upserts queued on that one row and on the pool ahead of the
 * page's /auth/refresh and /me. A file costs a read of the disk cache; the API stays limited.
 */
export default fp(
  async function webPlugin(app: FastifyInstance, opts: { root: string }) {
    const root = resolve(opts.root)
    if (!existsSync(resolve(root, 'index.html'))) {
      app.log.warn({ root }, 'SPA build not found; serving the API only')
      return
    }
    // serve: false, only the sendFile decorator: the routes below are one per built file, so the
    // catch-all only ever answers paths that are not files (SPA routes).
    await app.register(fastifyStatic, {
      root,
      serve: false,
      index: false,
      preCompressed: true,
      setHeaders: (reply, path) => {
        void reply.header('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache')
      },
    })
    const route = { schema: { hide: true }, config: { rateLimit: false } }
    for (const file of filesUnder(root)) {
      if (TWINS.test(file) || file === 'index.html') continue
      app.get(`/${file}`, route, (_req, reply) => reply.sendFile(file))
    }
    const spa = (reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html')
    app.get('/', route, (_req, reply) => spa(reply))
    app.get('/*', route, async (request, reply) => {
      const path = request.url.split('?')[0] ?? ''
      if (path.startsWith('/api/')) return reply.callNotFound()
      return spa(reply)
    })
  },
  { name: 'web' },
)
