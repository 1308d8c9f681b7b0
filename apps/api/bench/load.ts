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
  /** Seconds before a request counts as a timeout (autocannon's default: 10). */
  timeout?: number
}

/** Writers: each POSTs its own request in a loop, one at a time, for `seconds` (bench/writes.ts). */
export interface WritersOptions {
  writers: { url: string; headers: Record<string, string>; body: string }[]
  seconds: number
  /** The status every write must answer with. */
  status: number
}

/**
 * One request at a time, alternating between targets (A, B, A, B, …) for `seconds`: a same-run
 * A/B of latency with nothing queued behind anything, every request's time kept (bench/serial.ts).
 */
export interface AlternateOptions {
  alternate: { url: string; headers: Record<string, string> }[]
  seconds: number
}

/** Per target of an alternating run: its latencies in ms, in the order measured. */
export interface AlternateResult {
  ms: number[][]
  failed: number
  detail: string
}

export interface LoadResult {
  rps: number
  p50: number
  p99: number
  requests: number
  failed: number
  /** Of `failed`: connections that ended without an answer (closed or reset by the server). */
  errors: number
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
  return inChild(opts, opts.url, opts.seconds + (opts.timeout ?? 0))
}

/** Runs the writers in a child process (this file) and returns their figures. */
export function writersInChild(opts: WritersOptions): Promise<LoadResult> {
  for (const w of opts.writers) assertLoopback(w.url)
  return inChild(opts, 'writers', opts.seconds)
}

/** Runs an alternating one-at-a-time load in a child process (this file). */
export function alternateInChild(opts: AlternateOptions): Promise<AlternateResult> {
  for (const t of opts.alternate) assertLoopback(t.url)
  return inChild(opts, 'alternating targets', opts.seconds)
}

function inChild<R = LoadResult>(
  opts: LoadOptions | WritersOptions | AlternateOptions,
  what: string,
  seconds: number,
) {
  return new Promise<R>((resolve, reject) => {
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
    child.once('message', (msg: { ok: R } | { error: string }) => {
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
    ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}),
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed: result.errors + result.timeouts + result.non2xx,
    errors: result.errors,
    detail:
      `${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts ` +
      `(status codes: ${JSON.stringify(result.statusCodeStats ?? {})})`,
  }
}

async function runAlternate(opts: AlternateOptions): Promise<AlternateResult> {
  const deadline = performance.now() + opts.seconds * 1000
  const ms: number[][] = opts.alternate.map(() => [])
  let failed = 0
  let detail = ''
  for (let i = 0; performance.now() < deadline; i = (i + 1) % opts.alternate.length) {
    const t = opts.alternate[i]!
    const t0 = performance.now()
    const res = await fetch(t.url, { headers: t.headers })
    const text = await res.text()
    if (res.ok) ms[i]!.push(performance.now() - t0)
    else {
      failed++
      detail = `${failed} answers not 2xx, e.g. ${res.status} from ${t.url}: ${text.slice(0, 300)}`
    }
  }
  return { ms, failed, detail }
}

export const percentile = (sorted: number[], p: number) =>
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
    // Every failure here is an answer with another status.
    errors: 0,
    detail,
  }
}

if (process.argv.includes('--child') && process.send) {
  process.once('message', (opts: LoadOptions | WritersOptions | AlternateOptions) => {
    const run =
      'writers' in opts
        ? runWriters(opts)
        : 'alternate' in opts
          ? runAlternate(opts)
          : runLoad(opts)
    run.then(
      (ok) => process.send!({ ok }),
      (err: unknown) => process.send!({ error: err instanceof Error ? err.message : String(err) }),
    )
  })
}
