/**
 * What the home page shows each role (UX.md "Today first"): a unit's work list, the office's
 * queue, the close-outs whose publicity is over, and lights; a leader's summary sentence.
 */
import type {
  MyWork,
  Problem,
  ProblemSummary,
  ProgressReport,
  PublicityListItem,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import * as acceptanceApi from '@/api/acceptance'
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
  /** Standing notices whose 公示期 is over, soonest ended first: 公示期满，可以销号. */
  const closeouts = shallowRef<PublicityListItem[]>([])
  const closeoutsTotal = ref(0)

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

  /** The office's to-do of close-outs: notices still standing whose period is over. */
  async function loadCloseouts(): Promise<void> {
    const page = await acceptanceApi.listPublicity({
      status: 'open',
      periodOver: true,
      limit: QUEUE_PREVIEW,
    })
    closeouts.value = page.items
    closeoutsTotal.value = page.total
  }

  return {
    myWork,
    summary,
    queue,
    queueTotal,
    queueProblems,
    closeouts,
    closeoutsTotal,
    loadMyWork,
    loadCloseouts,
    loadSummary,
    loadQueue,
  }
})
