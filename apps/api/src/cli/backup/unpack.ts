import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { CliError } from '../support.js'
import {
  DB_ENTRY,
  FORMAT,
  HEAD,
  KEYS,
  MANIFEST,
  mib,
  progress,
  type Head,
  type Manifest,
} from './archive.js'
import { readTar, TarError } from './tar.js'

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/
const SMALL = 512 * 1024 * 1024

export interface Unpacked {
  head: Head
  manifest: Manifest
  /** The database entry, written to `staging`. */
  dumpPath: string
  /** The evidence files, written under `<staging>/files`, as key → SHA-256 of their bytes. */
  files: Map<string, string>
  sealedKeys: Buffer | null
}

/**
 * Streams a backup archive into `staging` (files to `<staging>/files/<key>`), hashing every entry,
 * then checks it against its manifest. Any difference — a file altered, missing or added, the
 * database entry altered — fails with the entries named, before the target is touched.
 */
export async function unpackBackup(
  file: string,
  staging: string,
  kind: Head['database'],
): Promise<Unpacked> {
  let head: Head | null = null
  let manifest: Manifest | null = null
  let sealedKeys: Buffer | null = null
  let dump: { path: string; sha256: string; size: number } | null = null
  const files = new Map<string, string>()
  const bar = progress('restore')
  let bytes = 0
  try {
    for await (const entry of readTar(createReadStream(file))) {
      if (!head) {
        if (entry.name !== HEAD) throw new CliError(`${file} is not a Rectify backup`)
        head = JSON.parse((await collect(entry.body, SMALL)).toString('utf8')) as Head
        if (head.format !== FORMAT)
          throw new CliError(`${file} has an unknown backup format: ${head.format}`)
        if (head.database !== kind)
          throw new CliError(
            `${file} holds a ${head.database === 'postgres' ? 'PostgreSQL' : 'PGlite'} database: restore it with DATABASE_URL ${head.database === 'postgres' ? 'set' : 'unset'}`,
          )
        continue
      }
      if (entry.name === DB_ENTRY[kind]) {
        const path = join(staging, entry.name)
        dump = { path, size: entry.size, sha256: await store(entry.body, path) }
      } else if (entry.name.startsWith('files/') && KEY.test(entry.name.slice(6))) {
        const key = entry.name.slice(6)
        files.set(key, await store(entry.body, join(staging, 'files', key)))
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
  if (!manifest || !dump)
    throw new CliError(`${file} is incomplete: no ${manifest ? 'database' : 'manifest'} entry`)
  const problems: string[] = []
  if (dump.sha256 !== manifest.database.sha256 || dump.size !== manifest.database.size)
    problems.push(`${DB_ENTRY[kind]}: SHA-256 differs from the manifest`)
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
  return { head, manifest, dumpPath: dump.path, files, sealedKeys }
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
  mkdirSync(dirname(path), { recursive: true })
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
