/**
 * The ledger page's first paint in headless Chromium (issue 15): Largest Contentful Paint of
 * `/problems` for a returning session, cold (a fresh browser profile: nothing cached, only the
 * refresh token held, as in a tab restored after its access token lapsed) and warm (a reload in
 * the same tab: assets cached, the access token still live). Goals: LCP ≤ 1.0 s warm, ≤ 1.5 s
 * cold. Next to each, the same run's login page (the same bundle, no session, no data) as the
 * baseline, the time the first ledger row was in the page, and how many API answers were 401
 * (goal 0: a reload must not start with a failing call).
 *
 * LCP is read with a PerformanceObserver registered before any page script (an init script)
 * with `buffered: true`, after the rows are in and two frames have passed; an observer created
 * after the paint without `buffered` sees nothing, and a page that was ever hidden reports no LCP
 * at all, so every run has its own visible page in new headless mode.
 *
 * The SPA is built into a scratch folder first (vite build) and served by its own app instance
 * on the bench's database, as `pnpm start` serves it. BENCH_LCP_RUNS (default 5) per mode;
 * BENCH_LCP_DEBUG=1 prints every load's LCP entries and when each asset was fetched;
 * BENCH_LCP_PROFILE=1 profiles one more warm reload (lcp-profile.ts).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page, type Request } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { DEMO_PASSWORD } from '../src/seed/demo.js'
import { profiled } from './lcp-profile.js'
import { record } from './results.js'

const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url))
const LEDGER_ROW = '[data-testid="problems-table"] .el-table__row'
/** After an LCP entry: how long no further one must arrive before the last is taken. */
const SETTLE_MS = 500

/** Runs in the page before its own scripts: the LCP entries and when the first row appeared. */
const OBSERVE = `
  window.__lcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const el = e.element;
      window.__lcp.push({ t: e.startTime, size: e.size, what: el ? el.tagName + ' ' + (el.textContent || '').trim().slice(0, 24) : '' });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new MutationObserver((_, self) => {
    if (document.querySelector('${LEDGER_ROW}')) { window.__rowsAt = performance.now(); self.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`

/** Runs in the page once it is ready: what the observers saw, and when each asset came. */
const READ = `({
  lcp: window.__lcp,
  rows: window.__rowsAt ?? null,
  origin: performance.timeOrigin,
  assets: performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/assets/'))
    .map((e) => e.name.split('/').pop() + ' ' + e.startTime.toFixed(0) + '-' + e.responseEnd.toFixed(0)),
})`

interface Seen {
  lcp: { t: number; size: number; what: string }[]
  rows: number | null
  origin: number
  assets: string[]
}

interface Sample {
  lcp: number
  what: string
  rows: number | null
  unauthorized: number
  /**
   * The API calls of the load: path, start and end in ms after navigation start, and how long
   * the request waited in the browser before it went on a connection (Chromium keeps 6 per host
   * over HTTP/1.1, shared with the page's script fetches).
   */
  calls: { path: string; status: number; start: number; end: number; queued: number }[]
}

/** Builds the SPA into a scratch folder; returns it (the caller removes it). */
export function buildSpa(): string {
  const out = mkdtempSync(join(tmpdir(), 'rectify-lcp-web-'))
  execFileSync('pnpm', ['exec', 'vite', 'build', '--outDir', out, '--emptyOutDir'], {
    cwd: WEB_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return out
}

async function tokens(base: string): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }),
  })
  if (!res.ok) throw new Error(`login as office answered ${res.status}`)
  return (await res.json()) as { accessToken: string; refreshToken: string }
}

/** Loads `path` (or reloads) and reads the LCP once `ready` is on the page. */
async function sample(page: Page, load: () => Promise<unknown>, ready: string): Promise<Sample> {
  const calls: Sample['calls'] = []
  const onFinished = async (request: Request) => {
    const url = new URL(request.url())
    if (!url.pathname.startsWith('/api/')) return
    const timing = request.timing()
    const response = await request.response()
    calls.push({
      path: url.pathname,
      status: response?.status() ?? 0,
      start: timing.startTime,
      queued: Math.max(0, timing.requestStart),
      end: timing.startTime + timing.responseEnd,
    })
  }
  page.on('requestfinished', onFinished)
  try {
    await load()
    await page.locator(ready).first().waitFor({ timeout: 60_000 })
    // LCP entries are queued after the frame is presented, which a loaded machine delays well
    // past the next animation frames: wait for the first, then let later (larger) ones arrive.
    // Polled with evaluate: waitForFunction evaluates its predicate with eval in the page, which
    // the SPA's Content-Security-Policy (script-src 'self') refuses.
    const t0 = Date.now()
    const count = () => page.evaluate<number>('window.__lcp.length')
    while ((await count()) === 0) {
      if (Date.now() - t0 > 20_000) throw new Error('no largest-contentful-paint entry in 20 s')
      await page.waitForTimeout(50)
    }
    const lcpWait = Date.now() - t0
    for (let before = -1, now = await count(); now !== before; before = now, now = await count())
      await page.waitForTimeout(SETTLE_MS)
    const seen = await page.evaluate<Seen>(READ)
    const last = seen.lcp.at(-1)
    if (!last) throw new Error('Chromium reported no largest-contentful-paint entry')
    if (process.env.BENCH_LCP_DEBUG)
      console.log({ lcpWait, entries: seen.lcp, rows: seen.rows, assets: seen.assets })
    // Request timings are wall-clock ms since the epoch; put them on the page's clock.
    const onPage = calls.map((c) => ({
      ...c,
      start: c.start - seen.origin,
      end: c.end - seen.origin,
    }))
    return {
      lcp: last.t,
      what: last.what,
      rows: seen.rows,
      unauthorized: calls.filter((c) => c.status === 401).length,
      calls: onPage,
    }
  } finally {
    page.off('requestfinished', onFinished)
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor((s.length - 1) / 2)]!
}

