import type pg from 'pg'

/**
 * Makes a pooled connection run promise-style queries one after another, in call order.
 *
 * A transaction is one connection, and read helpers that take a `DbOrTx` fetch their parts with
 * `Promise.all` — concurrent on the pool, where each query gets its own connection, but sent all
 * at once on a transaction's. pg queues those itself today and warns that it will stop doing so in
 * pg 9 ("client.query() when the client is already executing a query"). Queuing them here keeps
 * the same order and the same results (PGlite, a single connection, does the same), without
 * asking every caller to know whether it was handed a pool or a transaction.
 *
 * Callback-style calls (pg-pool's own `pool.query`, which holds the connection for that one query)
 * and submittables (cursors, streams) go straight through.
 */
export function serializeQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  let tail: Promise<unknown> = Promise.resolve()
  client.query = ((...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined
    if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function')
      return query(...args)
    const run = () => query(...args) as Promise<unknown>
    const result = tail.then(run, run)
    tail = result.catch(() => undefined)
    return result
  }) as typeof client.query
}
