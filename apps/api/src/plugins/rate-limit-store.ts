import type { Database } from '../db/client.js'

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void
interface RouteParams {
  groupId?: string
  routeInfo?: { method?: string | string[]; url?: string }
}

/**
 * Limits of at most this many hits per window are counted exactly, one statement per hit: the
 * login and refresh limits (brute force), the public report and upload limits. They are rare.
 */
export const EXACT_UP_TO = 100
/** Hits under a larger limit reach the shared row at most this long after they happen. */
export const FLUSH_MS = 200

interface Tally {
  /** The shared count as of the last flush (every instance's hits). */
  shared: number
  /** This instance's hits since then, not yet added to the shared row. */
  pending: number
  /** When the window ends, on this clock. */
  resetAt: number
  windowMs: number
}

/**
 * A @fastify/rate-limit store in PostgreSQL, so that every API instance on one database counts the
 * same hits (per-process memory would give each instance its own allowance). The row of (route,
 * client key) on an UNLOGGED table counts the hits of a fixed window, restarted by the first hit
 * after it ends.
 *
 * A small limit (≤ EXACT_UP_TO) writes that row on every hit. A large one (the global 600 a
 * minute, the public board's) would put one contended upsert in front of every request — ten
 * connections from one address queue on one row lock — so its hits are counted here and added to
 * the shared rows every FLUSH_MS, all keys in one statement, the answer taken from the shared
 * count last read plus this instance's hits since. The approximation is bounded: another
 * instance's hits are seen at most FLUSH_MS (plus a round trip) late, so each instance may admit
 * what the others sent in that time beyond the limit.
 *
 * The embedded PGlite database keeps the plugin's in-memory store: one process serves it.
 */
export function pgRateLimitStore(database: Database) {
  const tallies = new Map<string, Tally>()
  let timer: NodeJS.Timeout | null = null

  async function flush() {
    timer = null
    const now = Date.now()
    const sent: [string, Tally, number][] = []
    for (const [key, t] of tallies) {
      if (t.pending > 0) sent.push([key, t, t.pending])
      else if (t.resetAt <= now) tallies.delete(key)
    }
    if (!sent.length) return
    // One order for every instance, so two flushes never lock the same rows the other way round.
    sent.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    for (const [, t] of sent) t.pending = 0
    try {
      const rows = await database.query<{ key: string; hits: number; ttl: string | number }>(
        `insert into rate_limits as r (key, hits, reset_at)
           select k, h, now() + make_interval(secs => w / 1000)
             from unnest($1::text[], $2::int[], $3::float8[]) as t(k, h, w)
         on conflict (key) do update set
           hits = case when r.reset_at <= now() then excluded.hits else r.hits + excluded.hits end,
           reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
         returning key, hits, ceil(extract(epoch from r.reset_at - now()) * 1000) as ttl`,
        [sent.map(([k]) => k), sent.map(([, , n]) => n), sent.map(([, t]) => t.windowMs)],
      )
      const at = Date.now()
      for (const row of rows) {
        const t = tallies.get(row.key)
        if (!t) continue
        t.shared = row.hits
        t.resetAt = at + Math.max(0, Number(row.ttl))
      }
    } catch {
      // The database is unreachable (or the app closed): these hits go uncounted, as the plugin's
      // skipOnError does for the exact path.
    }
  }

  function countHere(key: string, timeWindow: number): { current: number; ttl: number } {
    const now = Date.now()
    let t = tallies.get(key)
    if (!t || t.resetAt <= now) {
      t = { shared: 0, pending: 0, resetAt: now + timeWindow, windowMs: timeWindow }
      tallies.set(key, t)
    }
    t.pending++
    // unref: a pending flush never keeps a closing process alive.
    if (!timer) timer = setTimeout(() => void flush(), FLUSH_MS).unref()
    return { current: t.shared + t.pending, ttl: t.resetAt - now }
  }

  return class PgRateLimitStore {
    constructor(
      _params?: unknown,
      private readonly scope = 'global',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number, max?: number): void {
      const scoped = `${this.scope}|${key}`
      if (max !== undefined && max > EXACT_UP_TO) {
        // Its own row: an instance configured with a small limit for the route counts apart.
        cb(null, countHere(`~${scoped}`, timeWindow))
        return
      }
      database
        .query<{ hits: number; ttl: string | number }>(
          `insert into rate_limits as r (key, hits, reset_at)
             values ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
           on conflict (key) do update set
             hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
             reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
           returning hits, ceil(extract(epoch from r.reset_at - now()) * 1000) as ttl`,
          [scoped, timeWindow],
        )
        .then(([row]) => cb(null, { current: row!.hits, ttl: Math.max(0, Number(row!.ttl)) }))
        .catch((err: Error) => cb(err))
    }

    read(key: string, cb: Callback): void {
      database
        .query<{ hits: number; ttl: string | number }>(
          `select hits, ceil(extract(epoch from reset_at - now()) * 1000) as ttl
             from rate_limits where key = $1 and reset_at > now()`,
          [`${this.scope}|${key}`],
        )
        .then(([row]) => cb(null, { current: row?.hits ?? 0, ttl: Number(row?.ttl ?? 0) }))
        .catch((err: Error) => cb(err))
    }

    /** A route's own limit counts apart from the global one and from other routes'. */
    child(routeParams: object) {
      // The plugin passes its merged route parameters (typed as the route's options).
      const params = routeParams as RouteParams
      const method = [params.routeInfo?.method ?? ''].flat().join(',')
      return new PgRateLimitStore(
        undefined,
        params.groupId ?? `${method} ${params.routeInfo?.url ?? ''}`,
      )
    }
  }
}
