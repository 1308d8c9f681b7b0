import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../db/client.js'
import { AppError } from '../errors.js'
import { ANONYMOUS, type Ctx } from '../lib/context.js'
import type { AuthService } from '../modules/auth/index.js'
import { recordAudit } from '../modules/audit/index.js'
import { POLICY, policyKey, type RoutePolicy } from '../policy.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The actor and request facts every service call receives. */
    ctx: Ctx
  }
  interface FastifyContextConfig {
    /** Set from the policy table when the route registers. */
    policy?: RoutePolicy
  }
}

export interface AuthPluginOptions {
  db: Db
  auth: AuthService
}

function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization
  if (!h) return null
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(h)
  return m ? m[1]! : ''
}

/**
 * Authentication and route-level authorisation, in one place, before any handler runs: every
 * /api/v1 route must have a row in the policy table (registration fails otherwise); the row says
 * which roles (people) and scopes (API clients) may call it. Objects are then scoped by the
 * services with the actor set here.
 */
export default fp(
  async function authPlugin(app: FastifyInstance, opts: AuthPluginOptions) {
    app.decorateRequest('ctx', null as unknown as Ctx)

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/v1')) return
      for (const method of ([] as string[]).concat(route.method)) {
        // Fastify's automatic HEAD routes answer like their GET: they get its row.
        const policy = POLICY[policyKey(method === 'HEAD' ? 'GET' : method, route.url)]
        if (!policy)
          throw new Error(`No policy row for ${policyKey(method, route.url)} (src/policy.ts)`)
        route.config = { ...(route.config ?? {}), policy }
      }
    })

    // RFC 6750 §3: a 401 of a protected route (or of any route that was sent a bearer token)
    // tells the client how to authenticate, and why a token it sent was refused.
    app.addHook('onSend', async (request, reply) => {
      if (reply.statusCode !== 401) return
      const policy = request.routeOptions.config.policy
      const token = bearer(request)
      if (!policy || (policy.roles === 'public' && token === null)) return
      if (reply.hasHeader('www-authenticate')) return
      void reply.header(
        'www-authenticate',
        token === null ? 'Bearer realm="rectify"' : 'Bearer realm="rectify", error="invalid_token"',
      )
    })

    app.addHook('onRequest', async (request) => {
      request.ctx = {
        actor: ANONYMOUS,
        meta: {
          requestId: request.id,
          ip: request.ip,
          userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
        },
      }
      const policy = request.routeOptions.config.policy
      if (!policy) return // not an API route (static files, docs, 404s)
      // A public route may take another scheme (the token endpoint's HTTP Basic): not ours.
      const other =
        policy.roles === 'public' && /^Basic\s/i.test(request.headers.authorization ?? '')
      const token = other ? null : bearer(request)
      if (token) {
        const actor = await opts.auth.authenticate(token)
        if (!actor) throw new AppError('unauthorized', 'Invalid or expired access token')
        request.ctx.actor = actor
      } else if (token === '') {
        throw new AppError('unauthorized', 'Malformed Authorization header')
      }
      if (policy.roles === 'public') return
      const { actor } = request.ctx
      if (actor.type === 'anonymous') throw new AppError('unauthorized')
      const allowed =
        actor.type === 'user'
          ? actor.roles.some((r) => (policy.roles as readonly string[]).includes(r))
          : !!policy.scopes && policy.scopes.every((s) => actor.scopes.includes(s))
      if (!allowed) {
        await opts.db.transaction((tx) =>
          recordAudit(tx, request.ctx, {
            action: 'authz.denied',
            entityType: 'route',
            entityId: policyKey(request.method, request.routeOptions.url ?? request.url),
          }),
        )
        throw new AppError('forbidden', 'Your role may not do this')
      }
    })
  },
  { name: 'auth', dependencies: ['errors'] },
)
