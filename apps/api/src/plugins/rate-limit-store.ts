import type { Database } from '../db/client.js'

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void
interface RouteParams {
  groupId?: string
  routeInfo?: { method?: string | string[]; url?: string }
}

/**
 * A @fastify/rate-limit store in PostgreSQL, so that every API instance on one database counts the
 * same hits (per-process memory would give each instance its own allowance). One statement per
 * request on an UNLOGGED table: the row of (route, client key) counts the hits of a fixed window,
 * restarted by the first hit after it ends. The embedded PGlite database keeps the plugin's
 * in-memory store: one process serves it.
 */
export function pgRateLimitStore(database: Database) {
  return class PgRateLimitStore {
    constructor(
      _params?: unknown,
      private readonly scope = 'global',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      database
        .query<{ hits: number; ttl: string | number }>(
          `insert into rate_limits as r (key, hits, reset_at)
             values ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
           on conflict (key) do update set
             hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
             reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
           returning hits, ceil(extract(epoch from r.reset_at - now()) * 1000) as ttl`,
          [`${this.scope}|${key}`, timeWindow],
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
