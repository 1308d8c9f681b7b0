import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

/**
 * The whole environment the API reads, validated once at boot. Every variable is documented in
 * `.env.example`; behaviour never branches on NODE_ENV.
 */
export const ConfigSchema = Type.Object({
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ default: './data' }),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  /**
   * The key-encryption key that wraps the data keys of personal data (lib/crypto): 32 bytes as
   * base64 or 64 hex digits. Unset: DATA_KEY_FILE, else DATA_DIR/data-key (generated once).
   */
  DATA_KEY: Type.Optional(Type.String({ minLength: 43 })),
  /** A file holding the key-encryption key (mode 0600, refused otherwise). */
  DATA_KEY_FILE: Type.Optional(Type.String()),
  /** intl: AES-256-GCM, HMAC-SHA-256, SHA-256; sm: SM4 + HMAC-SM3, SM3 (GB/T 39786). */
  CRYPTO_SUITE: Type.Union([Type.Literal('intl'), Type.Literal('sm')], { default: 'intl' }),
  /**
   * Days a closed petition case keeps its complainant's identity (name, contact, their blind
   * indexes); then a job erases it, audited, and keeps the case. Unset: kept.
   */
  COMPLAINANT_RETENTION_DAYS: Type.Optional(Type.Integer({ minimum: 1, maximum: 36_500 })),
  /** `rectify backup` / `restore`: the passphrase (≥ 12 characters) instead of --passphrase-file. */
  BACKUP_PASSPHRASE: Type.Optional(Type.String({ minLength: 12 })),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 900, default: 900 }),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 30 }),
  SESSION_ABSOLUTE_HOURS: Type.Integer({ minimum: 1, maximum: 168, default: 12 }),
  PASSWORD_POLICY: Type.Union([Type.Literal('mlps3'), Type.Literal('asvs')], { default: 'mlps3' }),
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  LOGIN_LOCK_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 10 }),
  LOGIN_RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 20 }),
  RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 600 }),
  CORS_ORIGINS: Type.String({ default: '' }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    default: 'info',
  }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 1000, default: 30_000 }),
  /** PostgreSQL's statement_timeout for the API's pool; default statementTimeoutMs(); 0: none. */
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000 })),
  SEED_DEMO: Type.Union([Type.Literal('auto'), Type.Literal('always'), Type.Literal('never')], {
    default: 'auto',
  }),
  WEB_DIST: Type.Optional(Type.String()),
  /** Evidence files; default DATA_DIR/files. */
  FILES_DIR: Type.Optional(Type.String()),
  FILE_MAX_BYTES: Type.Integer({ minimum: 1024, default: 20 * 1024 * 1024 }),
  /** Where evidence bytes live: local (FILES_DIR) or s3 (an S3-compatible bucket, S3_*). */
  FILE_STORE: Type.Union([Type.Literal('local'), Type.Literal('s3')], { default: 'local' }),
  /** The S3-compatible service's URL (MinIO, OSS, COS, OBS); unset: AWS S3 of S3_REGION. */
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** The bucket evidence files go to (required with FILE_STORE=s3; it must exist). */
  S3_BUCKET: Type.Optional(Type.String({ minLength: 3, maxLength: 63 })),
  S3_REGION: Type.String({ minLength: 1, default: 'us-east-1' }),
  /** Unset: the SDK's own credential chain (AWS_ACCESS_KEY_ID…, an instance role). */
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** endpoint/bucket/key addressing (MinIO and most self-hosted services) instead of bucket.endpoint. */
  S3_FORCE_PATH_STYLE: Type.Boolean({ default: false }),
  /**
   * Bytes the parts of an uploaded workbook may inflate to together before an import refuses it
   * (422) — checked from the zip directory and while streaming, before any library inflates it.
   */
  WORKBOOK_MAX_UNCOMPRESSED_BYTES: Type.Integer({
    minimum: 1024 * 1024,
    default: 50 * 1024 * 1024,
  }),
  /** Rows a sheet may declare or hold before an import refuses it (422). */
  WORKBOOK_MAX_ROWS: Type.Integer({ minimum: 100, maximum: 1_048_576, default: 100_000 }),
  /** Columns a sheet may declare or hold before an import refuses it (422). */
  WORKBOOK_MAX_COLUMNS: Type.Integer({ minimum: 10, maximum: 16_384, default: 200 }),
  /** Points reported progress may trail planned progress before a problem turns yellow. */
  LIGHT_TOLERANCE_POINTS: Type.Number({ minimum: 0, maximum: 100, default: 10 }),
  /** Days before a deadline that turn a problem blue. */
  LIGHT_NEAR_DAYS: Type.Integer({ minimum: 0, maximum: 365, default: 15 }),
  /**
   * Seconds the public board's answers may be cached (Cache-Control max-age and the in-process
   * cache): the board can lag the ledger by up to this long. 0 turns the in-process cache off.
   */
  PUBLIC_CACHE_SECONDS: Type.Integer({ minimum: 0, maximum: 3600, default: 30 }),
  /** Leading zero bits the public report form's proof-of-work must find (each bit doubles the work). */
  PUBLIC_CHALLENGE_BITS: Type.Integer({ minimum: 0, maximum: 32, default: 16 }),
  /** Largest photo accepted with a public report, in bytes. */
  PUBLIC_FILE_MAX_BYTES: Type.Integer({ minimum: 1024, default: 5 * 1024 * 1024 }),
  /** Public board reads allowed per minute per client IP. */
  PUBLIC_RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 300 }),
  /** Public reports accepted per 10 minutes per client IP. */
  PUBLIC_REPORT_RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 5 }),
  /** Hotline reports (POST /public-reports/intake) accepted per minute per API client. */
  INTAKE_RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 120 }),
  /** Public photo uploads accepted per 10 minutes per client IP. */
  PUBLIC_UPLOAD_RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 20 }),
  /**
   * Days relative to a deadline on which reminders go out, comma-separated: negative before,
   * 0 on the day, positive after (from +1 to the unit's head, from +7 to the office as well).
   */
  REMINDER_OFFSETS: Type.String({
    pattern: '^\\s*-?\\d{1,3}(\\s*,\\s*-?\\d{1,3})*\\s*$',
    default: '-30,-7,-1,0,1,7',
  }),
  /** Seconds between reminder passes of the scheduler; 0 turns the scheduler off. */
  REMINDER_INTERVAL_SECONDS: Type.Integer({ minimum: 0, maximum: 86_400, default: 300 }),
  /** Days a missed reminder is still sent late (after downtime), at most once. */
  REMINDER_CATCH_UP_DAYS: Type.Integer({ minimum: 0, maximum: 30, default: 3 }),
  /** Milliseconds between webhook dispatcher passes (fan-out, then due deliveries); 0 turns it off. */
  WEBHOOK_INTERVAL_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 2000 }),
  /** Consecutive failed deliveries after which a webhook subscription is paused until resumed. */
  WEBHOOK_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
  /**
   * Hosts (names or addresses, comma-separated) webhooks may reach over plain http and without
   * the private-address check, e.g. `127.0.0.1` for a local test receiver. Empty by default.
   */
  WEBHOOK_ALLOW_HTTP_HOSTS: Type.String({ maxLength: 1000, default: '' }),
  /** Minutes between housekeeping runs (purges), once across all instances; 0 turns them off. */
  HOUSEKEEPING_INTERVAL_MINUTES: Type.Integer({ minimum: 0, maximum: 1440, default: 60 }),
  /**
   * Seconds between merges of the dashboards' rollup deltas (and folds of its passed '_due'
   * rows), once across all instances; 0 turns them off (the figures stay exact, each read sums
   * more rows).
   */
  ROLLUP_MERGE_INTERVAL_SECONDS: Type.Integer({ minimum: 0, maximum: 86_400, default: 60 }),
  /** Hours a remembered Idempotency-Key response is kept (a retry after that runs again). */
  IDEMPOTENCY_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 8760, default: 24 }),
  /** Days the change feed (GET /changes) keeps a change; an older cursor answers 410. */
  CHANGES_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 30 }),
  /** Hours an uploaded file may stay unattached to any record before it is deleted. */
  UNATTACHED_FILE_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 8760, default: 24 }),
  /**
   * The owner role's connection for migrations and the CLI's admin commands, when the API's
   * DATABASE_URL is a runtime role that owns nothing (see README, PostgreSQL).
   */
  DATABASE_OWNER_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /**
   * A read replica of DATABASE_URL (streaming replication): dashboards, exports, the public
   * board and the rankings read from it; everything else stays on the primary. Unset: all on
   * DATABASE_URL. See docs/scale.md, "The nation on paper".
   */
  DATABASE_READ_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
})
export type Config = Static<typeof ConfigSchema>

