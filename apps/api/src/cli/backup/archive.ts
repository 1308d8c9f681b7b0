import { createHash, type Hash } from 'node:crypto'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { filesDir as filesDirOf, type Config } from '../../config.js'
import type { Database } from '../../db/client.js'
import { AppError } from '../../errors.js'
import type { FileStore } from '../../modules/files/index.js'

/**
 * A Rectify backup is one tar archive:
 *   rectify-backup.json   what it is (format, database kind, schema), first, so a restore can
 *                         refuse the wrong kind before reading anything else
 *   pglite/<path>         every file of PGlite's data directory, shut down cleanly (embedded), or
 *   database.pgdump       pg_dump --format=custom (PostgreSQL)
 *   files/<key>           every stored evidence file the database refers to
 *   keys.sealed           the key files, sealed with the operator's passphrase (only if given)
 *   manifest.json         last: row counts per table, and size and SHA-256 of every entry
 * Every entry is streamed in and out, one chunk at a time: memory stays bounded whatever the size
 * of the database or of the files. (Format 1 held PGlite's data directory as one gzip blob,
 * `database.pglite.tgz`, made in memory; a restore still reads it.)
 */
export const FORMAT = 'rectify-backup/2'
export const FORMATS: readonly string[] = ['rectify-backup/1', FORMAT]
export const HEAD = 'rectify-backup.json'
export const MANIFEST = 'manifest.json'
export const KEYS = 'keys.sealed'
export const DB_ENTRY = { pglite: 'pglite/', postgres: 'database.pgdump' } as const
/** Format 1's PGlite entry: the data directory as PGlite's own gzip tarball. */
export const PGLITE_BLOB = 'database.pglite.tgz'

export interface Head {
  format: string
  createdAt: string
  database: 'pglite' | 'postgres'
  migrations: number
}

export interface ManifestFile {
  /** The entry is `files/<key>`. */
  key: string
  id: string
  size: number
  sha256: string
}

/** One file of PGlite's data directory: the entry is `pglite/<path>`. */
export interface DataFile {
  path: string
  size: number
  sha256: string
}

export interface Manifest {
  format: string
  createdAt: string
  database: {
    kind: 'pglite' | 'postgres'
    entry: string
    /** Bytes of the entry, or of all the data directory's files. */
    size: number
    /** SHA-256 of the entry (PostgreSQL, format 1); of the `files` list's JSON (PGlite). */
    sha256: string
    /** PGlite: every file of the data directory, and its (possibly empty) directories. */
    files?: DataFile[]
    dirs?: string[]
  }
  migrations: number
  /** Rows per table of the public schema, at the time of the dump. */
  tables: Record<string, number>
  files: ManifestFile[]
  /** Files the database refers to whose bytes were not in the store when the backup was made. */
  missing: { key: string; id: string }[]
  keys: 'sealed' | 'omitted'
}

/** The local file store's root, as the server resolves it (FILES_DIR, or DATA_DIR/files). */
export function filesDir(config: Config): string {
  return filesDirOf(config)
}

/** Row counts of every table in the public schema. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables = await database.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    const [row] = await database.query<{ n: string | number }>(
      `select count(*) as n from "${name.replace(/"/g, '""')}"`,
    )
    counts[name] = Number(row?.n ?? 0)
  }
  return counts
}

/** Every stored file the database refers to, in id order. */
export function referencedFiles(database: Database) {
  return database.query<{
    id: string
    key: string
    sha256: string
    size: string | number
    name: string
  }>('select id, storage_key as key, sha256, size, name from files order by id')
}

/** SHA-256 (hex) and size of a key's bytes in a file store, read as a stream; null if missing. */
export async function hashStored(
  store: FileStore,
  key: string,
): Promise<{ sha256: string; size: number } | null> {
  let stream
  try {
    stream = await store.open(key)
  } catch (err) {
    if (err instanceof AppError && err.code === 'file_missing') return null
    throw err
  }
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk)
    size += chunk.length
  }
  return { sha256: hash.digest('hex'), size }
}

/** A pass-through of a stream's chunks that feeds them to `hash` on the way (and counts them). */
export async function* hashing(
  chunks: AsyncIterable<Buffer | Uint8Array>,
  hash: Hash,
): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    hash.update(b)
    yield b
  }
}

/** What PostgreSQL writes while it runs and must not be restored (as pg_basebackup leaves out). */
const TRANSIENT = new Set(['postmaster.pid', 'postmaster.opts'])

/**
 * The files and directories of a (shut down) PGlite data directory, relative and sorted;
 * directories are listed so that the empty ones PostgreSQL needs (pg_tblspc, pg_wal/archive_status
 * …) come back on a restore.
 */
export function dataDirContents(dir: string): {
  files: { path: string; size: number }[]
  dirs: string[]
} {
  const files: { path: string; size: number }[] = []
  const dirs: string[] = []
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(e.parentPath, e.name)).split('\\').join('/')
    if (e.isDirectory()) dirs.push(path)
    else if (e.isFile() && !TRANSIENT.has(path))
      files.push({ path, size: statSync(join(dir, path)).size })
  }
  files.sort((a, b) => (a.path < b.path ? -1 : 1))
  return { files, dirs: dirs.sort() }
}

/** A data-directory path from an archive: relative, plain names only (nothing escapes the target). */
export function safeDataPath(path: string): boolean {
  return (
    path.length > 0 &&
    path.split('/').every((part) => /^[A-Za-z0-9_.-]+$/.test(part) && part !== '.' && part !== '..')
  )
}

/** The keys of every file under a store root (`xx/<id>`; temporary `.part` files left out). */
export function storedKeys(root: string): string[] {
  let entries
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.part'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort()
}

/** Progress on a terminal (stderr), at most a few times a second; silent otherwise. */
export function progress(label: string) {
  const tty = process.stderr.isTTY
  let last = 0
  return {
    update(text: string) {
      if (!tty || Date.now() - last < 200) return
      last = Date.now()
      process.stderr.write(`\r${label}: ${text}\u001b[K`)
    },
    done() {
      if (tty && last) process.stderr.write('\r\u001b[K')
    },
  }
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
