import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * `pnpm start` as a service manager runs it: the server answers, a second start on the same
 * embedded data directory is refused with the holder's pid, and SIGTERM to what was started (the
 * pnpm process, which does not pass signals on) stops the server and frees port and directory.
 * Two spawned starts in all: each migrates a fresh PGlite, which is slow under load.
 */
const repo = fileURLToPath(new URL('../../..', import.meta.url))
const root = mkdtempSync(join(tmpdir(), 'rectify-start-'))
const dataDir = join(root, 'data')
const webDist = join(root, 'web')
const TIMEOUT = 240_000
const running = new Set<ChildProcess>()
afterAll(() => {
  for (const child of running) child.kill('SIGKILL')
  rmSync(root, { recursive: true, force: true, maxRetries: 3 })
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

interface Started {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function pnpmStart(port: number): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'never',
    WEB_DIST: webDist, // a build of its own: the start then leaves apps/web/dist alone
    REMINDER_INTERVAL_SECONDS: '0',
    WEBHOOK_INTERVAL_MS: '0',
  }
  delete env.DATABASE_URL
  delete env.JWT_SECRET
  const child = spawn('pnpm', ['start'], { cwd: repo, env })
  running.add(child)
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => (running.delete(child), resolve(code))),
  )
  return { child, output: () => output, exited }
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms: number) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * `pnpm start` here always runs on an embedded data directory of its own (DATABASE_URL removed):
 * the PostgreSQL pass would repeat it unchanged, so only the embedded pass runs it.
 */
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('pnpm start', () => {
  it(
    'holds the data directory, refuses a second start on it, and stops on SIGTERM within 10 s',
    { timeout: TIMEOUT },
    async () => {
      mkdirSync(webDist, { recursive: true })
      writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Rectify</title>')
      const port = await freePort()
      const first = pnpmStart(port)
      await until('the server', () => first.output().includes('Rectify is serving'), 200_000)
      expect(first.output()).toMatch(/applied \d+ migration\(s\): 0000_foundation, /)
      const lock = join(dataDir, 'pglite.lock')
      expect(existsSync(lock)).toBe(true)

      const second = pnpmStart(await freePort())
      expect(await second.exited).not.toBe(0)
      expect(second.output()).toMatch(
        /Rectify cannot start: the embedded database at .+ is in use by process \d+ \(server, since /,
      )

      first.child.kill('SIGTERM')
      // A bounded wait, not a benchmark: the port and the directory are free again.
      await until('the port to close', async () => !(await listening(port)), 10_000)
      await until('the lock to go', () => !existsSync(lock), 10_000)
    },
  )
})
