import Fastify from 'fastify'
import { TypeBoxValidatorCompiler, registerAjvFormats } from '@fastify/type-provider-typebox'
import type { Config } from './config.js'
import { versionEtag } from './lib/http.js'
import { compileOnFirstUse } from './lib/lazy-compile.js'
import { uuidv7 } from './lib/ids.js'
import { clientErrorHandler } from './plugins/errors.js'

registerAjvFormats()

/**
 * The Fastify instance before any plugin: logging (credentials redacted), request ids, body
 * size and time limits, TypeBox validation, JSON only, and the hooks every answer passes.
 */
export function httpServer(config: Config) {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : uuidv7()
    },
    requestIdHeader: false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    // Node enforces requestTimeout only when given to the server's constructor (Fastify sets it
    // afterwards, when it no longer counts), and checks every 30 s by default: check every ≤ 5 s.
    http: {
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(5000, config.REQUEST_TIMEOUT_MS / 2),
    },
    connectionTimeout: config.REQUEST_TIMEOUT_MS * 2,
    trustProxy: config.TRUST_PROXY,
    // Both answer with problem+json (plugins/errors.ts) instead of Fastify's plain JSON.
    return503OnClosing: false,
    clientErrorHandler,
    forceCloseConnections: 'idle',
  }).withTypeProvider()
  // TypeBox validates: unknown body fields are refused, nothing is coerced in bodies. Each
  // route's validators compile on its first request (lib/lazy-compile.ts).
  app.setValidatorCompiler(compileOnFirstUse(app, TypeBoxValidatorCompiler))
  // JSON in and out; a text body is a client error (415), not a string to validate.
  app.removeContentTypeParser('text/plain')
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id)
  })
  // ETag "<version>-<digest>" on answers marked by withEtag, and 304 on a matching If-None-Match.
  app.addHook('onSend', versionEtag)
  return app
}
