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
import { appliedMigrations } from '../../db/migrate.js'
import pg from 'pg'
import type { Database } from '../../db/client.js'
import {
  DB_ENTRY,
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
import { collectKeys, readPassphrase, sealKeys } from '../backup/keys.js'
import { TarWriter } from '../backup/tar.js'
import { runPgTool } from '../pg-tools.js'
import {
  CliError,
  adminUrl,
  cliConfig,
  parse,
  required,
  userPath,
  withDatabase,
  type Command,
} from '../support.js'

/** `rectify backup --out FILE [--passphrase-file F]`: database, files and (sealed) keys in one tar. */
export const backup: Command = {
  name: 'backup',
  summary: 'write a whole backup (database, evidence files, sealed keys) to one file',
  usage: `Usage: rectify backup --out FILE [--passphrase-file FILE]

Writes one tar archive to FILE (which must not exist yet) with everything a restore needs:
  - the database: PGlite's data directory (embedded; stop the server first), or pg_dump
    --format=custom (DATABASE_URL set; needs pg_dump of the server's major version on PATH;
    the server may keep running);
  - every evidence file the database refers to (FILES_DIR, default DATA_DIR/files);
  - a manifest: rows per table, size and SHA-256 of every entry (checked by \`rectify restore\`).
Keys are never written in clear. With --passphrase-file, the key files in DATA_DIR (signing-key)
go in sealed with that passphrase (AES-256-GCM); without it they are left out, and you must keep
DATA_DIR/signing-key (or JWT_SECRET) yourself. Memory stays bounded: files are streamed.

  --out FILE               where to write the backup (relative to the current directory)
  --passphrase-file FILE   a file whose first line (≥ 12 characters) seals the keys`,

  async run(argv) {
    const { values } = parse(argv, {
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
    })
    const out = userPath(required(values.out, 'out'))
    if (existsSync(out))
      throw new CliError(`${out} already exists; choose another name or delete it`)
    const passphrase = values['passphrase-file']
      ? readPassphrase(userPath(values['passphrase-file']))
      : null
    const config = cliConfig()
    // Written under a temporary name and renamed when complete, so FILE is never a partial backup.
    const partial = `${out}.partial`
    const dump = `${out}.dump.partial`
    try {
      const manifest = await withDatabase(config, async (database) => {
        const kind = database.kind
        const migrations = await appliedMigrations(database)
        if (migrations === 0)
          throw new CliError('the database has never been migrated: nothing to back up')
        const { tables, rows } = await snapshot(database, adminUrl(config), dump)
        const writer = new TarWriter(createWriteStream(partial, { flags: 'wx', mode: 0o600 }))
        const head: Head = {
          format: FORMAT,
          createdAt: new Date().toISOString(),
          database: kind,
          migrations,
        }
        await writer.entry(
          HEAD,
          Buffer.byteLength(JSON.stringify(head)),
          Buffer.from(JSON.stringify(head)),
        )

        const entry = DB_ENTRY[kind]
        const dbHash = createHash('sha256')
        const hashed = async function* (chunks: AsyncIterable<Buffer | Uint8Array>) {
          for await (const chunk of chunks) {
            const b = Buffer.from(chunk)
            dbHash.update(b)
            yield b
          }
        }
        let dbSize: number
        if (kind === 'pglite') {
          // PGlite hands its data directory over as one gzip Blob (the database only).
          const archive = await database.pglite!.dumpDataDir('gzip')
          dbSize = archive.size
          await writer.entry(
            entry,
            dbSize,
            hashed(archive.stream() as unknown as AsyncIterable<Uint8Array>),
          )
        } else {
          dbSize = statSync(dump).size
          await writer.entry(entry, dbSize, hashed(createReadStream(dump)))
        }

        const store = filesDir(config)
        const files: ManifestFile[] = []
        const missing: Manifest['missing'] = []
        const bar = progress('backup')
        let bytes = 0
        for (const [i, row] of rows.entries()) {
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
          await writer.entry(
            `files/${row.key}`,
            size,
            (async function* () {
              for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
                hash.update(chunk)
                yield chunk
              }
            })(),
          )
          bytes += size
          files.push({ key: row.key, id: row.id, size, sha256: hash.digest('hex') })
        }
        bar.done()

        let keys: Manifest['keys'] = 'omitted'
        const found = collectKeys(userPath(config.DATA_DIR))
        if (passphrase && Object.keys(found).length) {
          const sealed = sealKeys(found, passphrase)
          await writer.entry(KEYS, sealed.length, sealed)
          keys = 'sealed'
        }
        const manifest: Manifest = {
          format: FORMAT,
          createdAt: head.createdAt,
          database: { kind, entry, size: dbSize, sha256: dbHash.digest('hex') },
          migrations,
          tables,
          files,
          missing,
          keys,
        }
        const body = Buffer.from(JSON.stringify(manifest, null, 1))
        await writer.entry(MANIFEST, body.length, body)
        await writer.finish()
        return manifest
      })
      renameSync(partial, out)
      summarize(out, manifest, !!config.JWT_SECRET)
      return manifest.missing.length ? 1 : 0
    } finally {
      rmSync(partial, { force: true })
      rmSync(dump, { force: true })
    }
  },
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

function summarize(out: string, m: Manifest, jwtSecret: boolean) {
  const rows = Object.values(m.tables).reduce((a, b) => a + b, 0)
  const bytes = m.files.reduce((a, f) => a + f.size, 0)
  console.log(
    `backup written to ${out}: ${m.database.kind} database (${Object.keys(m.tables).length} tables, ${rows} rows, ` +
      `${m.migrations} migrations), ${m.files.length} files (${mib(bytes)})`,
  )
  if (m.keys === 'sealed')
    console.log('keys: sealed with the passphrase (keep the passphrase apart from the backup)')
  else
    console.warn(
      `NOTE: no keys are in this backup. Keep ${jwtSecret ? 'JWT_SECRET' : 'DATA_DIR/signing-key'} safe ` +
        'separately, or back up with --passphrase-file to seal it into the archive.',
    )
  if (m.missing.length)
    console.error(
      `WARNING: ${m.missing.length} file(s) the database refers to are missing from the store and are not in the backup: ` +
        m.missing.map((f) => `${f.id} (${f.key})`).join(', '),
    )
}
