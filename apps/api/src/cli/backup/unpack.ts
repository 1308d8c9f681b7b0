import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { CliError } from '../support.js'
import {
  DB_ENTRY,
  FORMATS,
  HEAD,
  PGLITE_BLOB,
  safeDataPath,
  KEYS,
  MANIFEST,
  mib,
  progress,
  type Head,
  type Manifest,
} from './archive.js'
import { decryptingStream, type ArchiveSecret } from './encrypt.js'
import { readTar, TarError } from './tar.js'

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/
/** The most a JSON entry (head, manifest) or the sealed keys may hold: they are read whole. */
const SMALL = 256 * 1024 * 1024

export interface Staging {
  /** Where the evidence files go (`<files>/files/<key>`) and a database dump file. */
  files: string
  /** Where PGlite's data directory goes (beside the live one, so it can be renamed in place). */
  dataDir: string
}

export interface Unpacked {
  head: Head
  manifest: Manifest
  /** The database: a dump file (pg_dump, or a format-1 PGlite blob) or a PGlite data directory. */
  database: { dump: string } | { dataDir: string }
  /** The evidence files, written under `<staging>/files`, as key → SHA-256 of their bytes. */
  files: Map<string, string>
  sealedKeys: Buffer | null
}

/**
 * Streams a backup archive into `staging` (files to `<staging.files>/files/<key>`, PGlite's data
 * directory to `staging.dataDir`), hashing every entry on the way, then checks it against its
 * manifest. Any difference — a file altered, missing or added, a database entry altered — fails
 * with the entries named, before the target is touched. No entry is ever held in memory whole.
 */
export async function unpackBackup(
  file: string,
  staging: Staging,
  kind: Head['database'],
  /** Set for an encrypted archive (backup --encrypt): decrypted as it is read. */
  secret: ArchiveSecret | null = null,
): Promise<Unpacked> {
  let head: Head | null = null
  let manifest: Manifest | null = null
  let sealedKeys: Buffer | null = null
  let dump: { path: string; sha256: string; size: number } | null = null
  const dataFiles = new Map<string, string>()
  const files = new Map<string, string>()
  const bar = progress('restore')
  let bytes = 0
  try {
    const input = secret ? decryptingStream(createReadStream(file), secret) : createReadStream(file)
    for await (const entry of readTar(input)) {
      if (!head) {
        if (entry.name !== HEAD) throw new CliError(`${file} is not a Rectify backup`)
        head = JSON.parse((await collect(entry.body, SMALL)).toString('utf8')) as Head
        if (!FORMATS.includes(head.format))
          throw new CliError(`${file} has an unknown backup format: ${head.format}`)
        if (head.database !== kind)
          throw new CliError(
            `${file} holds a ${head.database === 'postgres' ? 'PostgreSQL' : 'PGlite'} database: restore it with DATABASE_URL ${head.database === 'postgres' ? 'set' : 'unset'}`,
          )
        continue
      }
      if (entry.name === (kind === 'pglite' ? PGLITE_BLOB : DB_ENTRY.postgres)) {
        const path = join(staging.files, entry.name)
        dump = { path, size: entry.size, sha256: await store(entry.body, path) }
      } else if (kind === 'pglite' && entry.name.startsWith(DB_ENTRY.pglite)) {
        const path = entry.name.slice(DB_ENTRY.pglite.length)
        if (!safeDataPath(path)) throw new CliError(`${file}: unexpected entry ${entry.name}`)
        dataFiles.set(path, await store(entry.body, join(staging.dataDir, path)))
        bytes += entry.size
        bar.update(`database ${dataFiles.size} files, ${mib(bytes)}`)
      } else if (entry.name.startsWith('files/') && KEY.test(entry.name.slice(6))) {
        const key = entry.name.slice(6)
        files.set(key, await store(entry.body, join(staging.files, 'files', key)))
        bytes += entry.size
        bar.update(`${files.size} files, ${mib(bytes)}`)
      } else if (entry.name === KEYS) sealedKeys = await collect(entry.body, SMALL)
      else if (entry.name === MANIFEST)
        manifest = JSON.parse((await collect(entry.body, SMALL)).toString('utf8')) as Manifest
      else throw new CliError(`${file}: unexpected entry ${entry.name}`)
    }
  } catch (err) {
    if (err instanceof TarError) throw new CliError(`${file}: ${err.message}`)
    if (err instanceof SyntaxError)
      throw new CliError(`${file}: a JSON entry is damaged (${err.message})`)
    throw err
  } finally {
    bar.done()
  }
  if (!head) throw new CliError(`${file} is not a Rectify backup`)
  if (!manifest || (!dump && !dataFiles.size))
    throw new CliError(`${file} is incomplete: no ${manifest ? 'database' : 'manifest'} entry`)
  const problems: string[] = []
  if (dump && (dump.sha256 !== manifest.database.sha256 || dump.size !== manifest.database.size))
    problems.push(`${manifest.database.entry}: SHA-256 differs from the manifest`)
  if (!dump) problems.push(...checkDataDir(dataFiles, manifest, staging.dataDir))
  const listed = new Set<string>()
  for (const f of manifest.files) {
    listed.add(f.key)
    const got = files.get(f.key)
    if (got === undefined) problems.push(`files/${f.key} (file ${f.id}): missing from the archive`)
    else if (got !== f.sha256)
      problems.push(`files/${f.key} (file ${f.id}): SHA-256 differs from the manifest`)
  }
  for (const key of files.keys())
    if (!listed.has(key)) problems.push(`files/${key}: not in the manifest`)
  if (problems.length)
    throw new CliError(
      `${file} failed verification, nothing was restored:\n  ${problems.join('\n  ')}`,
    )
  return {
    head,
    manifest,
    database: dump ? { dump: dump.path } : { dataDir: staging.dataDir },
    files,
    sealedKeys,
  }
}

/** PGlite's data directory against the manifest; makes the (empty) directories it lists. */
function checkDataDir(got: Map<string, string>, manifest: Manifest, dir: string): string[] {
  const problems: string[] = []
  const { entry, files = [], dirs = [] } = manifest.database
  const listed = new Set<string>()
  for (const f of files) {
    listed.add(f.path)
    const sha256 = got.get(f.path)
    if (sha256 === undefined) problems.push(`${entry}${f.path}: missing from the archive`)
    else if (sha256 !== f.sha256)
      problems.push(`${entry}${f.path}: SHA-256 differs from the manifest`)
  }
  for (const path of got.keys())
    if (!listed.has(path)) problems.push(`${entry}${path}: not in the manifest`)
  for (const d of dirs)
    if (safeDataPath(d)) mkdirSync(join(dir, d), { recursive: true, mode: 0o700 })
    else problems.push(`${entry}${d}: not a plain directory name`)
  return problems
}

async function collect(body: AsyncIterable<Buffer>, max: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (size > max) throw new CliError('an archive entry is larger than expected')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** Writes an entry's bytes to `path`; resolves to their SHA-256. */
async function store(body: AsyncIterable<Buffer>, path: string): Promise<string> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const hash = createHash('sha256')
  await pipeline(
    body,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk)
        yield chunk
      }
    },
    createWriteStream(path, { flags: 'wx', mode: 0o640 }),
  )
  return hash.digest('hex')
}
