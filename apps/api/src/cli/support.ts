import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { dataDir, loadConfig, type Config } from '../config.js'
import { openDatabase, type Database } from '../db/client.js'
import { appliedMigrations, expectedMigrations } from '../db/migrate.js'
import { configureAuditHash } from '../lib/crypto/audit-hash.js'
import { DataDirLockedError, lockDataDir } from '../lib/data-lock.js'
import { AuthService } from '../modules/auth/index.js'
import { ClientsService } from '../modules/clients/index.js'
import { UsersService } from '../modules/users/index.js'

/** An expected failure: printed as one line on stderr, exit status 1 (or `exitCode`). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

/** Bad arguments: the command's usage is printed and the exit status is 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2)
  }
}

/** One subcommand of `rectify`. */
export interface Command {
  name: string
  /** One line for the command list. */
  summary: string
  /** The full usage text, shown by `--help` and after bad arguments. */
  usage: string
  /** Runs with the arguments after the command name; resolves to the exit status. */
  run(argv: string[]): Promise<number>
}

type Options = NonNullable<ParseArgsConfig['options']>

/** `util.parseArgs` in strict mode, with its errors turned into usage errors. */
export function parse<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

/** The value of a required string option, or a usage error naming it. */
/**
 * Checks options against the body schema of the route the command stands for (POST /users,
 * POST /units …): a usage error naming each bad option, before any database is opened.
 */
export function assertBody(schema: TSchema, body: unknown): void {
  if (Value.Check(schema, body)) return
  const problems = [...Value.Errors(schema, body)].map(
    (e) => `${e.instancePath.slice(1)}: ${e.message}`,
  )
  throw new UsageError(problems.join('; '))
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${flag} is required`)
  return value
}

/**
 * The directory the user ran the command from. `pnpm --filter … run` changes into apps/api, but
 * relative paths (DATA_DIR, --out, --in) mean what they meant in the user's shell; pnpm keeps
 * that directory in INIT_CWD.
 */
export function invocationDir(): string {
  return process.env.INIT_CWD ?? process.cwd()
}

/** A path the user typed, made absolute against where they typed it. */
export function userPath(p: string): string {
  return resolve(invocationDir(), p)
}

/** The validated configuration, exactly as the server reads it. */
export function cliConfig(): Config {
  return loadConfig()
}

/**
 * Where PGlite keeps its data for this configuration: `<DATA_DIR>/pglite`, as in server.ts — a
 * relative DATA_DIR is relative to apps/api (config.ts dataDir), not to where the command was typed.
 */
export function pgliteDir(config: Config): string {
  return join(dataDir(config), 'pglite')
}

/** True when `dir` holds a PostgreSQL data directory. */
export function hasPgliteData(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'))
}

/** True when `dir` exists and is not empty. */
export function nonEmptyDir(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0
}

/**
 * Takes the embedded data directory's lock (lib/data-lock.ts) for this command, or fails with one
 * line naming the process that holds it (the server, another command). Returns the release.
 */
export function lockPglite(dir: string): () => void {
  try {
    return lockDataDir(dir)
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new CliError(err.message)
    throw err
  }
}

/**
 * The connection the CLI's admin commands use: the owner role's (DATABASE_OWNER_URL) when the
 * API runs as a separate runtime role, else DATABASE_URL; undefined means PGlite.
 */
export function adminUrl(config: Config): string | undefined {
  return config.DATABASE_OWNER_URL ?? config.DATABASE_URL
}

export interface OpenOptions {
  /** Create an empty embedded database when there is none (only `migrate` does). */
  create?: boolean
  /**
   * The caller holds the embedded data directory's lock already (lockPglite) and keeps it past
   * the database's close: `backup` reads the data directory's files after PGlite has shut down.
   */
  lockHeld?: boolean
}

/** Opens the configured database (PostgreSQL or the embedded PGlite), refusing a PGlite in use. */
export async function openCliDatabase(config: Config, opts: OpenOptions = {}): Promise<Database> {
  const database = await openCliDatabaseOnly(config, opts)
  // A command that writes audit entries links them with the configured suite's hash, once the
  // schema is current (before that, `rectify migrate` must still run; the server's start is
  // what refuses a database that cannot compute SM3).
  if (
    config.CRYPTO_SUITE === 'sm' &&
    (await appliedMigrations(database)) === expectedMigrations()
  ) {
    try {
      await configureAuditHash(database, config.CRYPTO_SUITE)
    } catch (err) {
      await database.close()
      throw new CliError((err as Error).message)
    }
  }
  return database
}

async function openCliDatabaseOnly(config: Config, opts: OpenOptions): Promise<Database> {
  const url = adminUrl(config)
  if (url) return openDatabase({ databaseUrl: url, poolSize: 2 })
  const dir = pgliteDir(config)
  if (!opts.create && !hasPgliteData(dir))
    throw new CliError(
      `no database at ${dir} (check DATA_DIR, or run \`rectify migrate\` to create one)`,
    )
  if (opts.lockHeld) return openDatabase({ dataDir: dir })
  const release = lockPglite(dir)
  try {
    const database = await openDatabase({ dataDir: dir })
    const close = database.close
    database.close = () => close().finally(release)
    return database
  } catch (err) {
    release()
    throw err
  }
}

/** Opens the database, runs `fn`, and always closes it. */
export async function withDatabase<T>(
  config: Config,
  fn: (database: Database) => Promise<T>,
  opts: OpenOptions = {},
): Promise<T> {
  const database = await openCliDatabase(config, opts)
  try {
    return await fn(database)
  } finally {
    await database.close()
  }
}

/** Refuses to work on a schema older or newer than this build's migrations. */
export async function requireCurrentSchema(database: Database): Promise<void> {
  const applied = await appliedMigrations(database)
  const expected = expectedMigrations()
  if (applied < expected)
    throw new CliError(
      `the database schema is not current (${applied} of ${expected} migrations applied): run \`rectify migrate\` first`,
    )
  if (applied > expected)
    throw new CliError(
      `the database has ${applied} migrations, this build knows ${expected}: upgrade Rectify first`,
    )
}

/**
 * The services the HTTP routes use, built the way app.ts builds them. The CLI never signs nor
 * verifies a token, so its AuthService has no token service.
 */
export function cliServices(database: Database, config: Config) {
  const { db } = database
  const auth = new AuthService({ db, config })
  return { auth, users: new UsersService(db, auth), clients: new ClientsService(db) }
}
