/**
 * The load generator in a process of its own: the bench server's event loop (and its garbage
 * collector) never shares a thread or a heap with autocannon's. run.ts forks this file once per
 * load (`loadInChild`), sends the options over IPC, and gets the result back; the child connects
 * to 127.0.0.1 only and is killed if it overruns its duration by more than GRACE_MS.
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

export interface LoadOptions {
  url: string
  method: string
  headers: Record<string, string>
  body?: string
  connections: number
  seconds: number
}

/** Writers: each POSTs its own request in a loop, one at a time, for `seconds` (bench/writes.ts). */
export interface WritersOptions {
  writers: { url: string; headers: Record<string, string>; body: string }[]
  seconds: number
  /** The status every write must answer with. */
  status: number
}

export interface LoadResult {
  rps: number
  p50: number
  p99: number
  requests: number
  failed: number
  detail: string
}

/** Time the child may take beyond the load itself (start, connect, report) before it is killed. */
const GRACE_MS = 30_000

function assertLoopback(url: string): void {
  const host = new URL(url).hostname
  if (host !== '127.0.0.1') throw new Error(`the load generator only loads 127.0.0.1, not ${host}`)
}

/** Runs one autocannon load in a child process (this file) and returns its figures. */
export function loadInChild(opts: LoadOptions): Promise<LoadResult> {
  assertLoopback(opts.url)
  return inChild(opts, opts.url, opts.seconds)
}

/** Runs the writers in a child process (this file) and returns their figures. */
export function writersInChild(opts: WritersOptions): Promise<LoadResult> {
  for (const w of opts.writers) assertLoopback(w.url)
  return inChild(opts, 'writers', opts.seconds)
}

function inChild(opts: LoadOptions | WritersOptions, what: string, seconds: number) {
  return new Promise<LoadResult>((resolve, reject) => {
    // fork inherits process.execArgv, i.e. tsx's loader when the bench runs under tsx.
    const child = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: 'inherit' })
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
    }
    const timer = setTimeout(
      () => {
        child.kill('SIGKILL')
        finish(() => reject(new Error(`load generator overran ${seconds} s for ${what}`)))
      },
      seconds * 1000 + GRACE_MS,
    )
    child.once('message', (msg: { ok: LoadResult } | { error: string }) => {
      finish(() => ('ok' in msg ? resolve(msg.ok) : reject(new Error(msg.error))))
      child.disconnect()
    })
    child.once('error', (err) => finish(() => reject(err)))
    child.once('exit', (code) =>
      finish(() => reject(new Error(`load generator exited with ${code} before reporting`))),
    )
    child.send(opts)
  })
}

async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  assertLoopback(opts.url)
  const result = await autocannon({
    url: opts.url,
    method: opts.method as 'GET',
    headers: opts.headers,
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    connections: opts.connections,
    duration: opts.seconds,
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed: result.errors + result.timeouts + result.non2xx,
    detail:
      `${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts ` +
      `(status codes: ${JSON.stringify(result.statusCodeStats ?? {})})`,
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0

async function runWriters(opts: WritersOptions): Promise<LoadResult> {
  const started = performance.now()
  const deadline = started + opts.seconds * 1000
  const ms: number[] = []
  let failed = 0
  let detail = ''
  await Promise.all(
    opts.writers.map(async (w) => {
      while (performance.now() < deadline) {
        const t0 = performance.now()
        const res = await fetch(w.url, { method: 'POST', headers: w.headers, body: w.body })
        const text = await res.text()
        if (res.status === opts.status) ms.push(performance.now() - t0)
        else {
          failed++
          detail = `${failed} writes answered otherwise than ${opts.status}, e.g. ${res.status}: ${text.slice(0, 300)}`
        }
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  ms.sort((a, b) => a - b)
  return {
    rps: ms.length / elapsed,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    requests: ms.length,
    failed,
    detail,
  }
}

if (process.argv.includes('--child') && process.send) {
  process.once('message', (opts: LoadOptions | WritersOptions) => {
    ;('writers' in opts ? runWriters(opts) : runLoad(opts)).then(
      (ok) => process.send!({ ok }),
      (err: unknown) => process.send!({ error: err instanceof Error ? err.message : String(err) }),
    )
  })
}
