import { existsSync, mkdirSync, openAsBlob, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { API_DIR } from '../config.js'

/**
 * The embedded database's template: a fresh PGlite cluster (what PGlite's initdb makes, before any
 * migration), kept once per installed PGlite version in node_modules/.cache. A new data directory
 * is restored from it (PGlite's loadDataDir) instead of running initdb again: initdb was the
 * largest item of a first start (~6 s of CPU against ~2 s for the restore, at load 20–30).
 *
 * Nothing of an installation is in it — no schema, keys or users: the migrations, the keys and the
 * demo seed still run at the first start, as before. `pnpm start` makes it in a child process while
 * the web app builds (scripts/start.mjs); without it a new data directory is initdb'd as before.
 */
export function pgliteTemplateFile(cacheDir = join(API_DIR, 'node_modules/.cache/rectify')) {
  return join(cacheDir, `pglite-${pgliteVersion()}.tar`)
}

/** The installed PGlite's version: a template is only restored by the PGlite that made it. */
function pgliteVersion(): string {
  // The package's exports do not include its package.json: it is two levels above its entry.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '../package.json'), 'utf8')) as {
    version: string
  }
  return pkg.version
}

/**
 * The template to restore into `dataDir`, when `dataDir` holds no cluster yet and the template
 * exists; otherwise undefined (PGlite opens the cluster there, or initdbs a new one).
 */
export async function templateFor(dataDir: string, file = pgliteTemplateFile()) {
  if (existsSync(join(dataDir, 'PG_VERSION')) || !existsSync(file)) return undefined
  return openAsBlob(file)
}

/** Makes the template (an initdb in memory, dumped); written whole or not at all. */
export async function makePgliteTemplate(file = pgliteTemplateFile()): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite')
  const pg = await PGlite.create('memory://')
  const dump = await pg.dumpDataDir('none')
  await pg.close()
  mkdirSync(dirname(file), { recursive: true })
  // Renamed into place: a start that looks meanwhile sees no template, never half of one.
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, Buffer.from(await dump.arrayBuffer()))
  renameSync(temp, file)
  return file
}
