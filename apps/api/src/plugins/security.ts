import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { Config } from '../config.js'
import type { Database } from '../db/client.js'
import { problem } from '../errors.js'
import { pgRateLimitStore } from './rate-limit-store.js'

/** HSTS: a year, subdomains included; sent only on responses that went out over HTTPS. */
const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * Security headers, CORS from an allow-list, and per-IP rate limits (a tighter one on the
 * credential routes, set in their route config), counted in PostgreSQL when the API runs on it,
 * so that they hold across instances (rate-limit-store.ts).
 */
export default fp(
  async function securityPlugin(
    app: FastifyInstance,
    opts: { config: Config; database: Database },
  ) {
    const { config, database } = opts
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // One policy for the SPA and the docs UI (/api/docs serves no inline script).
          // Element Plus and Swagger UI set inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          // City intranets often serve plain HTTP on a LAN address: never force https upgrades.
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
      // HSTS over plain HTTP is meaningless at best and, on an intranet's http:// address,
      // tells browsers to try https for a year: it is set below, for HTTPS requests only.
      strictTransportSecurity: false,
    })
    app.addHook('onSend', async (request, reply) => {
      // request.protocol is the socket's, or X-Forwarded-Proto when TRUST_PROXY trusts the proxy.
      if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS)
    })
    const origins = config.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean)
    await app.register(cors, {
      origin: origins.length ? origins : false,
      methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
      exposedHeaders: ['etag', 'location', 'retry-after', 'idempotent-replayed'],
      maxAge: 600,
    })
    await app.register(rateLimit, {
      global: true,
      max: config.RATE_LIMIT_MAX,
      timeWindow: 60_000,
      ...(database.kind === 'postgres' ? { store: pgRateLimitStore(database) } : {}),
      // With the counters' database unreachable, count nothing rather than fail every request
      // with a 500: whatever needs the database answers 503 on its own.
      skipOnError: true,
      errorResponseBuilder: (_req, ctx) => ({
        ...problem('rate_limited', `Too many requests; retry after ${Math.ceil(ctx.ttl / 1000)} s`),
        statusCode: 429,
      }),
    })
  },
  { name: 'security', dependencies: ['errors'] },
)
