import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp } from './app.js'
import { ConfigError, dataDir as dataDirOf, loadConfig, statementTimeoutMs } from './config.js'
import { openDatabase } from './db/client.js'
import { appliedMigrations, expectedMigrations, runMigrations } from './db/migrate.js'
import { ensureRuntimeRole } from './db/roles.js'
import type { Config } from './config.js'
import type { Database } from './db/client.js'
import { DataDirLockedError, lockDataDir } from './lib/data-lock.js'
import { loadSigningKey } from './lib/keys.js'
import { configureAuditHash } from './lib/crypto/audit-hash.js'
import { KEY_REFRESH_MS, openFieldCipher, refreshFieldCipher } from './lib/crypto/data-keys.js'
import { KeyConfigError } from './lib/crypto/kek.js'
import { sealPending } from './lib/crypto/sealed-columns.js'
import { seedDemoIfWanted } from './seed/demo.js'

/** Process entry: load config → open and migrate the database → seed if wanted → listen. */
async function main() {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(2)
    }
    throw err
  }
  const dataDir = dataDirOf(config)
  const pgliteDir = resolve(dataDir, 'pglite')
  // The embedded database is this process's alone until it exits (the CLI takes the same lock).
  if (!config.DATABASE_URL) lockDataDir(pgliteDir)
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    readUrl: config.DATABASE_READ_URL,
    dataDir: pgliteDir,
    statementTimeoutMs: statementTimeoutMs(config),
    onConnectionError: (err) => console.warn(`database connection lost: ${err.message}`),
  })
  const applied = await migrateAtStart(database, config)
  // Refuses to start (KeyConfigError) without the key the stored data keys were wrapped with.
  const crypto = await openFieldCipher(database, config, dataDir)
  // SM3 for the audit chain with CRYPTO_SUITE=sm: refuses to start if the database cannot.
  await configureAuditHash(database, config.CRYPTO_SUITE)
  await seedDemoIfWanted(database, config, crypto.cipher)
  // The personal-data migration step: rows written before encryption (or restored from an older
  // backup) are sealed before serving, in batches, resumably (lib/crypto/sealed-columns.ts).
  const sealed = await sealPending(database, crypto.cipher, (table, done, total) =>
    console.log(`sealing personal data: ${table}, ${done} of ${total} row(s)`),
  )
  const webRoot = config.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url))
  const app = await buildApp(config, {
    database,
    signingKey: loadSigningKey({ jwtSecret: config.JWT_SECRET, dataDir }),
    cipher: crypto.cipher,
    webRoot,
  })
  if (crypto.generated)
    app.log.warn(
      { keyFile: crypto.generated },
      `generated the key-encryption key for personal data into ${crypto.generated}: back it up apart from the database — without it the encrypted data cannot be read`,
    )
  app.log.info(
    { suite: config.CRYPTO_SUITE, key: crypto.source, kek: crypto.kms.keyId },
    `personal data encrypted with the ${config.CRYPTO_SUITE} suite, data keys wrapped by ${crypto.source}`,
  )
  // A key rotation run beside the API (`rectify keys rotate --reencrypt`) is picked up here: new
  // values are sealed under the new key, and values it re-encrypted open.
  const refresh = setInterval(() => {
    refreshFieldCipher(database, crypto.kms, crypto.cipher).then(
      (changed) => {
        if (changed)
          app.log.info(
            { dataKey: crypto.cipher.active.id, indexKey: crypto.cipher.indexKey.id },
            'loaded rotated personal data keys',
          )
      },
      (err: unknown) => app.log.warn({ err }, 'could not reload the personal data keys'),
    )
  }, KEY_REFRESH_MS)
  refresh.unref()
  if (Object.values(sealed).some((n) => n > 0))
    app.log.info({ sealed }, 'sealed personal data written before encryption was on')
  // What an upgrade changed in the schema, in the start log.
  app.log.info(
    { migrations: applied },
    applied.length
      ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'database schema is current: no migrations to apply',
  )

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    clearInterval(refresh)
    app.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight')
    // Requests in flight are cut at REQUEST_TIMEOUT_MS; jobs (reminders, webhooks) finish their pass.
    const force = setTimeout(() => process.exit(1), config.REQUEST_TIMEOUT_MS + 5_000)
    force.unref()
    try {
      await app.close()
      await database.close()
      process.exit(0)
    } catch (err) {
      app.log.error({ err }, 'shutdown failed')
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  await app.listen({ host: config.HOST, port: config.PORT })
  app.log.info(
    { database: database.kind, url: `http://${config.HOST}:${config.PORT}` },
    `Rectify is serving on http://${config.HOST}:${config.PORT}`,
  )
}

/**
 * Applies pending migrations: as the owner role when DATABASE_OWNER_URL is set (then re-grants
 * the runtime role), else as the API's own role (PGlite: over the API's own connection).
 * With nothing pending nothing is done, so a runtime role that may create nothing starts fine.
 */
async function migrateAtStart(database: Database, config: Config): Promise<string[]> {
  if ((await appliedMigrations(database)) === expectedMigrations()) return []
  if (!config.DATABASE_URL) return runMigrations(database)
  // A connection of its own, without the API's statement timeout: an index built on a large
  // table may take longer than any request should.
  const owner = await openDatabase({
    databaseUrl: config.DATABASE_OWNER_URL ?? config.DATABASE_URL,
    poolSize: 1,
  })
  try {
    const applied = await runMigrations(owner)
    if (config.DATABASE_OWNER_URL) await ensureRuntimeRole(owner, config.DATABASE_URL)
    return applied
  } finally {
    await owner.close()
  }
}

main().catch((err: unknown) => {
  console.error(
    err instanceof DataDirLockedError || err instanceof KeyConfigError
      ? `Rectify cannot start: ${err.message}`
      : err,
  )
  process.exit(1)
})
