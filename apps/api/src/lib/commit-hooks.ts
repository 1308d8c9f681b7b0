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

/**
 * Makes `db.transaction` end every top-level transaction with the current request's
 * `beforeCommit`, if any, just before COMMIT (savepoints, `tx.transaction`, are left alone).
 * The Idempotency-Key record uses it to commit with the write it guards: a write that committed
 * is always known as done, even if the database goes away before the response is stored.
 */
export function withCommitHooks(db: Db): Db {
  const transaction = db.transaction.bind(db)
  db.transaction = ((run: (tx: Tx) => Promise<unknown>, config?: never) =>
    transaction(async (tx) => {
      const result = await run(tx)
      const scope = scopes.getStore()
      if (scope) await scope.beforeCommit(tx)
      return result
    }, config)) as Db['transaction']
  return db
}