async function newPage(browser: Browser, base: string, refreshToken: string | null) {
  const context = await browser.newContext({
    baseURL: base,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  })
  await context.addInitScript(OBSERVE)
  if (refreshToken) {
    // A returning session that holds only the refresh token (set once, before the SPA runs).
    await context.addInitScript(
      `if (!sessionStorage.getItem('rectify.refreshToken')) sessionStorage.setItem('rectify.refreshToken', ${JSON.stringify(refreshToken)})`,
    )
  }
  return { context, page: await context.newPage() }
}

/** `path: start–end` for each API call of one load, for the printed report. */
function waterfall(s: Sample): string {
  return s.calls
    .sort((a, b) => a.start - b.start)
    .map(
      (c) =>
        `    ${c.path.replace('/api/v1', '').padEnd(22)} ${c.status}  ${c.start.toFixed(0).padStart(5)}–${c.end.toFixed(0)} ms (waited ${c.queued.toFixed(0)} ms for a connection)`,
    )
    .join('\n')
}

/** The ledger LCP, cold and warm, against the login page's; `runs` loads of each. */
export async function benchLcp(app: FastifyInstance, runs: number): Promise<string> {
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const ledger = { cold: [] as Sample[], warm: [] as Sample[] }
  const login = { cold: [] as Sample[], warm: [] as Sample[] }
  let profile = ''
  try {
    for (let i = 0; i < runs; i++) {
      const { refreshToken } = await tokens(base)
      const { context, page } = await newPage(browser, base, refreshToken)
      ledger.cold.push(await sample(page, () => page.goto('/problems'), LEDGER_ROW))
      ledger.warm.push(await sample(page, () => page.reload(), LEDGER_ROW))
      if (process.env.BENCH_LCP_PROFILE && i === runs - 1)
        profile = await profiled(page, () => sample(page, () => page.reload(), LEDGER_ROW))
      await context.close()

      const anonymous = await newPage(browser, base, null)
      const form = '[data-testid="login-submit"]'
      login.cold.push(await sample(anonymous.page, () => anonymous.page.goto('/login'), form))
      login.warm.push(await sample(anonymous.page, () => anonymous.page.reload(), form))
      await anonymous.context.close()
    }
  } finally {
    await browser.close()
  }

  const lines = [`ledger page LCP, headless Chromium, ${runs} loads each (median ms)`]
  for (const mode of ['warm', 'cold'] as const) {
    const lcp = median(ledger[mode].map((s) => s.lcp))
    const rows = median(
      ledger[mode].map((s) => {
        if (s.rows === null) throw new Error('the first ledger row was not seen in the page')
        return s.rows
      }),
    )
    const floor = median(login[mode].map((s) => s.lcp))
    const unauthorized = ledger[mode].reduce((n, s) => n + s.unauthorized, 0)
    const goal = mode === 'warm' ? 1000 : 1500
    const element = ledger[mode].at(-1)!.what
    lines.push(
      `  ${mode}: LCP ${lcp.toFixed(0)} ms (goal ≤ ${goal}; all ${ledger[mode].map((s) => s.lcp.toFixed(0)).join(', ')}; element ${element}); ` +
        `first row ${rows.toFixed(0)} ms; login page ${floor.toFixed(0)} ms; 401 answers ${unauthorized}`,
    )
    record(
      {
        name: `ledger LCP ${mode}`,
        value: lcp,
        unit: 'ms',
        baseline: { name: `login page LCP ${mode}`, value: floor },
        goal: { op: '<=', limit: goal },
        concurrency: 1,
      },
      { name: `ledger first row ${mode}`, value: rows, unit: 'ms', concurrency: 1 },
      {
        name: `ledger 401 answers ${mode}`,
        value: unauthorized,
        unit: 'responses',
        goal: { op: '<=', limit: 0 },
        concurrency: 1,
      },
    )
  }
  lines.push('  API calls of the last cold load:', waterfall(ledger.cold.at(-1)!))
  lines.push('  API calls of the last warm load:', waterfall(ledger.warm.at(-1)!))
  if (profile) lines.push(profile)
  return lines.join('\n')
}

/** Builds the SPA, runs `fn` with its folder, removes it (unless BENCH_LCP_SPA names one). */
export async function withBuiltSpa<T>(fn: (root: string) => Promise<T>): Promise<T> {
  // BENCH_LCP_SPA: a build made already (vite build --outDir …), kept; saves a build per run.
  if (process.env.BENCH_LCP_SPA) return fn(process.env.BENCH_LCP_SPA)
  const root = buildSpa()
  try {
    return await fn(root)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
