/**
 * The problem page's supervision records: the inspection findings that opened or link the
 * problem, and its accountability records (a unit gets its own only; leaders and the office all).
 */
import type { AccountabilityRecord, ProblemFinding } from '@rectify/schemas'
import { shallowRef, watch, type Ref } from 'vue'
import { useLatest } from './useLatest'
import { listAccountability } from '@/api/accountability'
import { listProblemFindings } from '@/api/inspections'

/** Loads `fetch(problemId)` whenever the id changes (nothing for an empty id); the last answer wins. */
function useLoaded<T>(problemId: Ref<string>, fetch: (id: string) => Promise<T[]>) {
  const items = shallowRef<T[]>([])
  const { loading, error, run, cancel } = useLatest()
  watch(
    problemId,
    async (id) => {
      if (!id) {
        items.value = []
        return cancel()
      }
      await run(
        () => fetch(id),
        (found) => (items.value = found),
      )
    },
    { immediate: true },
  )
  return { items, loading, error }
}

export function useProblemFindings(problemId: Ref<string>) {
  return useLoaded<ProblemFinding>(problemId, async (id) => (await listProblemFindings(id)).items)
}

export function useProblemAccountability(problemId: Ref<string>) {
  return useLoaded<AccountabilityRecord>(
    problemId,
    async (id) => (await listAccountability({ problem: id, limit: 200 })).items,
  )
}
