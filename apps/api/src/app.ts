import Fastify, { type FastifyInstance } from 'fastify'
import { TypeBoxValidatorCompiler, registerAjvFormats } from '@fastify/type-provider-typebox'
import { dataDir, type Config } from './config.js'
import { configureAuditHash } from './lib/crypto/audit-hash.js'
import { openFieldCipher } from './lib/crypto/data-keys.js'
import type { FieldCipher } from './lib/crypto/field-cipher.js'
import type { Database } from './db/client.js'
import { versionEtag } from './lib/http.js'
import { uuidv7 } from './lib/ids.js'
import { workbookLimits } from './lib/workbook/index.js'
import errorsPlugin, { clientErrorHandler } from './plugins/errors.js'
import inputPlugin from './plugins/input.js'
import securityPlugin from './plugins/security.js'
import openapiPlugin from './plugins/openapi.js'
import sharedSchemasPlugin from './plugins/shared-schemas.js'
import authPlugin from './plugins/auth.js'
import idempotencyPlugin from './plugins/idempotency.js'
import webPlugin from './plugins/web.js'
import fastifyJwt from '@fastify/jwt'
import { TokenService, accessTokenJwtOptions } from './modules/auth/index.js'
import { AuthService } from './modules/auth/index.js'
import { authRoutes } from './modules/auth/index.js'
import { UnitsService } from './modules/units/index.js'
import { unitsRoutes } from './modules/units/index.js'
import { UsersService } from './modules/users/index.js'
import { usersRoutes } from './modules/users/index.js'
import { ClientsService } from './modules/clients/index.js'
import { clientsRoutes } from './modules/clients/index.js'
import { AuditService } from './modules/audit/index.js'
import { auditRoutes } from './modules/audit/index.js'
import { ChangesService } from './modules/changes/index.js'
import { changesRoutes } from './modules/changes/index.js'
import { systemRoutes } from './modules/system/index.js'
import { MeasuresService } from './modules/measures/index.js'
import { measuresRoutes } from './modules/measures/index.js'
import { publicReportFileAccess } from './modules/public-reports/index.js'
import { inspectionFileAccess } from './modules/inspections/index.js'
import { accountabilityFileAccess } from './modules/accountability/index.js'
import { noticeFileAccess } from './modules/notices/index.js'
import { petitionFileAccess } from './modules/petitions/index.js'
import { institutionFileAccess } from './modules/institutions/index.js'
import { ReportsService } from './modules/reports/index.js'
import { reportsRoutes } from './modules/reports/index.js'
import { DossierService } from './modules/dossier/index.js'
import { dossierRoutes } from './modules/dossier/index.js'
import { AcceptanceService } from './modules/acceptance/index.js'
import { acceptanceRoutes } from './modules/acceptance/index.js'
import { RoundsService } from './modules/rounds/index.js'
import { roundsRoutes } from './modules/rounds/index.js'
import { ProblemsService } from './modules/problems/index.js'
import { TransitionsService } from './modules/problems/index.js'
import { ExtensionsService } from './modules/problems/index.js'
import { OverviewService } from './modules/problems/index.js'
import { problemsRoutes } from './modules/problems/index.js'
import { lightsJob } from './modules/problems/index.js'
import { PublicBoardService } from './modules/public/index.js'
import { publicRoutes } from './modules/public/index.js'
import { PublicKeys } from './modules/public-reports/index.js'
import { PublicIntakeService } from './modules/public-reports/index.js'
import { intakeRoutes } from './modules/public-reports/index.js'
import { hotlineRoutes } from './modules/public-reports/index.js'
import { HotlineIntakeService } from './modules/public-reports/index.js'
import { PublicReportsService } from './modules/public-reports/index.js'
import { publicReportsRoutes } from './modules/public-reports/index.js'
import { WebhooksService } from './modules/webhooks/index.js'
import { webhooksRoutes } from './modules/webhooks/index.js'
import { WebhookDispatcher } from './modules/webhooks/index.js'
import { parseAllowedHosts } from './modules/webhooks/index.js'
import { DispatchService } from './modules/dispatch/index.js'
import { dispatchRoutes } from './modules/dispatch/index.js'
import { CardsService } from './modules/cards/index.js'
import { RankingsService } from './modules/cards/index.js'
import { cardsRoutes } from './modules/cards/index.js'
import { InspectionsService } from './modules/inspections/index.js'
import { inspectionsRoutes } from './modules/inspections/index.js'
import { AccountabilityService } from './modules/accountability/index.js'
import { accountabilityRoutes } from './modules/accountability/index.js'
import { NoticesService } from './modules/notices/index.js'
import { noticesRoutes } from './modules/notices/index.js'
import { InboxService } from './modules/inbox/index.js'
import { inboxRoutes } from './modules/inbox/index.js'
import { RemindersService, parseOffsets } from './modules/reminders/index.js'
import { remindersJob } from './modules/reminders/index.js'
import { fileStoreFor, FilesService, filesRoutes, type FileStore } from './modules/files/index.js'
import { PetitionImportService } from './modules/petitions/index.js'
import { petitionImportRoutes } from './modules/petitions/index.js'
import { PetitionsService } from './modules/petitions/index.js'
import { PetitionHandlingService } from './modules/petitions/index.js'
import { PetitionBatchesService } from './modules/petitions/index.js'
import { petitionsRoutes } from './modules/petitions/index.js'
import { PublicPetitionsService } from './modules/petitions/index.js'
import { petitionsPublicRoutes } from './modules/petitions/index.js'
import { SweepsService } from './modules/sweeps/index.js'
import { sweepsRoutes } from './modules/sweeps/index.js'
import { InstitutionsService } from './modules/institutions/index.js'
import { institutionsRoutes } from './modules/institutions/index.js'
import { publicInstitutionsRoutes } from './modules/institutions/index.js'
import { ProblemImportService } from './modules/problem-import/index.js'
import { LedgerExportService } from './modules/problem-import/index.js'
import { problemImportRoutes } from './modules/problem-import/index.js'
import { ProgressImportService } from './modules/progress-import/index.js'
import { progressImportRoutes } from './modules/progress-import/index.js'
import { ExportsService } from './modules/exports/index.js'
import { exportsRoutes } from './modules/exports/index.js'
import { BulletinService } from './modules/bulletin/index.js'
import { bulletinRoutes } from './modules/bulletin/index.js'
import { jobRunner } from './lib/jobs.engine.js'
import { housekeepingJobs } from './modules/housekeeping/index.js'
import { DashboardService } from './modules/dashboard/index.js'
import { dashboardRoutes } from './modules/dashboard/index.js'

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
  const tokens = new TokenService(app.jwt, config.ACCESS_TOKEN_TTL_SECONDS)
  const auth = new AuthService({ db, config, tokens })
  const units = new UnitsService(db)
  const users = new UsersService(db, auth)
  const clients = new ClientsService(db)
  const audit = new AuditService(db)
  const changes = new ChangesService(db, config.CHANGES_RETENTION_DAYS)
  const measures = new MeasuresService(db, config)
  const fileStore = deps.fileStore ?? fileStoreFor(config)
  // Who may read an attached file is decided by the module that owns the record.
  const files = new FilesService(db, fileStore, config.FILE_MAX_BYTES, {
    ...publicReportFileAccess,
    ...inspectionFileAccess,
    ...accountabilityFileAccess,
    ...noticeFileAccess,
    ...petitionFileAccess,
    ...institutionFileAccess,
  })
  const reports = new ReportsService(db, config)
  // The ledger: lights are computed with the configured tolerance and near-deadline window.
  const lightSettings = {
    tolerance: config.LIGHT_TOLERANCE_POINTS,
    nearDays: config.LIGHT_NEAR_DAYS,
  }
  const rounds = new RoundsService(db)
  const ledger = {
    problems: new ProblemsService(db, lightSettings),
    transitions: new TransitionsService(db, lightSettings),
    extensions: new ExtensionsService(db, lightSettings),
    overview: new OverviewService(db, lightSettings),
  }
  // Scheduled jobs (lib/jobs.engine.ts): pg-boss on PostgreSQL, each period's run once across
  // instances, retried with backoff; an in-process scheduler on PGlite. The lights against today
  // (every 30 s), webhook deliveries (WEBHOOK_INTERVAL_MS), reminders and escalation
  // (REMINDER_INTERVAL_SECONDS), the housekeeping purges (HOUSEKEEPING_INTERVAL_MINUTES); 0: off.
  const webhookHosts = parseAllowedHosts(config.WEBHOOK_ALLOW_HTTP_HOSTS)
  const reminders = new RemindersService(db, {
    offsets: parseOffsets(config.REMINDER_OFFSETS),
    catchUpDays: config.REMINDER_CATCH_UP_DAYS,
  })
  const webhookDispatcher = new WebhookDispatcher(db, app.log, {
    maxFailures: config.WEBHOOK_MAX_FAILURES,
    allowedHosts: webhookHosts,
  })
  const jobs = jobRunner(
    database,
    [
      lightsJob(db, lightSettings),
      ...(config.WEBHOOK_INTERVAL_MS ? [webhookDispatcher.job(config.WEBHOOK_INTERVAL_MS)] : []),
      ...(config.REMINDER_INTERVAL_SECONDS
        ? [remindersJob(reminders, config.REMINDER_INTERVAL_SECONDS * 1000)]
        : []),
      ...(config.HOUSEKEEPING_INTERVAL_MINUTES ? housekeepingJobs({ db, files, config }) : []),
    ],
    app.log,
  )
  app.decorate('jobs', jobs)
  app.addHook('onReady', async () => jobs.start())
  app.addHook('onClose', () => jobs.stop())
  // The S3 client's sockets, when this app made the store (a store passed in is its owner's).
  if (!deps.fileStore) app.addHook('onClose', () => fileStore.close?.())

  // Infrastructure
  await app.register(errorsPlugin)
  await app.register(inputPlugin)
  await app.register(securityPlugin, { config, database })
  await app.register(sharedSchemasPlugin)
  await app.register(openapiPlugin)
  await app.register(authPlugin, { db, auth })
  await app.register(idempotencyPlugin, { db })

  // Domain modules, all under /api/v1
  const prefix = '/api/v1'
  await app.register(systemRoutes, { prefix, database })
  await app.register(authRoutes, { prefix, auth, config })
  await app.register(unitsRoutes, { prefix, units })
  await app.register(usersRoutes, { prefix, users })
  await app.register(clientsRoutes, { prefix, clients })
  await app.register(auditRoutes, { prefix, audit })
  await app.register(changesRoutes, { prefix, changes })
  await app.register(roundsRoutes, { prefix, rounds })
  await app.register(problemsRoutes, { prefix, ...ledger })
  await app.register(measuresRoutes, { prefix, measures })
  await app.register(filesRoutes, { prefix, files, maxBytes: config.FILE_MAX_BYTES })
  await app.register(reportsRoutes, { prefix, reports })
  await app.register(dossierRoutes, { prefix, dossier: new DossierService(db, fileStore) })
  await app.register(acceptanceRoutes, {
    prefix,
    acceptance: new AcceptanceService(db, lightSettings),
  })
  // The public board (no login, cached, rate limited) and public reports with the office's triage
  await app.register(publicRoutes, {
    prefix,
    board: new PublicBoardService(db),
    cacheSeconds: config.PUBLIC_CACHE_SECONDS,
    rateLimitMax: config.PUBLIC_RATE_LIMIT_MAX,
  })
  await app.register(intakeRoutes, {
    prefix,
    intake: new PublicIntakeService(db, new PublicKeys(deps.signingKey), cipher, files, {
      challengeBits: config.PUBLIC_CHALLENGE_BITS,
      photoMaxBytes: config.PUBLIC_FILE_MAX_BYTES,
    }),
    photoMaxBytes: config.PUBLIC_FILE_MAX_BYTES,
    limits: {
      read: config.PUBLIC_RATE_LIMIT_MAX,
      report: config.PUBLIC_REPORT_RATE_LIMIT_MAX,
      upload: config.PUBLIC_UPLOAD_RATE_LIMIT_MAX,
    },
  })
  await app.register(hotlineRoutes, {
    prefix,
    hotline: new HotlineIntakeService(db, new PublicKeys(deps.signingKey), cipher),
    limit: config.INTAKE_RATE_LIMIT_MAX,
  })
  await app.register(publicReportsRoutes, {
    prefix,
    publicReports: new PublicReportsService(db, ledger.problems, lightSettings, cipher),
  })
  await app.register(inboxRoutes, { prefix, inbox: new InboxService(db) })
  await app.register(noticesRoutes, { prefix, notices: new NoticesService(db) })
  await app.register(inspectionsRoutes, {
    prefix,
    inspections: new InspectionsService(db, ledger.problems),
  })
  await app.register(accountabilityRoutes, {
    prefix,
    accountability: new AccountabilityService(db),
  })
  await app.register(dispatchRoutes, { prefix, dispatch: new DispatchService({ db }) })
  await app.register(cardsRoutes, {
    prefix,
    cards: new CardsService(db),
    rankings: new RankingsService(db),
  })
  await app.register(webhooksRoutes, { prefix, webhooks: new WebhooksService(db, webhookHosts) })
  // Petition cases (交办信访件) and their disclosure tables on the public board
  await app.register(petitionsRoutes, {
    prefix,
    petitions: new PetitionsService(db, lightSettings, cipher),
    handling: new PetitionHandlingService(db, ledger.problems),
    batches: new PetitionBatchesService(db),
  })
  await app.register(petitionImportRoutes, {
    prefix,
    petitionImport: new PetitionImportService(db, fileStore, workbookLimits(config), cipher),
  })
  await app.register(petitionsPublicRoutes, {
    prefix,
    disclosure: new PublicPetitionsService(db),
    cacheSeconds: config.PUBLIC_CACHE_SECONDS,
    rateLimitMax: config.PUBLIC_RATE_LIMIT_MAX,
  })
  // Sweeps (举一反三) and institutions (建章立制, with their public list)
  await app.register(sweepsRoutes, {
    prefix,
    sweeps: new SweepsService(db, ledger.problems, lightSettings),
  })
  const institutions = new InstitutionsService(db)
  await app.register(institutionsRoutes, { prefix, institutions })
  await app.register(publicInstitutionsRoutes, {
    prefix,
    institutions,
    cacheSeconds: config.PUBLIC_CACHE_SECONDS,
    rateLimitMax: config.PUBLIC_RATE_LIMIT_MAX,
  })
  // Dashboards, streamed .xlsx exports, the dispatch bulletin (调度通报), the problem-list import
  await app.register(dashboardRoutes, { prefix, dashboard: new DashboardService(db) })
  await app.register(exportsRoutes, { prefix, exports: new ExportsService(db) })
  await app.register(bulletinRoutes, {
    prefix,
    bulletin: new BulletinService(db, ledger.overview, new RankingsService(db)),
  })
  await app.register(problemImportRoutes, {
    prefix,
    problemImport: new ProblemImportService(db, fileStore, lightSettings, workbookLimits(config)),
    ledgerExport: new LedgerExportService(db, lightSettings),
  })
  // Monthly progress tables (整改进展情况表): reports the office submits on the units' behalf
  await app.register(progressImportRoutes, {
    prefix,
    progressImport: new ProgressImportService(db, fileStore, reports, workbookLimits(config)),
  })
  if (deps.extraRoutes) await app.register(deps.extraRoutes)

  // The SPA last, so its catch-all never shadows an API route
  if (deps.webRoot) await app.register(webPlugin, { root: deps.webRoot })
  return app
}
