import { createHash } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import type { SuiteName } from '../../lib/crypto/suites.js'
import { dataDir, type Config } from '../../config.js'
import type { Database } from '../../db/client.js'
import { appliedMigrations } from '../../db/migrate.js'
import {
  DB_ENTRY,
  dataDirContents,
  hashing,
  type DataFile,
  FORMAT,
  HEAD,
  KEYS,
  MANIFEST,
  filesDir,
  mib,
  progress,
  referencedFiles,
  tableCounts,
  type Head,
  type Manifest,
  type ManifestFile,
} from '../backup/archive.js'
import { archiveSecret, encryptingStream, type ArchiveSecret } from '../backup/encrypt.js'
import { collectKeys, keysToKeep, passphraseFrom, sealKeys } from '../backup/keys.js'
import { TarWriter } from '../backup/tar.js'
import { runPgTool } from '../pg-tools.js'
import {
  CliError,
  adminUrl,
  cliConfig,
  lockPglite,
  openCliDatabase,
  parse,
  pgliteDir,
  required,
  userPath,
  type Command,
} from '../support.js'

/** `rectify backup --out FILE [--passphrase-file F]`: database, files and (sealed) keys in one tar. */
export const backup: Command = {
  name: 'backup',
  summary: 'write a whole backup (database, evidence files, sealed keys) to one file',
  usage: `Usage: rectify backup --out FILE [--passphrase-file FILE] [--encrypt [--key-file FILE]]

Writes one tar archive to FILE (which must not exist yet) with everything a restore needs:
  - the database: the files of PGlite's data directory, shut down cleanly (embedded; stop the
    server first), or pg_dump --format=custom (DATABASE_URL set; needs pg_dump of the server's
    major version on PATH; the server may keep running);
  - every evidence file the database refers to (FILES_DIR, default DATA_DIR/files); with
    FILE_STORE=s3 none: the bucket is backed up by the object store (docs/files.md);
  - a manifest: rows per table, size and SHA-256 of every entry (checked by \`rectify restore\`).
Personal data is in the database only encrypted. Keys are never written in clear: with a
passphrase (--passphrase-file, or BACKUP_PASSPHRASE), the key files in DATA_DIR (signing-key,
data-key) go in sealed with it; without one they are left out, and you must keep
DATA_DIR/signing-key (or JWT_SECRET) and DATA_DIR/data-key (or DATA_KEY) yourself.
With --encrypt the whole archive is encrypted (CRYPTO_SUITE's cipher: AES-256-GCM, or SM4 with
HMAC-SM3) with the passphrase, or with a 32-byte key file (--key-file, mode 0600): nothing in it —
not even a table name — is readable without them; \`rectify restore\` recognises it.
Memory stays bounded: every entry is streamed, whatever the size of the database and the
files. Progress is shown on a terminal.

  --out FILE               where to write the backup (relative to the current directory)
  --passphrase-file FILE   a file whose first line (≥ 12 characters) is the passphrase
                           (or BACKUP_PASSPHRASE in the environment)
  --encrypt                encrypt the whole archive with the passphrase, or with --key-file
  --key-file FILE          encrypt with the 32-byte key in FILE instead (64 hex digits or base64)`,

  async run(argv) {
    const { values } = parse(argv, {
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
      encrypt: { type: 'boolean' },
      'key-file': { type: 'string' },
    })
    const out = userPath(required(values.out, 'out'))
    if (existsSync(out))
      throw new CliError(`${out} already exists; choose another name or delete it`)
    const config = cliConfig()
    const pass = passphraseFrom(
      values['passphrase-file'] && userPath(values['passphrase-file']),
      config.BACKUP_PASSPHRASE,
    )
    if (values['key-file'] && !values.encrypt)
      throw new CliError('--key-file encrypts the archive: add --encrypt', 2)
    const secret = values.encrypt
      ? archiveSecret({
          keyFile: values['key-file'] && userPath(values['key-file']),
          passphrase: pass,
        })
      : null
    if (values.encrypt && !secret)
      throw new CliError(
        '--encrypt needs a passphrase (--passphrase-file or BACKUP_PASSPHRASE) or --key-file',
        2,
      )
    const passphrase = pass?.value ?? null
    const encryption = secret ? { secret, suite: config.CRYPTO_SUITE } : null
    const url = adminUrl(config)
    // PGlite: held from the counts until its data directory is in the archive, so nothing can
    // change the files between the two (the server refuses to start meanwhile).
    const release = url ? () => undefined : lockPglite(pgliteDir(config))
    // Written under a temporary name and renamed when complete, so FILE is never a partial backup.
    const partial = `${out}.partial`
    const dump = `${out}.dump.partial`
    try {
      const state = await readState(config, url, dump)
      const manifest = await writeArchive(partial, config, state, passphrase, encryption)
      renameSync(partial, out)
      summarize(out, manifest, keysToKeep(config), encryption)
      if (config.FILE_STORE === 's3')
        console.warn(
          `NOTE: the evidence files are in the bucket ${config.S3_BUCKET}, not in this backup: keep the bucket versioned or replicated (docs/files.md)`,
        )
      return manifest.missing.length ? 1 : 0
    } finally {
      release()
      rmSync(partial, { force: true })
      rmSync(dump, { force: true })
    }
  },
}

