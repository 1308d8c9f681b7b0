/**
 * Sweeps (举一反三排查): the list with its URL filters, the open sweep, launching (office),
 * a target's report and closing; and the sweeps a problem page shows (launched from it, or the
 * one whose findings opened it).
 */
import type { CreateSweepBody, ListSweepsQuery, Sweep, SweepReportBody } from '@rectify/schemas'
import { defineStore } from 'pinia'
import * as api from '@/api/sweeps'
import { useListDetail } from '@/composables/useCursorList'

export const SWEEPS_PAGE_SIZE = 50

export const useSweepsStore = defineStore('sweeps', () => {
  const { settle, ...board } = useListDetail<ListSweepsQuery, Sweep>({
    fetchPage: (query, cursor) => api.listSweeps({ ...query, limit: SWEEPS_PAGE_SIZE, cursor }),
    fetchOne: api.getSweep,
  })

  const launch = async (problemId: string, body: CreateSweepBody) =>
    settle(await api.launchSweep(problemId, body))
  const report = async (id: string, body: SweepReportBody) =>
    settle(await api.reportSweep(id, body))
  const close = async (sweep: Sweep) => settle(await api.closeSweep(sweep.id, sweep.version))

  /**
   * What a problem page shows: the sweeps launched from the problem, and the sweep whose
   * findings opened it (a child problem), each within the caller's scope.
   */
  async function ofProblem(
    problemId: string,
  ): Promise<{ launched: Sweep[]; origin: Sweep | null }> {
    const [launched, origin] = await Promise.all([
      api.listSweeps({ problem: problemId, limit: 200 }),
      api.listSweeps({ child: problemId, limit: 1 }),
    ])
    return { launched: launched.items, origin: origin.items[0] ?? null }
  }

  return { ...board, launch, report, close, ofProblem }
})
