/**
 * What the home page shows each role (UX.md "Today first"): a unit's work list, the office's
 * queue and lights, a leader's summary sentence.
 */
import type { MyWork, Problem, ProblemSummary, ProgressReport } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import * as problemsApi from '@/api/problems'
import * as reportsApi from '@/api/reports'

/** Oldest reports the office sees on its home page. */
export const QUEUE_PREVIEW = 5

export const useWorkStore = defineStore('work', () => {
  const myWork = shallowRef<MyWork | null>(null)
  const summary = shallowRef<ProblemSummary | null>(null)
  const queue = shallowRef<ProgressReport[]>([])
  const queueTotal = ref(0)
  /** The problems of the reports in `queue`, by id. */
  const queueProblems = shallowRef<ReadonlyMap<string, Problem>>(new Map())

  /** A unit user's work list (`GET /me/work`). */
  async function loadMyWork(): Promise<MyWork> {
    myWork.value = await problemsApi.myWork()
    return myWork.value
  }

  /** The summary over everything the user may see. */
  async function loadSummary(): Promise<ProblemSummary> {
    summary.value = await problemsApi.problemSummary()
    return summary.value
  }

  /** The oldest reports waiting for review, and how many wait in all. */
  async function loadQueue(): Promise<void> {
    const page = await reportsApi.listReports({ status: 'submitted', limit: QUEUE_PREVIEW })
    const ids = [...new Set(page.items.map((report) => report.problemId))]
    const found = await Promise.all(ids.map((id) => problemsApi.getProblem(id).catch(() => null)))
    queueProblems.value = new Map(found.filter((p) => p !== null).map((p) => [p.id, p]))
    queue.value = page.items
    queueTotal.value = page.total
  }

  return {
    myWork,
    summary,
    queue,
    queueTotal,
    queueProblems,
    loadMyWork,
    loadSummary,
    loadQueue,
  }
})