interface State {
  kind: Database['kind']
  migrations: number
  tables: Record<string, number>
  rows: Awaited<ReturnType<typeof referencedFiles>>
  /** PostgreSQL: the pg_dump file; PGlite: its data directory (shut down). */
  source: string
}

/**
 * The database's side of the backup, then closes it. PGlite's close is a clean shutdown (a
 * checkpoint), after which its data directory is a consistent copy on disk, streamed file by
 * file — where PGlite's own dump would build the whole directory as one blob in memory.
 */
async function readState(config: Config, url: string | undefined, dump: string): Promise<State> {
  const database = await openCliDatabase(config, { lockHeld: !url })
  try {
    const migrations = await appliedMigrations(database)
    if (migrations === 0)
      throw new CliError('the database has never been migrated: nothing to back up')
    const { tables, rows } = await snapshot(database, url, dump)
    return { kind: database.kind, migrations, tables, rows, source: url ? dump : pgliteDir(config) }
  } finally {
    await database.close()
  }
}

async function writeArchive(
  partial: string,
  config: Config,
  state: State,
  passphrase: string | null,
  encryption: Encryption | null,
): Promise<Manifest> {
  const { kind, migrations, tables, rows } = state
  const file = createWriteStream(partial, { flags: 'wx', mode: 0o600 })
  // Encrypted: the tar goes through the encrypting stream into the file; `written` settles
  // when the file is flushed (or on the first error of either).
  const encrypting = encryption ? encryptingStream(encryption.secret, encryption.suite) : null
  const written = encrypting ? pipeline(encrypting, file) : null
  written?.catch(() => undefined) // awaited below; a failure before then is the writer's too
  const writer = new TarWriter(encrypting ?? file)
  const head: Head = {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    database: kind,
    migrations,
  }
  const headBody = Buffer.from(JSON.stringify(head))
  await writer.entry(HEAD, headBody.length, headBody)

  const bar = progress('backup')
  const entry = DB_ENTRY[kind]
  let database: Manifest['database']
  if (kind === 'postgres') {
    const hash = createHash('sha256')
    const size = statSync(state.source).size
    await writer.entry(entry, size, hashing(createReadStream(state.source), hash))
    database = { kind, entry, size, sha256: hash.digest('hex') }
  } else {
    const { files: listed, dirs } = dataDirContents(state.source)
    const files: DataFile[] = []
    let size = 0
    for (const f of listed) {
      bar.update(`database ${files.length + 1}/${listed.length} files, ${mib(size)}`)
      const hash = createHash('sha256')
      const path = join(state.source, f.path)
      await writer.entry(`${entry}${f.path}`, f.size, hashing(createReadStream(path), hash))
      files.push({ ...f, sha256: hash.digest('hex') })
      size += f.size
    }
    const sha256 = createHash('sha256').update(JSON.stringify(files)).digest('hex')
    database = { kind, entry, size, sha256, files, dirs }
  }

  const store = filesDir(config)
  const files: ManifestFile[] = []
  const missing: Manifest['missing'] = []
  let bytes = 0
  // Files in an S3 bucket stay out of the archive: the bucket is backed up by the object store
  // (versioning, replication); see docs/files.md.
  for (const [i, row] of config.FILE_STORE === 's3' ? [] : rows.entries()) {
    bar.update(`${i + 1}/${rows.length} files, ${mib(bytes)}`)
    const path = join(store, row.key)
    let size: number
    try {
      size = statSync(path).size
    } catch {
      missing.push({ key: row.key, id: row.id })
      continue
    }
    const hash = createHash('sha256')
    await writer.entry(`files/${row.key}`, size, hashing(createReadStream(path), hash))
    bytes += size
    files.push({ key: row.key, id: row.id, size, sha256: hash.digest('hex') })
  }
  bar.done()

  let keys: Manifest['keys'] = 'omitted'
  const found = collectKeys(dataDir(config))
  if (passphrase && Object.keys(found).length) {
    const sealed = sealKeys(found, passphrase)
    await writer.entry(KEYS, sealed.length, sealed)
    keys = 'sealed'
  }
  const manifest: Manifest = {
    format: FORMAT,
    createdAt: head.createdAt,
    database,
    migrations,
    tables,
    files,
    missing,
    keys,
  }
  const body = Buffer.from(JSON.stringify(manifest, null, 1))
  await writer.entry(MANIFEST, body.length, body)
  await writer.finish()
  await written
  return manifest
}

