import { existsSync, mkdirSync, openAsBlob, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import pg from 'pg'
import { dataDir, type Config } from '../../config.js'
import { openDatabase, type Database } from '../../db/client.js'
import { appliedMigrations, runMigrations } from '../../db/migrate.js'
import { ensureRuntimeRole } from '../../db/roles.js'
import { verifyAuditChain } from '../../modules/audit/index.js'
import { describeStore, fileStoreFor } from '../../modules/files/index.js'
import {
  filesDir,
  hashStored,
  mib,
  referencedFiles,
  storedKeys,
  tableCounts,
} from '../backup/archive.js'
import { archiveSecret, isEncryptedBackup, type ArchiveSecret } from '../backup/encrypt.js'
import { keysToKeep, openKeys, passphraseFrom } from '../backup/keys.js'
import { unpackBackup, type Unpacked } from '../backup/unpack.js'
import { archiveKind, runPgTool } from '../pg-tools.js'
import {
  CliError,
  adminUrl,
  cliConfig,
  lockPglite,
  nonEmptyDir,
  parse,
  pgliteDir,
  required,
  userPath,
  type Command,
} from '../support.js'

/** `rectify restore --in FILE [--yes] [--passphrase-file F]`: everything back from a backup. */
export const restore: Command = {
  name: 'restore',
  summary: 'restore a backup: database, files and keys, verified and migrated (--yes to replace)',
  usage: `Usage: rectify restore --in FILE [--yes] [--passphrase-file FILE] [--key-file FILE]

Restores a backup made by \`rectify backup\` into the configured database (DATABASE_URL, or the
embedded PGlite in DATA_DIR) and file store (FILES_DIR, default DATA_DIR/files):
  0. an encrypted backup (backup --encrypt) is decrypted as it is read, with the passphrase
     (--passphrase-file or BACKUP_PASSPHRASE) or --key-file: a wrong one stops at once;
  1. unpacks the archive beside the file store (and PGlite's data directory beside the current
     one), streaming, and checks every entry's SHA-256 against the manifest; a difference names
     the entries and stops before anything is replaced;
  2. replaces the database (PGlite: the current DATA_DIR/pglite is moved aside; PostgreSQL: the
     public and drizzle schemas are dropped, then pg_restore, which must be on PATH) and the
     files (the current ones are moved aside), and checks every table's row count;
  3. opens the sealed keys with the passphrase, if the backup has them;
  4. applies this release's migrations, checks each file against the database's SHA-256 and
     verifies the audit chain; prints a summary. Exit status 1 if any check failed.
Stop the server first. Refused without --yes when the database or the file store is not empty.
A database-only backup of an earlier release (pg_dump or PGlite .tar.gz) is restored too.

  --in FILE                the backup file
  --yes                    confirm replacing the current database and files
  --passphrase-file FILE   the passphrase the keys (and an encrypted archive) were sealed with,
                           first line of FILE (or BACKUP_PASSPHRASE in the environment)
  --key-file FILE          the key file an encrypted archive was made with (backup --key-file)`,

  async run(argv) {
    const { values } = parse(argv, {
      in: { type: 'string' },
      yes: { type: 'boolean' },
      'passphrase-file': { type: 'string' },
      'key-file': { type: 'string' },
    })
    const file = userPath(required(values.in, 'in'))
    if (!existsSync(file)) throw new CliError(`${file} does not exist`)
    const config = cliConfig()
    const pass = passphraseFrom(
      values['passphrase-file'] && userPath(values['passphrase-file']),
      config.BACKUP_PASSPHRASE,
    )
    let secret: ArchiveSecret | null = null
    if (isEncryptedBackup(file)) {
      secret = archiveSecret({
        keyFile: values['key-file'] && userPath(values['key-file']),
        passphrase: pass,
      })
      if (!secret)
        throw new CliError(
          `${file} is an encrypted backup: give its passphrase (--passphrase-file or BACKUP_PASSPHRASE) or --key-file`,
          2,
        )
    }
    const passphrase = pass?.value ?? null
    const release = adminUrl(config) ? () => undefined : lockPglite(pgliteDir(config))
    try {
      return await restoreLocked(config, file, !!values.yes, passphrase, secret)
    } finally {
      release()
    }
  },
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-')

async function restoreLocked(
  config: Config,
  file: string,
  yes: boolean,
  passphrase: string | null,
  secret: ArchiveSecret | null,
) {
  const kind = adminUrl(config) ? 'postgres' : 'pglite'
  const store = filesDir(config)
  const nonEmpty = [
    ...((await databaseInUse(config))
      ? [
          adminUrl(config)
            ? 'the PostgreSQL database at DATABASE_URL'
            : `the embedded database at ${pgliteDir(config)}`,
        ]
      : []),
    ...(config.FILE_STORE === 'local' && storedKeys(store).length ? [`the files in ${store}`] : []),
  ]
  if (nonEmpty.length && !yes)
    throw new CliError(`restore replaces ${nonEmpty.join(' and ')}: add --yes to confirm`, 2)

  const legacy = secret ? 'unknown' : archiveKind(file)
  if (legacy !== 'unknown') return restoreLegacy(config, file, legacy)

  const staging = {
    files: `${store}.restore-${stamp()}`,
    dataDir: `${pgliteDir(config)}.restore-${stamp()}`,
  }
  mkdirSync(staging.files, { recursive: true })
  try {
    const unpacked = await unpackBackup(file, staging, kind, secret)
    const database = await replaceDatabase(config, unpacked.database)
    try {
      // With FILE_STORE=s3 the files stay in the bucket (a backup holds none); check() reads them there.
      const aside =
        config.FILE_STORE === 'local' ? replaceFiles(store, join(staging.files, 'files')) : null
      if (aside) console.log(`the previous files were moved to ${aside}`)
      const keyNote = restoreKeys(config, unpacked, passphrase)
      return await check(database, config, unpacked, keyNote)
    } finally {
      await database.close()
    }
  } finally {
    rmSync(staging.files, { recursive: true, force: true })
    rmSync(staging.dataDir, { recursive: true, force: true })
  }
}

/** True when the target database has anything in it (a migrated schema counts). */
async function databaseInUse(config: Config): Promise<boolean> {
  if (!adminUrl(config)) return nonEmptyDir(pgliteDir(config))
  const client = new pg.Client({ connectionString: adminUrl(config) })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from information_schema.tables where table_schema in ('public', 'drizzle')`,
    )
    return Number(rows[0]!.n) > 0
  } finally {
    await client.end()
  }
}

/**
 * Replaces the database with the backup's (a dump file, or a PGlite data directory that is renamed
 * into place); returns it open. A failure leaves the previous one in place (PGlite).
 */
async function replaceDatabase(
  config: Config,
  from: { dump: string } | { dataDir: string },
): Promise<Database> {
  if (adminUrl(config)) {
    if (!('dump' in from)) throw new CliError('a PGlite backup cannot be restored into PostgreSQL')
    const client = new pg.Client({ connectionString: adminUrl(config) })
    await client.connect()
    try {
      // A newer schema's tables would survive pg_restore --clean and break the migrations after it.
      await client.query(
        'drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public',
      )
    } finally {
      await client.end()
    }
    await runPgTool('pg_restore', adminUrl(config)!, (url) => [
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      '--dbname',
      url,
      from.dump,
    ])
    return openDatabase({ databaseUrl: adminUrl(config)!, poolSize: 2 })
  }
  const dir = pgliteDir(config)
  let aside: string | null = null
  if (nonEmptyDir(dir)) {
    aside = `${dir}.before-restore-${stamp()}`
    renameSync(dir, aside)
  }
  try {
    let database: Database
    if ('dataDir' in from) {
      renameSync(from.dataDir, dir)
      database = await openDatabase({ dataDir: dir })
    } else {
      // A format-1 or database-only backup: PGlite's own tarball, which it reads whole.
      database = await openDatabase({ dataDir: dir, loadDataDir: await openAsBlob(from.dump) })
    }
    if ((await appliedMigrations(database)) === 0) {
      await database.close()
      throw new Error('the archive holds no Rectify database')
    }
    if (aside) console.log(`the previous database was moved to ${aside}`)
    return database
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    if (aside) renameSync(aside, dir)
    throw new CliError(
      `restore failed: ${(err as Error).message}${aside ? '; the previous database is back in place' : ''}`,
    )
  }
}

/** Puts the unpacked files in place of the store; returns where the previous ones went. */
function replaceFiles(store: string, unpacked: string): string | null {
  let aside: string | null = null
  if (existsSync(store)) {
    if (storedKeys(store).length) {
      aside = `${store}.before-restore-${stamp()}`
      renameSync(store, aside)
    } else rmSync(store, { recursive: true, force: true })
  }
  mkdirSync(dirname(store), { recursive: true })
  if (existsSync(unpacked)) renameSync(unpacked, store)
  else mkdirSync(store, { recursive: true })
  return aside
}

function restoreKeys(config: Config, unpacked: Unpacked, passphrase: string | null): string {
  if (!unpacked.sealedKeys)
    return `not in the backup: keep ${keysToKeep(config)} from the old installation (without the first everyone signs in again; without the second personal data cannot be read and the API refuses to start)`
  if (!passphrase)
    return 'sealed in the backup but not restored: give --passphrase-file (or BACKUP_PASSPHRASE) to open them'
  const keys = openKeys(unpacked.sealedKeys, passphrase)
  const keyDir = dataDir(config)
  for (const [name, content] of Object.entries(keys)) {
    const path = join(keyDir, name)
    if (existsSync(path)) renameSync(path, `${path}.before-restore-${stamp()}`)
    writeFileSync(path, content, { mode: 0o600 })
  }
  return `restored (${Object.keys(keys).join(', ')})`
}

/** Row counts, migrations, files against the database, audit chain: the summary; 1 if anything failed. */
async function check(
  database: Database,
  config: Config,
  unpacked: Unpacked,
  keyNote: string,
): Promise<number> {
  const problems: string[] = []
  const counts = await tableCounts(database)
  for (const [table, n] of Object.entries(unpacked.manifest.tables))
    if (counts[table] !== n)
      problems.push(`table ${table}: ${counts[table] ?? 'missing'} rows, the backup had ${n}`)
  const applied = await runMigrations(database)
  await grantRuntimeRole(database, config)
  const rows = await referencedFiles(database)
  const bucket = config.FILE_STORE === 's3' ? fileStoreFor(config) : null
  let bytes = 0
  for (const row of rows) {
    const got = bucket
      ? ((await hashStored(bucket, row.key))?.sha256 ?? undefined)
      : unpacked.files.get(row.key)
    if (got === undefined)
      problems.push(`file ${row.id} (${row.name}): not in the ${bucket ? 'bucket' : 'backup'}`)
    else if (got !== row.sha256)
      problems.push(`file ${row.id} (${row.name}): its bytes do not match the database's SHA-256`)
    else bytes += Number(row.size)
  }
  bucket?.close?.()
  const audit = await verifyAuditChain(database)
  if (!audit.ok)
    problems.push(`audit chain BROKEN at entry ${audit.broken!.seq}: ${audit.broken!.reason}`)
  const { manifest } = unpacked
  const total = Object.values(manifest.tables).reduce((a, b) => a + b, 0)
  console.log(
    `restored ${unpacked.head.database} backup of ${manifest.createdAt} into ${adminUrl(config) ? 'PostgreSQL' : pgliteDir(config)}`,
  )
  console.log(
    `  database: ${Object.keys(manifest.tables).length} tables, ${total} rows${problems.some((p) => p.startsWith('table ')) ? '' : ' (row counts match)'}`,
  )
  console.log(
    `  files:    ${rows.length - problems.filter((p) => p.startsWith('file ')).length} of ${rows.length} verified (${mib(bytes)}) in ${bucket ? describeStore(bucket) : filesDir(config)}`,
  )
  console.log(
    `  schema:   ${applied.length ? `migrated: ${applied.join(', ')}` : 'current, no migrations needed'}`,
  )
  console.log(`  audit:    ${audit.ok ? `chain OK: ${audit.checked} entries` : 'BROKEN'}`)
  console.log(`  keys:     ${keyNote}`)
  if (manifest.missing.length)
    problems.push(
      `${manifest.missing.length} file(s) were already missing when the backup was made`,
    )
  if (!problems.length) return 0
  console.error(`restore finished with problems:\n  ${problems.join('\n  ')}`)
  return 1
}

/** A database-only backup of an earlier release: the database, migrated and verified; no files. */
async function restoreLegacy(
  config: Config,
  file: string,
  kind: 'pg_dump' | 'pglite',
): Promise<number> {
  if ((kind === 'pg_dump') !== !!adminUrl(config))
    throw new CliError(
      `${file} is a ${kind === 'pg_dump' ? 'PostgreSQL (pg_dump) backup: restore it with DATABASE_URL set' : 'PGlite backup: restore it with DATABASE_URL unset'}`,
    )
  const database = await replaceDatabase(config, { dump: file })
  try {
    const applied = await runMigrations(database)
    await grantRuntimeRole(database, config)
    const audit = await verifyAuditChain(database)
    console.log(`restored the database-only backup ${file}`)
    console.log(`  schema: ${applied.length ? `migrated: ${applied.join(', ')}` : 'current'}`)
    console.log(
      `  audit:  ${audit.ok ? `chain OK: ${audit.checked} entries` : `BROKEN at entry ${audit.broken!.seq}`}`,
    )
    console.warn(
      `NOTE: this older backup holds no evidence files: copy them into ${filesDir(config)} and run \`rectify doctor\``,
    )
    return audit.ok ? 0 : 1
  } finally {
    await database.close()
  }
}

/** Restored objects belong to the owner; the runtime role's grants are made again (issue 13). */
async function grantRuntimeRole(database: Database, config: Config) {
  if (config.DATABASE_OWNER_URL && config.DATABASE_URL)
    await ensureRuntimeRole(database, config.DATABASE_URL)
}
