// The API built to JavaScript: src/server.ts → dist/server.js and src/cli/index.ts → dist/cli.js
// (and src/pglite-template.ts → dist/pglite-template.js, which pnpm start runs beside its build),
// with the code they share in dist/shared-*.js and what they import lazily in chunks of its own
// (esbuild's code splitting), so a lazy import stays lazy. npm packages stay external (node loads
// them from node_modules); the workspace's @rectify/schemas, which ships TypeScript, is bundled.
// Linked source maps (dist/*.js.map) point at src/*.ts: with source maps enabled a stack trace
// names the .ts line.
//
// Every output file sits directly in dist/, one level below apps/api, as src/config.ts sits one
// below it in the sources: API_DIR (`new URL('..', import.meta.url)`) is apps/api in both.
//
// The stamp dist/.source-hash is the hash of the sources the build read; `pnpm start` and the
// `rectify` bin rebuild when it differs from the sources on disk, so a `git pull` never runs the
// previous release's code. `node scripts/build.mjs` (`pnpm --filter @rectify/api build`) always
// builds.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sourceHash } from './source-hash.mjs'

const API = fileURLToPath(new URL('..', import.meta.url))
const ROOT = join(API, '../..')
export const API_DIST = join(API, 'dist')
const STAMP = join(API_DIST, '.source-hash')

/** What the build reads, relative to the repository root (folders are walked). */
const INPUTS = [
  'apps/api/src',
  'apps/api/scripts/build.mjs',
  'apps/api/package.json',
  'apps/api/tsconfig.json',
  'tsconfig.base.json',
  'packages/schemas/src',
  'packages/schemas/package.json',
  'pnpm-lock.yaml',
]

/** The hash of the API's sources as they are on disk now. */
export function apiSourceHash() {
  return sourceHash(ROOT, INPUTS)
}

/** Why dist must be (re)built, or null when it was built from the sources on disk. */
export function apiBuildNeeded(hash = apiSourceHash()) {
  if (!existsSync(join(API_DIST, 'server.js'))) return 'apps/api/dist is missing'
  if (!existsSync(STAMP)) return 'apps/api/dist has no build stamp'
  if (readFileSync(STAMP, 'utf8').trim() !== hash)
    return "the API's sources changed since apps/api/dist was built"
  return null
}

/** Builds dist from the sources; returns the stamp written. */
export async function buildApi(hash = apiSourceHash()) {
  const { build } = await import('esbuild')
  const result = await build({
    absWorkingDir: API,
    entryPoints: {
      server: 'src/server.ts',
      cli: 'src/cli/index.ts',
      'pglite-template': 'src/pglite-template.ts',
    },
    outdir: 'dist',
    chunkNames: 'shared-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    tsconfig: 'tsconfig.json',
    sourcemap: 'linked',
    // The maps point at the .ts files beside dist rather than carrying their text.
    sourcesContent: false,
    // Class and function names as written: logs and errors name them.
    keepNames: true,
    write: false,
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-packages',
        setup(b) {
          // esbuild hands the filter to Go, whose regular expressions take no flags.
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path === '@rectify/schemas' || args.path.startsWith('@rectify/schemas/')
              ? undefined
              : { path: args.path, external: true },
          )
        },
      },
    ],
  })
  // Each file is written beside its final name and renamed over it, so a second build running at
  // the same time (two `rectify` commands after a pull) or a process loading dist never reads half
  // a file; the stamp comes last.
  mkdirSync(API_DIST, { recursive: true })
  const written = new Set()
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`
    writeFileSync(temp, file.contents)
    renameSync(temp, file.path)
    written.add(file.path)
  }
  for (const name of readdirSync(API_DIST))
    if (/\.js(\.map)?$/u.test(name) && !written.has(join(API_DIST, name)))
      rmSync(join(API_DIST, name), { force: true })
  const temp = `${STAMP}.${process.pid}.tmp`
  writeFileSync(temp, `${hash}\n`)
  renameSync(temp, STAMP)
  return hash
}

/** Builds dist when it is missing or stale; returns why it built, or null when it was current. */
export async function ensureApiBuild() {
  const hash = apiSourceHash()
  const why = apiBuildNeeded(hash)
  if (why) await buildApi(hash)
  return why
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now()
  await buildApi()
  console.log(`[build] apps/api/dist built in ${Date.now() - started} ms`)
}
