import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'

/**
 * Serves the built SPA at `/` when its build exists, with index.html for every non-API path so
 * deep links work. Hashed assets are cached for a year; index.html never.
 */
export default fp(
  async function webPlugin(app: FastifyInstance, opts: { root: string }) {
    const root = resolve(opts.root)
    if (!existsSync(resolve(root, 'index.html'))) {
      app.log.warn({ root }, 'SPA build not found; serving the API only')
      return
    }
    // wildcard: false registers one route per built file, so the catch-all below only ever
    // answers paths that are not files: SPA routes.
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      setHeaders: (reply, path) => {
        void reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
    const spa = (
      _req: unknown,
      reply: { header: (k: string, v: string) => unknown; sendFile: (f: string) => unknown },
    ) => {
      reply.header('cache-control', 'no-cache')
      return reply.sendFile('index.html')
    }
    app.get('/', { schema: { hide: true } }, spa as never)
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? ''
      if (path.startsWith('/api/')) return reply.callNotFound()
      return spa(request, reply as never)
    })
  },
  { name: 'web' },
)
