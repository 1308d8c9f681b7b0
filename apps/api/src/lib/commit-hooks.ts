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
 * Makes `db.transaction` end every top-level transaction with the current request's
 * `beforeCommit`, if any, then the work deferred with atCommit, just before COMMIT (savepoints,
 * `tx.transaction`, are left alone). The Idempotency-Key record uses the first to commit with
 * the write it guards: a write that committed is always known as done, even if the database goes
 * away before the response is stored.
 */
export function withCommitHooks(db: Db): Db {
  const transaction = db.transaction.bind(db)
  db.transaction = ((run: (tx: Tx) => Promise<unknown>, config?: never) =>
    transaction(async (tx) => {
      const pending: Deferred = new Map()
      deferred.set(tx, pending)
      try {
        const result = await run(tx)
        const scope = scopes.getStore()
        if (scope) await scope.beforeCommit(tx)
        for (const slot of pending.values()) await slot.flush(tx, slot.value as never)
        return result
      } finally {
        deferred.delete(tx)
      }
    }, config)) as Db['transaction']
  return db
}
