#!/usr/bin/env node
// `pnpm start`: install the dependencies when they do not match the lockfile, build the SPA and the
// API when their sources changed, then run the API's build (which serves the SPA at /) in this
// very process.
//
// The API runs here rather than in a child, so the process a supervisor (systemd, docker, a
// terminal) started is the server: SIGINT and SIGTERM reach its graceful shutdown directly. pnpm
// itself does not pass SIGTERM on to its script — it exits and leaves the script running — so this
// process also stops when its parent goes away (it is re-parented), as if it had been sent SIGTERM.
//
// The root package.json starts this script as `node --max-semi-space-size=8 scripts/start.mjs`:
// V8's young generation may grow to 2 × 8 MB instead of 2 × 16 MB. Start-up (tens of MB of
// modules, nearly all surviving) grows it to its maximum, and V8 does not give the pages back
// while the API idles, so the default kept ~30 MB of empty young generation resident for good.
// At 8 MB the idle API is ~15 MB smaller; a 50,000-row export costs ~15 % more CPU (more
// scavenges), and request throughput was not measurably different (docs/scale.md).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { INSTALL_STAMP, installHash, installNeeded } from './install-stamp.mjs'
import { webSourceHash, WEB_DIST, WEB_STAMP } from './web-stamp.mjs'

const root = join(import.meta.dirname, '..')
const apiDir = join(root, 'apps/api')
const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm'

// Asynchronous, so the template's child (below) runs on while pnpm builds.
async function run(what, args) {
  const child = spawn(pnpm, args, { cwd: root, stdio: 'inherit' })
  // once() rejects on 'error' (pnpm not found): that fails the start as a non-zero exit does.
  const status = await once(child, 'exit').then(
    ([code]) => code,
    () => null,
  )
  if (status !== 0) {
    console.error(`[start] ${what} failed`)
    process.exit(status ?? 1)
  }
}

// A full install only when node_modules does not match the lockfile (or was never stamped): a
// restart then starts the API at once.
const needed = installNeeded(root)
if (needed) {
  console.log(`[start] ${needed}: installing the dependencies`)
  await run('installing the dependencies', ['install', '--frozen-lockfile'])
  writeFileSync(join(root, INSTALL_STAMP), `${installHash(root)}\n`)
} else console.log('[start] the dependencies match the lockfile')

// The API runs from its JavaScript build (apps/api/dist), rebuilt when its sources differ from
// those dist was built from (apps/api/scripts/build.mjs), so a `git pull` never runs the previous
// release's code. Source maps name the .ts lines in stack traces.
const { ensureApiBuild } = await import(pathToFileURL(join(apiDir, 'scripts/build.mjs')).href)
const built = await ensureApiBuild()
console.log(
  built ? `[start] ${built}: built the API` : '[start] the API in apps/api/dist is current',
)

// The embedded database's template (apps/api/src/db/pglite-template.ts) is made beside the builds,
// in a child process, so a new data directory is restored from it rather than initdb'd at the
// first start. A start that builds nothing makes none (a restart waits for nothing): the template
// appears with the next build, and until then a new data directory is initdb'd as before.
let template = null
function makeTemplate() {
  if (template || process.env.DATABASE_URL) return
  template = new Promise((done) => {
    const child = spawn(process.execPath, [join(apiDir, 'dist/pglite-template.js')], {
      cwd: apiDir,
      stdio: 'inherit',
    })
    // Only a speed-up: without it the server initdbs the new data directory itself.
    child.on('error', () => done())
    child.on('exit', (code) => {
      if (code !== 0) console.warn(`[start] making the embedded database's template failed`)
      done()
    })
  })
}
if (built) makeTemplate()

// The SPA is rebuilt whenever its sources (or the lockfile) differ from those dist was built
// from, so a `git pull` never leaves the previous release's pages in place. WEB_DIST set means the
// operator serves a build of their own.
if (!process.env.WEB_DIST) {
  const hash = webSourceHash(root)
  const stamp = join(root, WEB_STAMP)
  const built = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null
  const why = !existsSync(join(root, WEB_DIST, 'index.html'))
    ? `${WEB_DIST} is missing`
    : built === null
      ? `${WEB_DIST} has no build stamp`
      : built !== hash
        ? `the web app's sources changed since ${WEB_DIST} was built`
        : null
  if (why) {
    console.log(`[start] ${why}: building the SPA`)
    makeTemplate()
    await run('building the SPA', ['--filter', '@rectify/web', 'build'])
    writeFileSync(stamp, `${hash}\n`)
  } else console.log(`[start] the SPA in ${WEB_DIST} is current (sources ${hash.slice(0, 12)})`)
}

await template
process.setSourceMapsEnabled(true)

// SIGHUP (the terminal closed) is a request to stop, like SIGTERM.
process.on('SIGHUP', () => process.kill(process.pid, 'SIGTERM'))
const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) {
    console.log(`[start] the parent process ${parent} is gone: stopping`)
    process.kill(process.pid, 'SIGTERM')
  }
}, 500).unref()

// The API runs in apps/api, like `pnpm dev` and `pnpm rectify`: all three then agree on a relative
// DATA_DIR (./data = apps/api/data).
process.chdir(apiDir)
await import(pathToFileURL(join(apiDir, 'dist/server.js')).href)
