import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The API as it runs in production: its own node process (src/server.ts through tsx). */
const apiDir = fileURLToPath(new URL('../..', import.meta.url))
export const API_APPLICATION = 'rectify-fault-api'
/**
 * The server's request timeout in these tests (its statement timeout is 5 s less): every answer
 * must come within it.
 */
export const REQUEST_TIMEOUT_MS = 20_000

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

export class ApiProcess {
  child: ChildProcess | null = null
  /** Set when the process ended without being told to (a crash). */
  crashed: { code: number | null; signal: string | null } | null = null
  private out = ''
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'rectify-fault-api-'))
  private stopping = false

  private constructor(
    private readonly databaseUrl: string,
    readonly port: number,
  ) {}

  static async create(databaseUrl: string) {
    return new ApiProcess(databaseUrl, await freePort())
  }

  get base() {
    return `http://127.0.0.1:${this.port}`
  }

  output() {
    return this.out.slice(-20_000)
  }

  /** Starts the server (migrating the database if needed) and waits until /ready says ready. */
  async start(timeoutMs = 180_000) {
    this.stopping = false
    this.crashed = null
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: this.databaseUrl,
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      JWT_SECRET: 'fault-test-secret-fault-test-secret-0123456789',
      SEED_DEMO: 'never',
      LOG_LEVEL: 'warn',
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      RATE_LIMIT_MAX: '1000000',
      LOGIN_RATE_LIMIT_MAX: '1000000',
    }
    for (const k of ['DATABASE_OWNER_URL', 'TEST_DATABASE_URL', 'WEB_DIST']) delete env[k]
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    child.stdout!.on('data', (d: Buffer) => (this.out += d.toString()))
    child.stderr!.on('data', (d: Buffer) => (this.out += d.toString()))
    child.on('exit', (code, signal) => {
      if (!this.stopping) this.crashed = { code, signal }
      if (this.child === child) this.child = null
    })
    const end = Date.now() + timeoutMs
    for (;;) {
      if (this.crashed) throw new Error(`the API exited at start:\n${this.output()}`)
      const ready = await fetch(`${this.base}/api/v1/ready`, {
        signal: AbortSignal.timeout(5000),
      }).catch(() => null)
      if (ready?.ok) return
      if (Date.now() > end) throw new Error(`the API did not become ready:\n${this.output()}`)
      await new Promise((r) => setTimeout(r, 250))
    }
  }

  /** SIGKILL: no shutdown, no cleanup — as when the machine loses the process. */
  async kill() {
    const child = this.child
    if (!child) return
    this.stopping = true
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGKILL')
    await exited
  }

  async close() {
    await this.kill()
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}

/** Logs in over HTTP and answers the bearer token. */
export async function loginToken(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { accessToken: string }).accessToken
}