/**
 * The API package's directory (apps/api). A relative DATA_DIR or FILES_DIR is relative to it,
 * whichever directory the server or the CLI was started from: `pnpm rectify` at the repo root and
 * `pnpm start` then use the same embedded database (./data = apps/api/data).
 */
export const API_DIR = fileURLToPath(new URL('..', import.meta.url))

/** DATA_DIR as an absolute path (relative ones against API_DIR). */
export function dataDir(config: Pick<Config, 'DATA_DIR'>): string {
  return resolve(API_DIR, config.DATA_DIR)
}

/** The evidence file store's root: FILES_DIR, or DATA_DIR/files (relative ones against API_DIR). */
export function filesDir(config: Pick<Config, 'DATA_DIR' | 'FILES_DIR'>): string {
  return config.FILES_DIR ? resolve(API_DIR, config.FILES_DIR) : join(dataDir(config), 'files')
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/** Reads the configuration from `env` (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(ConfigSchema.properties)) {
    const v = env[key]
    if (v !== undefined && v !== '') raw[key] = v
  }
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, raw))
  const merged = { ...(converted as object), ...overrides }
  if (!Value.Check(ConfigSchema, merged)) {
    const problems = [...Value.Errors(ConfigSchema, merged)].map(
      (e) => `${e.instancePath.slice(1) || '(root)'}: ${e.message}`,
    )
    throw new ConfigError(problems)
  }
  const config = merged as Config
  if (config.FILE_STORE === 's3' && !config.S3_BUCKET)
    throw new ConfigError(['S3_BUCKET: required with FILE_STORE=s3'])
  if (config.DATABASE_READ_URL && !config.DATABASE_URL)
    throw new ConfigError([
      'DATABASE_READ_URL: a read replica needs DATABASE_URL (the embedded database has none)',
    ])
  if (!config.S3_ACCESS_KEY_ID !== !config.S3_SECRET_ACCESS_KEY)
    throw new ConfigError(['S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither'])
  return config
}

/**
 * The API's statement timeout on PostgreSQL: DATABASE_STATEMENT_TIMEOUT_MS, else a little under
 * the request timeout, so that a stuck statement ends (and its request is answered 503) before
 * a client or proxy gives up on it. 0: none.
 */
export function statementTimeoutMs(config: Config): number {
  return config.DATABASE_STATEMENT_TIMEOUT_MS ?? Math.max(1000, config.REQUEST_TIMEOUT_MS - 5000)
}