/**
 * Row counts, the file list and (PostgreSQL) the dump, all of one moment: PGlite is ours alone
 * (locked); on PostgreSQL the server may be writing, so pg_dump runs on a snapshot exported by
 * the transaction that counts and lists.
 */
async function snapshot(database: Database, databaseUrl: string | undefined, dump: string) {
  if (!databaseUrl)
    return { tables: await tableCounts(database), rows: await referencedFiles(database) }
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('begin isolation level repeatable read read only')
    const {
      rows: [exported],
    } = await client.query<{ id: string }>('select pg_export_snapshot() as id')
    const inSnapshot = {
      ...database,
      query: async <T>(text: string, params?: unknown[]) =>
        (await client.query(text, params)).rows as T[],
    } as Database
    const tables = await tableCounts(inSnapshot)
    const rows = await referencedFiles(inSnapshot)
    await runPgTool('pg_dump', databaseUrl, (url) => [
      '--format=custom',
      `--snapshot=${exported!.id}`,
      '--file',
      dump,
      url,
    ])
    await client.query('commit')
    return { tables, rows }
  } finally {
    await client.end()
  }
}

interface Encryption {
  secret: ArchiveSecret
  suite: SuiteName
}

function summarize(out: string, m: Manifest, keep: string, encryption: Encryption | null) {
  const rows = Object.values(m.tables).reduce((a, b) => a + b, 0)
  const bytes = m.files.reduce((a, f) => a + f.size, 0)
  console.log(
    `backup written to ${out}: ${m.database.kind} database (${Object.keys(m.tables).length} tables, ${rows} rows, ` +
      `${m.migrations} migrations), ${m.files.length} files (${mib(bytes)})`,
  )
  if (encryption)
    console.log(
      `encrypted (${encryption.suite === 'sm' ? 'SM4 + HMAC-SM3' : 'AES-256-GCM'}) with ${'keyFile' in encryption.secret ? `the key file ${encryption.secret.keyFile}` : `the passphrase (${encryption.secret.from})`}: a restore needs it`,
    )
  if (m.keys === 'sealed')
    console.log('keys: sealed with the passphrase (keep the passphrase apart from the backup)')
  else
    console.warn(
      `NOTE: no keys are in this backup. Keep ${keep} safe separately, ` +
        'or back up with --passphrase-file to seal them into the archive.',
    )
  if (m.missing.length)
    console.error(
      `WARNING: ${m.missing.length} file(s) the database refers to are missing from the store and are not in the backup: ` +
        m.missing.map((f) => `${f.id} (${f.key})`).join(', '),
    )
}
