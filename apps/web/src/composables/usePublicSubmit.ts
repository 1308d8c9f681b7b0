/**
 * Sending a public report: fetch a challenge, solve it off the main thread (lib/pow-runner.ts),
 * post the report with the answer; when the challenge was already used (409) or refused, solve a
 * fresh one and try once more. `phase` and `progress` drive the "正在进行安全校验…" display.
 */
import type { ChallengeAnswer, PublicReportReceipt, SubmitPublicReportBody } from '@rectify/schemas'
import { onBeforeUnmount, ref } from 'vue'
import { getChallenge, submitPublicReport } from '@/api/public'
import { runPow, type PowRun } from '@/lib/pow-runner'
import { needsNewChallenge } from '@/lib/public-report'

export type SubmitPhase = 'idle' | 'checking' | 'sending'

export function usePublicSubmit() {
  const phase = ref<SubmitPhase>('idle')
  /** The chance the security check is done by now, 0–1. */
  const progress = ref(0)
  let run: PowRun | null = null

  async function solveChallenge(): Promise<ChallengeAnswer> {
    phase.value = 'checking'
    progress.value = 0
    const challenge = await getChallenge()
    run = runPow(challenge.salt, challenge.difficulty, (p) => (progress.value = p))
    const nonce = await run.result
    run = null
    progress.value = 1
    return { token: challenge.token, nonce }
  }

  /** Submits the body `build` makes around a solved challenge; throws the last refusal. */
  async function submit(
    build: (answer: ChallengeAnswer) => SubmitPublicReportBody,
  ): Promise<PublicReportReceipt> {
    try {
      for (let attempt = 1; ; attempt++) {
        const answer = await solveChallenge()
        phase.value = 'sending'
        try {
          return await submitPublicReport(build(answer))
        } catch (error) {
          if (attempt < 2 && needsNewChallenge(error)) continue
          throw error
        }
      }
    } finally {
      phase.value = 'idle'
      run = null
    }
  }

  // Leaving the page stops the search; the worker would otherwise run on for nothing.
  onBeforeUnmount(() => run?.cancel())

  return { phase, progress, submit }
}
