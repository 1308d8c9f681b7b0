import fastifyJwt from '@fastify/jwt'
import type { FastifyInstance } from 'fastify'
import { dataDir, type Config } from './config.js'
import type { Database } from './db/client.js'
import { httpServer } from './http-server.js'
import { configureAuditHash } from './lib/crypto/audit-hash.js'
import { openFieldCipher } from './lib/crypto/data-keys.js'
import { mountModules, type ModuleRegistration, type SharedDeps } from './lib/modules.js'
import { accessTokenJwtOptions } from './modules/auth/index.js'
import type { FileStore } from './modules/files/index.js'
import * as domain from './modules/index.js'
import authPlugin from './plugins/auth.js'
import errorsPlugin from './plugins/errors.js'
import idempotencyPlugin from './plugins/idempotency.js'
import inputPlugin from './plugins/input.js'
import openapiPlugin from './plugins/openapi.js'
import securityPlugin from './plugins/security.js'
import sharedSchemasPlugin from './plugins/shared-schemas.js'
import webPlugin from './plugins/web.js'

export interface AppDeps {
  database: Database
  signingKey: Uint8Array
  /** Built SPA to serve at `/` (omitted: API only). */
  webRoot?: string
  /** Extra routes for the bench, registered only when the bench starts the server. */
  extraRoutes?: (app: FastifyInstance) => Promise<void>
  /** Seals and opens personal data (lib/crypto); absent (tests, the bench), opened here. */
  cipher?: SharedDeps['cipher']
  /** Where evidence bytes live (default: the store FILE_STORE chooses, see fileStoreFor). */
  fileStore?: FileStore
}

/** Builds the whole application: infrastructure, then authentication, then the domain modules. */
export async function buildApp(config: Config, deps: AppDeps) {
  const app = httpServer(config)
  const { database, signingKey } = deps
  const { db, readDb } = database

  // Infrastructure
  const cipher = deps.cipher ?? (await openFieldCipher(database, config, dataDir(config))).cipher
  await configureAuditHash(database, config.CRYPTO_SUITE)
  await app.register(errorsPlugin)
  await app.register(inputPlugin)
  await app.register(securityPlugin, { config, database })
  await app.register(sharedSchemasPlugin)
  await app.register(openapiPlugin)
  const shared: SharedDeps = { config, database, db, readDb, cipher, signingKey, log: app.log }

  // Authentication: access tokens signed and verified by @fastify/jwt with every check pinned
  await app.register(fastifyJwt, accessTokenJwtOptions(signingKey, config.ACCESS_TOKEN_TTL_SECONDS))
  const auth = domain.auth(shared, app.jwt)
  await app.register(authPlugin, { db, auth: auth.service })
  await app.register(idempotencyPlugin, { db })

  // The domain modules in the order of their routes; one built on another takes its registration
  const files = domain.files(shared, deps.fileStore)
  const problems = domain.problems(shared)
  const reports = domain.reports(shared)
  const cards = domain.cards(shared)
  const modules: ModuleRegistration[] = [
    domain.system(shared),
    auth,
    domain.units(shared),
    domain.users(shared, { auth }),
    domain.clients(shared),
    domain.audit(shared),
    domain.changes(shared),
    domain.rounds(shared),
    problems,
    domain.measures(shared),
    files,
    reports,
    domain.dossier(shared, { files }),
    domain.acceptance(shared, { problems }),
    domain.public(shared),
    domain.publicReports(shared, { files, problems }),
    domain.inbox(shared),
    domain.notices(shared, { files }),
    domain.inspections(shared, { files, problems }),
    domain.accountability(shared, { files }),
    domain.dispatch(shared),
    cards,
    domain.webhooks(shared),
    domain.petitions(shared, { files, problems }),
    domain.sweeps(shared, { problems }),
    domain.institutions(shared, { files }),
    domain.dashboard(shared),
    domain.exports(shared),
    domain.bulletin(shared, { problems, cards }),
    domain.problemImport(shared, { files, problems }),
    domain.progressImport(shared, { files, reports }),
    domain.reminders(shared),
    domain.housekeeping(shared, { files }),
  ]
  await mountModules(app, database, modules)
  if (deps.extraRoutes) await app.register(deps.extraRoutes)

  // The SPA last, so its catch-all never shadows an API route
  if (deps.webRoot) await app.register(webPlugin, { root: deps.webRoot })
  return app
}
