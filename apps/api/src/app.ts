import Fastify, { type FastifyInstance } from 'fastify'
import { TypeBoxValidatorCompiler, registerAjvFormats } from '@fastify/type-provider-typebox'
import { dataDir, type Config } from './config.js'
import { configureAuditHash } from './lib/crypto/audit-hash.js'
import { openFieldCipher } from './lib/crypto/data-keys.js'
import type { FieldCipher } from './lib/crypto/field-cipher.js'
import type { Database } from './db/client.js'
import { versionEtag } from './lib/http.js'
import { uuidv7 } from './lib/ids.js'
import errorsPlugin, { clientErrorHandler } from './plugins/errors.js'
import inputPlugin from './plugins/input.js'
import securityPlugin from './plugins/security.js'
import openapiPlugin from './plugins/openapi.js'
import sharedSchemasPlugin from './plugins/shared-schemas.js'
import authPlugin from './plugins/auth.js'
import idempotencyPlugin from './plugins/idempotency.js'
import webPlugin from './plugins/web.js'
import fastifyJwt from '@fastify/jwt'
import { jobRunner } from './lib/jobs.engine.js'
import type { ModuleRegistration, SharedDeps } from './lib/modules.js'
import { acceptanceModule } from './modules/acceptance/index.js'
import { accountabilityModule } from './modules/accountability/index.js'
import { auditModule } from './modules/audit/index.js'
import { accessTokenJwtOptions, authModule } from './modules/auth/index.js'
import { bulletinModule } from './modules/bulletin/index.js'
import { cardsModule } from './modules/cards/index.js'
import { changesModule } from './modules/changes/index.js'
import { clientsModule } from './modules/clients/index.js'
import { dashboardModule } from './modules/dashboard/index.js'
import { dispatchModule } from './modules/dispatch/index.js'
import { dossierModule } from './modules/dossier/index.js'
import { exportsModule } from './modules/exports/index.js'
import { filesModule, type FileStore } from './modules/files/index.js'
import { housekeepingModule } from './modules/housekeeping/index.js'
import { inboxModule } from './modules/inbox/index.js'
import { inspectionsModule } from './modules/inspections/index.js'
import { institutionsModule } from './modules/institutions/index.js'
import { measuresModule } from './modules/measures/index.js'
import { noticesModule } from './modules/notices/index.js'
import { petitionsModule } from './modules/petitions/index.js'
import { problemImportModule } from './modules/problem-import/index.js'
import { problemsModule } from './modules/problems/index.js'
import { progressImportModule } from './modules/progress-import/index.js'
import { publicModule } from './modules/public/index.js'
import { publicReportsModule } from './modules/public-reports/index.js'
import { remindersModule } from './modules/reminders/index.js'
import { reportsModule } from './modules/reports/index.js'
import { roundsModule } from './modules/rounds/index.js'
import { sweepsModule } from './modules/sweeps/index.js'
import { systemModule } from './modules/system/index.js'
import { unitsModule } from './modules/units/index.js'
import { usersModule } from './modules/users/index.js'
import { webhooksModule } from './modules/webhooks/index.js'

export interface AppDeps {
  database: Database
  signingKey: Uint8Array
  /** Built SPA to serve at `/` (omitted: API only). */
  webRoot?: string
  /** Extra routes for the bench, registered only when the bench starts the server. */
  extraRoutes?: (app: FastifyInstance) => Promise<void>
  /**
   * Seals and opens personal data (lib/crypto). server.ts opens it at start, before seeding;
   * absent (tests, the bench), it is opened here from the configuration the same way.
   */
  cipher?: FieldCipher
  /** Where evidence bytes live (default: the store FILE_STORE chooses, see fileStoreFor). */
  fileStore?: FileStore
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
  // TypeBox validates: unknown body fields are refused, nothing is coerced in bodies.
  app.setValidatorCompiler(TypeBoxValidatorCompiler)
  // JSON in and out; a text body is a client error (415), not a string to validate.
  app.removeContentTypeParser('text/plain')
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id)
  })
  // ETag "<version>-<digest>" on answers marked by withEtag, and 304 on a matching If-None-Match.
  app.addHook('onSend', versionEtag)

  const { database } = deps
  const { db } = database
  const cipher = deps.cipher ?? (await openFieldCipher(database, config, dataDir(config))).cipher
  await configureAuditHash(database, config.CRYPTO_SUITE)
  // Access tokens are signed and verified by @fastify/jwt (app.jwt), with every check pinned.
  await app.register(
    fastifyJwt,
    accessTokenJwtOptions(deps.signingKey, config.ACCESS_TOKEN_TTL_SECONDS),
  )
  const shared: SharedDeps = {
    config,
    database,
    db,
    cipher,
    signingKey: deps.signingKey,
    log: app.log,
  }

  // The domain modules, in the order their routes are registered; one that builds on another
  // takes that one's registration.
  const auth = authModule(shared, app.jwt)
  const files = filesModule(shared, deps.fileStore)
  const problems = problemsModule(shared)
  const reports = reportsModule(shared)
  const cards = cardsModule(shared)
  const modules: ModuleRegistration[] = [
    systemModule(shared),
    auth,
    unitsModule(shared),
    usersModule(shared, { auth }),
    clientsModule(shared),
    auditModule(shared),
    changesModule(shared),
    roundsModule(shared),
    problems,
    measuresModule(shared),
    files,
    reports,
    dossierModule(shared, { files }),
    acceptanceModule(shared, { problems }),
    publicModule(shared),
    publicReportsModule(shared, { files, problems }),
    inboxModule(shared),
    noticesModule(shared, { files }),
    inspectionsModule(shared, { files, problems }),
    accountabilityModule(shared, { files }),
    dispatchModule(shared),
    cards,
    webhooksModule(shared),
    petitionsModule(shared, { files, problems }),
    sweepsModule(shared, { problems }),
    institutionsModule(shared, { files }),
    dashboardModule(shared),
    exportsModule(shared),
    bulletinModule(shared, { problems, cards }),
    problemImportModule(shared, { files, problems }),
    progressImportModule(shared, { files, reports }),
    remindersModule(shared),
    housekeepingModule(shared, { files }),
  ]

  // The modules' scheduled jobs on the job engine (lib/jobs.engine.ts): pg-boss on PostgreSQL,
  // the in-process scheduler on PGlite.
  const jobs = jobRunner(
    database,
    modules.flatMap((m) => m.jobs),
    app.log,
  )
  app.decorate('jobs', jobs)
  app.addHook('onReady', async () => jobs.start())
  app.addHook('onClose', () => jobs.stop())
  // The S3 client's sockets, when this app made the store (a store passed in is its owner's).
  if (!deps.fileStore) app.addHook('onClose', () => files.store.close?.())

  // Infrastructure
  await app.register(errorsPlugin)
  await app.register(inputPlugin)
  await app.register(securityPlugin, { config, database })
  await app.register(sharedSchemasPlugin)
  await app.register(openapiPlugin)
  await app.register(authPlugin, { db, auth: auth.service })
  await app.register(idempotencyPlugin, { db })

  // Domain modules, all under /api/v1
  for (const module of modules) {
    for (const { plugin, options } of module.routes) {
      await app.register(plugin, { prefix: '/api/v1', ...options })
    }
  }
  if (deps.extraRoutes) await app.register(deps.extraRoutes)

  // The SPA last, so its catch-all never shadows an API route
  if (deps.webRoot) await app.register(webPlugin, { root: deps.webRoot })
  return app
}
