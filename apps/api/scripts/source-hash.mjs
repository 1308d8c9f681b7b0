// A SHA-256 over a build's source files, for the build stamps: the SPA's (scripts/web-stamp.mjs)
// and the API's (build.mjs). A stamp that differs from the sources on disk means the build is stale.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const SKIP = new Set(['node_modules', 'dist'])

/** Every file under `path` (relative to root); a file path is itself; a missing path is none. */
function files(root, path) {
  const full = join(root, path)
  let entries
  try {
    entries = readdirSync(full, { withFileTypes: true })
  } catch (err) {
    if (err.code === 'ENOTDIR') return [path]
    if (err.code === 'ENOENT') return []
    throw err
  }
  return entries
    .filter((e) => !SKIP.has(e.name))
    .flatMap((e) => files(root, relative(root, join(full, e.name))))
}

/** The hash of `inputs` (files and folders, relative to root) as they are on disk now. */
export function sourceHash(root, inputs) {
  const hash = createHash('sha256')
  const all = inputs.flatMap((input) => files(root, input)).sort()
  for (const file of all) {
    // Names use forward slashes, so the hash is the same on every platform.
    hash.update(`${file.split('\\').join('/')}\0`)
    hash.update(readFileSync(join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}
