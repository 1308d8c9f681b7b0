/**
 * Runs the proof of work in a module Web Worker (lib/pow.worker.ts), or on the main thread
 * where workers are unavailable. The caller gets the nonce, progress as the chance that the
 * search is done by now, and a way to stop it (leaving the page, a new challenge).
 */
import { solve, solveProbability, PowAbandoned } from './pow'
import type { PowMessage, PowRequest } from './pow.worker'

export interface PowRun {
  result: Promise<string>
  cancel: () => void
}

export function runPow(
  salt: string,
  difficulty: number,
  onProgress: (fraction: number) => void,
): PowRun {
  const progress = (tries: number) => onProgress(solveProbability(tries, difficulty))
  if (typeof Worker === 'undefined') {
    let stopped = false
    return {
      result: solve(salt, difficulty, { onProgress: progress, cancelled: () => stopped }),
      cancel: () => void (stopped = true),
    }
  }

  const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' })
  let stopped = false
  let reject: (reason: unknown) => void = () => {}
  const result = new Promise<string>((resolve, fail) => {
    reject = fail
    worker.onmessage = (event: MessageEvent<PowMessage>) => {
      const message = event.data
      if (message.type === 'progress') return progress(message.tries)
      worker.terminate()
      if (message.type === 'done') resolve(message.nonce)
      else fail(new PowAbandoned())
    }
    worker.onerror = () => {
      worker.terminate()
      // A worker that cannot start (an old browser, a strict policy): search here instead.
      solve(salt, difficulty, { onProgress: progress, cancelled: () => stopped }).then(
        resolve,
        fail,
      )
    }
  })
  worker.postMessage({ salt, difficulty } satisfies PowRequest)
  return {
    result,
    cancel: () => {
      stopped = true
      worker.terminate()
      reject(new PowAbandoned())
    },
  }
}
