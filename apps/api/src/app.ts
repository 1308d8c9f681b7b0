import Fastify, { type FastifyInstance } from 'fastify'
import { TypeBoxValidatorCompiler, registerAjvFormats } from '@fastify/type-provider-typebox'
import type { Config } from './config.js'
import type { Database } from './db/client.js'
import { uuidv7 } from './lib/ids.js'
import errorsPlugin from './plugins/errors.js'
import securityPlugin from './plugins/security.js'
import openapiPlugin from './plugins/openapi.js'
import authPlugin from './plugins/auth.js'
import idempotencyPlugin from './plugins/idempotency.js'
import webPlugin from './plugins/web.js'
import { TokenService } from './modules/auth/tokens.js'
import { AuthService } from './modules/auth/auth.service.js'
import { authRoutes } from './modules/auth/auth.routes.js'
import { UnitsService } from './modules/units/units.service.js'
import { unitsRoutes } from './modules/units/units.routes.js'
import { UsersService } from './modules/users/users.service.js'
import { usersRoutes } from './modules/users/users.routes.js'
import { ClientsService } from './modules/clients/clients.service.js'
import { clientsRoutes } from './modules/clients/clients.routes.js'
import { AuditService } from './modules/audit/audit.service.js'
import { auditRoutes } from './modules/audit/audit.routes.js'
import { systemRoutes } from './modules/system/system.routes.js'

export interface AppDeps {
  database: Database
  signingKey: Uint8Array
  /** Built SPA to serve at `/` (omitted: API only). */
  webRoot?: string
  /** Extra routes for the bench, registered only when the bench starts the server. */
  extraRoutes?: (app: FastifyInstance) => Promise<void>
}

registerAjvFormats()

/** Builds the whole application: infrastructure plugins, then authentication, then the domain modules. */
export async function buildApp(config: Config, deps: AppDeps) {
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
    connectionTimeout: config.REQUEST_TIMEOUT_MS * 2,
    trustProxy: config.TRUST_PROXY,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider()
  // TypeBox validates: unknown body fields are refused, nothing is coerced in bodies.
  app.setValidatorCompiler(TypeBoxValidatorCompiler)
  // JSON in and out; a text body is a client error (415), not a string to validate.
  app.removeContentTypeParser('text/plain')
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id)
  })

  const { database } = deps
  const { db } = database
  const tokens = new TokenService(deps.signingKey, config.ACCESS_TOKEN_TTL_SECONDS)
  const auth = new AuthService({ db, config, tokens })
  const units = new UnitsService(db)
  const users = new UsersService(db, auth)
  const clients = new ClientsService(db)
  const audit = new AuditService(db)

  // Infrastructure
  await app.register(errorsPlugin)
  await app.register(securityPlugin, { config })
  await app.register(openapiPlugin)
  await app.register(authPlugin, { db, auth })
  await app.register(idempotencyPlugin, { db })

  // Domain modules, all under /api/v1
  const prefix = '/api/v1'
  await app.register(systemRoutes, { prefix, database })
  await app.register(authRoutes, { prefix, auth, users, config })
  await app.register(unitsRoutes, { prefix, units })
  await app.register(usersRoutes, { prefix, users })
  await app.register(clientsRoutes, { prefix, clients })
  await app.register(auditRoutes, { prefix, audit })
  if (deps.extraRoutes) await app.register(deps.extraRoutes)

  // The SPA last, so its catch-all never shadows an API route
  if (deps.webRoot) await app.register(webPlugin, { root: deps.webRoot })
  return app
}
