// The build stamp of the SPA: a SHA-256 over the sources `vite build` reads (the web app, the
// shared schemas package, the lockfile), written to apps/web/dist/.source-hash after a build.
// `pnpm start` rebuilds when the stamp differs from the sources, so an upgrade never serves the
// previous release's SPA.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export const WEB_DIST = 'apps/web/dist'
export const WEB_STAMP = `${WEB_DIST}/.source-hash`

/** Inputs of the build, relative to the repository root (folders are walked). */
const INPUTS = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/package.json',
  'apps/web/vite.config.ts',
  'apps/web/tsconfig.json',
  'apps/web/env.d.ts',
  'packages/schemas/src',
  'packages/schemas/package.json',
  'pnpm-lock.yaml',
]
const SKIP = new Set(['node_modules', 'dist'])

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

/** The hash of the SPA's sources as they are on disk now. */
export function webSourceHash(root) {
  const hash = createHash('sha256')
  const all = INPUTS.flatMap((input) => files(root, input)).sort()
  for (const file of all) {
    // Names use forward slashes, so the hash is the same on every platform.
    hash.update(`${file.split('\\').join('/')}\0`)
    hash.update(readFileSync(join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}
