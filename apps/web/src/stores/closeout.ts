/**
 * A problem's close-out file (验收销号) as its page shows it: applications and reviews,
 * publicity, close-outs and rebound reviews, and what the viewer may do now (`can`, the API's
 * word — never re-derived here). Every step reads the file and the problem again, since each
 * one moves the problem's status.
 */
import type {
  AcceptanceSnapshot,
  ApplyAcceptanceBody,
  CloseProblemBody,
  CloseoutFile,
  OpenPublicityBody,
  RecordReboundReviewBody,
  ReviewAcceptanceBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useLatest } from '@/composables/useLatest'
import * as acceptanceApi from '@/api/acceptance'
import { dossierFallbackName } from '@/lib/acceptance'
import { saveBlob } from '@/lib/save-file'
import { useProblemStore } from './problem'

type Versioned = { id: string; version: number }

export const useCloseoutStore = defineStore('closeout', () => {
  const problems = useProblemStore()
  const file = shallowRef<CloseoutFile | null>(null)
  const problemId = ref<string | null>(null)
  const { loading, error, run } = useLatest()
  const downloading = ref(false)

  /** Reads the file of `id`; a different problem's file is cleared first. */
  async function load(id: string): Promise<void> {
    if (problemId.value !== id) file.value = null
    problemId.value = id
    await run(
      () => acceptanceApi.getCloseoutFile(id),
      (next) => (file.value = next),
    )
  }

  /** After a step: the file and the whole problem page (status, light, timeline). */
  async function refreshAll(): Promise<void> {
    if (!problemId.value) return
    await Promise.all([load(problemId.value), problems.refresh()])
  }

  /** The problem read again; its version is what the next step sends as If-Match. */
  async function refetchProblem() {
    await problems.refresh()
    if (!problems.problem) throw problems.error
    return problems.problem
  }

  /** The application read again (after a 412 on its review). */
  async function refetchAcceptance(acceptanceId: string) {
    if (problemId.value) await load(problemId.value)
    const found = file.value?.acceptances.find((a) => a.id === acceptanceId)
    if (!found) throw error.value
    return found
  }

  /** The rebound review read again (after a 412). */
  async function refetchRebound(reviewId: string) {
    if (problemId.value) await load(problemId.value)
    const found = file.value?.reboundReviews.find((r) => r.id === reviewId)
    if (!found) throw error.value
    return found
  }

  async function apply(problem: Versioned, body: ApplyAcceptanceBody): Promise<void> {
    await acceptanceApi.applyAcceptance(problem.id, problem.version, body)
    problemId.value = problem.id
    await refreshAll()
  }

  async function review(acceptance: Versioned, body: ReviewAcceptanceBody): Promise<void> {
    await acceptanceApi.reviewAcceptance(acceptance.id, acceptance.version, body)
    await refreshAll()
  }

  async function openPublicity(problem: Versioned, body: OpenPublicityBody): Promise<void> {
    await acceptanceApi.openPublicity(problem.id, problem.version, body)
    await refreshAll()
  }

  async function close(problem: Versioned, body: CloseProblemBody): Promise<void> {
    await acceptanceApi.closeProblem(problem.id, problem.version, body)
    await refreshAll()
  }

  async function recordRebound(review: Versioned, body: RecordReboundReviewBody): Promise<void> {
    await acceptanceApi.recordReboundReview(review.id, review.version, body)
    await refreshAll()
  }

  function snapshot(reviewId: string): Promise<AcceptanceSnapshot> {
    return acceptanceApi.getReviewSnapshot(reviewId)
  }

  /** Fetches the 一案一档 zip with the user's token and saves it under the server's name. */
  async function downloadDossier(problem: { id: string; code: string }): Promise<void> {
    downloading.value = true
    try {
      const { blob, filename } = await acceptanceApi.downloadDossier(problem.id)
      saveBlob(blob, filename ?? dossierFallbackName(problem.code))
    } finally {
      downloading.value = false
    }
  }

  return {
    file,
    problemId,
    loading,
    error,
    downloading,
    load,
    refetchProblem,
    refetchAcceptance,
    refetchRebound,
    apply,
    review,
    openPublicity,
    close,
    recordRebound,
    snapshot,
    downloadDossier,
  }
})
