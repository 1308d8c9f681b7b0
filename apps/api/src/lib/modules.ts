import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import type { Database, Db } from '../db/client.js'
import type { FieldCipher } from './crypto/field-cipher.js'
import { scheduleJobs } from './jobs.engine.js'
import type { JobDefinition } from './jobs.js'

/**
 * What every module's registration is built from: the application's infrastructure, made once
 * by buildApp (app.ts). A module that needs another module's services takes that module's
 * registration as a second argument, so the order of app.ts is the order of construction.
 */
export interface SharedDeps {
  config: Config
  database: Database
  /** The primary: writes, and the reads that must see them. */
  db: Db
  /**
   * Reads that tolerate seconds of replica lag (database.readDb): the replica with
   * DATABASE_READ_URL, else `db`. Only dashboards, exports, the public board and the rankings
   * take it, by name, in their module's registration.
   */
  readDb: Db
  /** Seals and opens personal data (lib/crypto). */
  cipher: FieldCipher
  /** The server's signing key, from which the public intake derives its challenge keys. */
  signingKey: Uint8Array
  log: FastifyBaseLogger
}

/** One of a module's route plugins and the options (its services) it is registered with. */
export interface ModuleRoutes {
  // The options' type is checked where `routes()` pairs them with their plugin.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plugin: FastifyPluginAsyncTypebox<any>
  options: object
}

/** Pairs a route plugin with its options, checked against each other. */
export function routes<O extends object>(
  plugin: FastifyPluginAsyncTypebox<O>,
  options: O,
): ModuleRoutes {
  return { plugin, options }
}

/**
 * A domain module as app.ts registers it (STYLE.md §17): its route plugins, registered under
 * /api/v1 in this order with their options (explicitly, no autoload), its scheduled jobs,
 * which the job engine runs (lib/jobs.engine.ts), and what it holds that the app's close
 * releases (e.g. the S3 client's sockets).
 */
export interface ModuleRegistration {
  name: string
  routes: ModuleRoutes[]
  jobs: JobDefinition[]
  close?: () => Promise<void> | void
}

/**
 * A module's registration, checked as one; it may carry more (e.g. `service`): what the
 * registrations of the modules built on it take.
 */
export function defineModule<M extends ModuleRegistration>(registration: M): M {
  return registration
}

/**
 * Mounts the modules on the app in their order: their jobs on the job engine (pg-boss on
 * PostgreSQL, in-process on PGlite), their `close` on the app's, their routes under /api/v1.
 */
export async function mountModules(
  app: FastifyInstance,
  database: Database,
  modules: readonly ModuleRegistration[],
) {
  scheduleJobs(
    app,
    database,
    modules.flatMap((m) => m.jobs),
  )
  for (const { close } of modules) if (close) app.addHook('onClose', async () => close())
  for (const { plugin, options } of modules.flatMap((m) => m.routes)) {
    await app.register(plugin, { prefix: '/api/v1', ...options })
  }
}
