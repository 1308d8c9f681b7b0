/**
 * Starts what the browser tests need: the built SPA and the API serving it on a free port with
 * a fresh embedded database: migrated and seeded with the demo city on first start, or (`demo:
 * false`) holding nothing but a top unit and its administrator (`BOOTSTRAP_ADMIN`), from whom
 * the tests make everything else through the API. With E2E_BASE_URL set, it starts nothing and
 * tests that system instead.
 */
import { spawn } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export const webDir = path.resolve(import.meta.dirname, '..')
export const repoRoot = path.resolve(import.meta.dirname, '../../..')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

/** Builds the SPA when dist/ is missing or older than the sources (a stale build tests nothing). */
export async function ensureBuilt() {
  const index = path.join(webDir, 'dist', 'index.html')
  const sourcesAt = Math.max(
    newestMtime(path.join(webDir, 'src')),
    statSync(path.join(webDir, 'index.html')).mtimeMs,
  )
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesAt) return
  const { build } = await import('vite')
  await build({ root: webDir, logLevel: 'warn' })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function waitReady(baseUrl, child, logs, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`API exited with ${child.exitCode} before ready:\n${logs.join('')}`)
    try {
      const response = await fetch(`${baseUrl}/api/v1/ready`)
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`API not ready after ${timeoutMs} ms:\n${logs.join('')}`)
}

/**
 * Where the API's output goes for the whole run (E2E_API_LOG, or rectify-e2e-api.log in the
 * temporary directory): the API logs at warn, so a failed run's file says what the server saw.
 */
export const apiLogFile = process.env.E2E_API_LOG ?? path.join(tmpdir(), 'rectify-e2e-api.log')

function spawnApi(port, dataDir, logs, seedDemo) {
  // `--import tsx`, resolved from the API package, which is where pnpm links tsx.
  const tsx = pathToFileURL(
    createRequire(path.join(repoRoot, 'apps/api/package.json')).resolve('tsx'),
  ).href
  const child = spawn(process.execPath, ['--import', tsx, 'apps/api/src/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOGIN_RATE_LIMIT_MAX: '1000',
      RATE_LIMIT_MAX: '100000',
      // The public board's cache would hide what a test just changed for its lifetime.
      PUBLIC_CACHE_SECONDS: '0',
      PUBLIC_CHALLENGE_BITS: '8',
      // Info: the file then holds each request and the API's own start and stop.
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
      SEED_DEMO: seedDemo ? 'auto' : 'never',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const keep = (chunk) => {
    logs.push(chunk.toString())
    if (logs.length > 500) logs.shift()
    appendFileSync(apiLogFile, chunk)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  // An API that ends on its own (not through stopChild) says so, with its code or signal.
  child.on('exit', (code, signal) => {
    if (child.stopping) return
    const line = `e2e: the API (pid ${child.pid}) exited by itself: code ${code}, signal ${signal}\n`
    appendFileSync(apiLogFile, line)
    process.stderr.write(`${line}its last output:\n${logs.slice(-5).join('').slice(-4000)}\n`)
  })
  return child
}

/**
 * Prints the first lines of the API's output that are not warnings (errors, fatal, anything not
 * from the logger, such as the embedded database stopping), so that a run whose API failed says
 * why in its own log.
 */
function reportServerErrors() {
  const lines = readFileSync(apiLogFile, 'utf8').split('\n').filter(Boolean)
  const serious = lines.filter((line) => !/^\{.*"level":(?:[1-4]\d)\b/.test(line))
  if (serious.length === 0) return
  process.stderr.write(
    `The API printed ${serious.length} line(s) above warning level (all in ${apiLogFile}); the first:\n` +
      serious
        .slice(0, 20)
        .map((line) => `  ${line.slice(0, 2000)}\n`)
        .join(''),
  )
}

/** The account a system started without the demo city begins with (see `bootstrap`). */
export const BOOTSTRAP_ADMIN = { username: 'e2e_admin', password: 'E2e#Bootstrap2026' }
const TOP_UNIT = { code: 'E2E', name: '测试市' }

/** The embedded database in `dataDir` (where apps/api/src/db/client.ts keeps it), opened here. */
async function openPglite(dataDir) {
  const requireApi = createRequire(path.join(repoRoot, 'apps/api/package.json'))
  const { PGlite } = await import(pathToFileURL(requireApi.resolve('@electric-sql/pglite')).href)
  const { pg_trgm } = await import(
    pathToFileURL(requireApi.resolve('@electric-sql/pglite/contrib/pg_trgm')).href
  )
  return new PGlite(path.join(dataDir, 'pglite'), { extensions: { pg_trgm } })
}

/** Runs the admin CLI (`rectify …`) on `dataDir`, with `input` on its standard input. */
function cli(dataDir, args, input = '') {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['apps/api/bin/rectify.mjs', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`rectify ${args[0]} exited with ${code}:\n${Buffer.concat(output)}`)),
    )
    child.stdin.end(input)
  })
}

/**
 * A new installation's first steps, before the API's first start, as the README gives them: the
 * schema (rectify migrate), the city's top unit (rectify create-unit) and its administrator
 * (rectify create-user), each audited as the CLI.
 */
async function bootstrap(dataDir) {
  await cli(dataDir, ['migrate'])
  await cli(dataDir, [
    'create-unit',
    '--code',
    TOP_UNIT.code,
    '--name',
    TOP_UNIT.name,
    '--kind',
    'city',
  ])
  await cli(
    dataDir,
    [
      'create-user',
      '--username',
      BOOTSTRAP_ADMIN.username,
      '--unit',
      TOP_UNIT.code,
      '--role',
      'admin',
      '--display-name',
      '测试管理员',
      '--password-stdin',
    ],
    `${BOOTSTRAP_ADMIN.password}\n`,
  )
}

async function stopChild(child) {
  if (child.exitCode !== null) return
  child.stopping = true
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/**
 * Returns `{ baseUrl, stop, logs, withDatabase }`; `stop()` ends the API and removes its data
 * directory. `withDatabase(fn)` stops the API, hands `fn` the embedded database (a PGlite
 * instance on the same data directory) and starts the API again on the same port: how a test
 * lets time pass (e.g. a publicity period run out) without any clock knob in the product.
 * With E2E_BASE_URL set, `withDatabase` is null.
 */
export async function startSystem({ demo = true } = {}) {
  if (process.env.E2E_BASE_URL) {
    return {
      baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ''),
      stop: async () => {},
      logs: [],
      withDatabase: null,
    }
  }
  await ensureBuilt()
  writeFileSync(apiLogFile, '')
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rectify-e2e-'))
  const logs = []
  const baseUrl = `http://127.0.0.1:${port}`
  if (!demo) {
    try {
      await bootstrap(dataDir)
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true })
      throw error
    }
  }
  let child = spawnApi(port, dataDir, logs, demo)

  const stop = async () => {
    await stopChild(child)
    rmSync(dataDir, { recursive: true, force: true })
    reportServerErrors()
  }
  const withDatabase = async (fn) => {
    await stopChild(child)
    const pg = await openPglite(dataDir)
    try {
      await fn(pg)
    } finally {
      await pg.close()
    }
    child = spawnApi(port, dataDir, logs, demo)
    await waitReady(baseUrl, child, logs)
  }
  try {
    await waitReady(baseUrl, child, logs)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseUrl, stop, logs, withDatabase }
}
