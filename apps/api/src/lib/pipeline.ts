import { setImmediate } from 'node:timers/promises'

/** Rows per pipelined insert of an import, and rows built between two yields to the event loop. */
export const PIPELINE_STEP = 1000
export const PIPELINE_SLICE = 100

/**
 * Statements sent on a transaction while the caller goes on building the next ones (the imports'
 * writers): the connection runs them in order (pipelined, db/client.ts) while the API works, so the two
 * cores work at once instead of in turn. `send` handles each failure at once — never an unhandled
 * rejection while the caller is still building — and `done` awaits them all, failing with the
 * first (the statements after it fail too, in the aborted transaction). `yield` lets the
 * connection send its next statement as soon as one is done: call it every PIPELINE_SLICE rows.
 */
export function pipeline() {
  const sent: Promise<unknown>[] = []
  return {
    send(statement: Promise<unknown>): void {
      statement.catch(() => undefined)
      sent.push(statement)
    },
    done: async (): Promise<void> => void (await Promise.all(sent)),
    yield: () => setImmediate(),
  }
}
