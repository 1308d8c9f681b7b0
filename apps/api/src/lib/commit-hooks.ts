import { AsyncLocalStorage } from 'node:async_hooks'
import type { Db, Tx } from '../db/client.js'

/** What a request asks of every transaction it commits. */
export interface CommitScope {
  /** Runs as the last statement of each top-level transaction, so it commits with it or not at all. */
  beforeCommit: (tx: Tx) => Promise<unknown>
}

const scopes = new AsyncLocalStorage<CommitScope>()

/** Runs `fn` (and everything it starts) with `scope`: its transactions end with `beforeCommit`. */
export function runWithCommitScope<T>(scope: CommitScope, fn: () => T): T {
  return scopes.run(scope, fn)
}

/** Work a top-level transaction put off to its end, by key, in the order first asked for. */
type Deferred = Map<object, { value: unknown; flush: (tx: Tx, value: never) => Promise<unknown> }>
const deferred = new WeakMap<object, Deferred>()
/** Statements sent on a top-level transaction whose results are awaited at its end (`send`). */
const inFlight = new WeakMap<object, Promise<unknown>[]>()

/**
 * The value `key` keeps for the top-level transaction `tx` (made by `init` on first use), whose
 * `flush` then runs once at the transaction's end, after the request's `beforeCommit` and just
 * before COMMIT. Undefined when `tx` is not a top-level transaction of a database wrapped by
 * withCommitHooks (a savepoint, or no transaction at all): the caller must then act at once.
 * The audit writer buffers its entries so: its chain lock is taken in the last statement.
 */
export function atCommit<T>(
  tx: unknown,
  key: object,
  init: () => T,
  flush: (tx: Tx, value: T) => Promise<unknown>,
): T | undefined {
  const pending = typeof tx === 'object' && tx ? deferred.get(tx) : undefined
  if (!pending) return undefined
  let slot = pending.get(key)
  if (!slot) {
    slot = { value: init(), flush: flush as (tx: Tx, value: never) => Promise<unknown> }
    pending.set(key, slot)
  }
  return slot.value as T
}

/**
 * Sends one statement on `tx` whose result nobody reads (an insert into the outbox, the chain's
 * append): on PostgreSQL the connection pipelines (db/client.ts), so the statements sent after
 * it — COMMIT included — go out without waiting for its answer, and the transaction awaits it
 * after COMMIT is sent behind it (a failure then has made COMMIT a rollback, and is thrown). On a
 * savepoint or the bare database, and on PGlite, it is simply awaited. `statement` must be one
 * statement not yet started (a drizzle query): it is started here, so it keeps its place in line.
 */
export function send(tx: unknown, statement: PromiseLike<unknown>): Promise<void> {
  // `then` starts a drizzle query at once (an `await` would start it a microtask later).
  const sent = new Promise<unknown>((resolve, reject) => {
    void statement.then(resolve, reject)
  })
  const list = typeof tx === 'object' && tx ? inFlight.get(tx) : undefined
  if (!list) return sent.then(() => undefined)
  sent.catch(() => undefined)
  list.push(sent)
  return Promise.resolve()
}

/** The first failure among statements sent with `send`, in the order they were sent. */
async function firstFailure(sent: Promise<unknown>[]): Promise<unknown> {
  for (const r of await Promise.allSettled(sent)) if (r.status === 'rejected') return r.reason
  return undefined
}

/**
 * Makes `db.transaction` end every top-level transaction with the current request's
 * `beforeCommit`, if any, then the work deferred with atCommit, just before COMMIT (savepoints,
 * `tx.transaction`, are left alone). The Idempotency-Key record uses the first to commit with
 * the write it guards: a write that committed is always known as done, even if the database goes
 * away before the response is stored. `pipelined` (PostgreSQL): statements sent with `send` are
 * awaited after COMMIT instead of before it, so their round trip and COMMIT's are one.
 */
export function withCommitHooks(db: Db, { pipelined = false } = {}): Db {
  const transaction = db.transaction.bind(db)
  db.transaction = (async (run: (tx: Tx) => Promise<unknown>, config?: never) => {
    let sent: Promise<unknown>[] = []
    let result: unknown
    try {
      result = await transaction(async (tx) => {
        const pending: Deferred = new Map()
        deferred.set(tx, pending)
        sent = []
        inFlight.set(tx, sent)
        try {
          const value = await run(tx)
          const scope = scopes.getStore()
          if (scope) await scope.beforeCommit(tx)
          for (const slot of pending.values()) await slot.flush(tx, slot.value as never)
          if (!pipelined) await Promise.all(sent)
          return value
        } finally {
          deferred.delete(tx)
          inFlight.delete(tx)
        }
      }, config)
    } catch (err) {
      // A statement sent earlier failed first: what came after it only found the transaction
      // aborted, so its error is the one that says what went wrong.
      throw (await firstFailure(sent)) ?? err
    }
    const failure = await firstFailure(sent)
    if (failure !== undefined) throw failure
    return result
  }) as Db['transaction']
  return db
}
