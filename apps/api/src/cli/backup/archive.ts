import { createHash } from 'node:crypto'
import { createReadStream, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Config } from '../../config.js'
import type { Database } from '../../db/client.js'
import { userPath } from '../support.js'

/**
 * A Rectify backup is one tar archive:
 *   rectify-backup.json   what it is (format, database kind, schema), first, so a restore can
 *                         refuse the wrong kind before reading anything else
 *   database.pglite.tgz   PGlite's data directory (embedded), or
 *   database.pgdump       pg_dump --format=custom (PostgreSQL)
 *   files/<key>           every stored evidence file the database refers to
 *   keys.sealed           the key files, sealed with the operator's passphrase (only if given)
 *   manifest.json         last: row counts per table, and size and SHA-256 of every entry
 */
export const FORMAT = 'rectify-backup/1'
export const HEAD = 'rectify-backup.json'
export const MANIFEST = 'manifest.json'
export const KEYS = 'keys.sealed'
export const DB_ENTRY = { pglite: 'database.pglite.tgz', postgres: 'database.pgdump' } as const

export interface Head {
  format: typeof FORMAT
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

export interface Manifest {
  format: typeof FORMAT
  createdAt: string
  database: { kind: 'pglite' | 'postgres'; entry: string; size: number; sha256: string }
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
  return config.FILES_DIR ? userPath(config.FILES_DIR) : join(userPath(config.DATA_DIR), 'files')
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

/** SHA-256 (hex) and size of a file on disk, read as a stream. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    size += chunk.length
  }
  return { sha256: hash.digest('hex'), size }
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
