/**
 * The proof-of-work search off the main thread, so the form stays responsive while it runs.
 * In: `{ salt, difficulty }`. Out: `{ type: 'progress', tries }` now and then, then
 * `{ type: 'done', nonce }` or `{ type: 'failed' }`.
 */
import { solve } from './pow'

export type PowRequest = { salt: string; difficulty: number }
export type PowMessage =
  { type: 'progress'; tries: number } | { type: 'done'; nonce: string } | { type: 'failed' }

/** The worker's global scope (the app's TypeScript lib is DOM, not WebWorker). */
const scope = self as unknown as {
  postMessage: (message: PowMessage) => void
  onmessage: ((event: MessageEvent<PowRequest>) => void) | null
}
const post = (message: PowMessage) => scope.postMessage(message)

scope.onmessage = (event) => {
  const { salt, difficulty } = event.data
  let last = 0
  solve(salt, difficulty, {
    batch: 512,
    onProgress: (tries) => {
      // A few updates a second are enough for a progress bar.
      const now = Date.now()
      if (now - last < 150) return
      last = now
      post({ type: 'progress', tries })
    },
  })
    .then((nonce) => post({ type: 'done', nonce }))
    .catch(() => post({ type: 'failed' }))
}
