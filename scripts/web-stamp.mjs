// The build stamp of the SPA: a SHA-256 over the sources `vite build` reads (the web app, the
// shared schemas package, the lockfile), written to apps/web/dist/.source-hash after a build.
// `pnpm start` rebuilds when the stamp differs from the sources, so an upgrade never serves the
// previous release's SPA.
import { sourceHash } from '../apps/api/scripts/source-hash.mjs'

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

/** The hash of the SPA's sources as they are on disk now. */
export function webSourceHash(root) {
  return sourceHash(root, INPUTS)
}
