/**
 * The problem page's supervision records: the inspection findings that opened or link the
 * problem, and its accountability records (a unit gets its own only; leaders and the office all).
 */
import type { AccountabilityRecord, ProblemFinding } from '@rectify/schemas'
import { ref, shallowRef, watch, type Ref } from 'vue'
import { listAccountability } from '@/api/accountability'
import { listProblemFindings } from '@/api/inspections'

/** Loads `fetch(problemId)` whenever the id changes (nothing for an empty id); the last answer wins. */
function useLoaded<T>(problemId: Ref<string>, fetch: (id: string) => Promise<T[]>) {
  const items = shallowRef<T[]>([])
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let generation = 0
  watch(
    problemId,
    async (id) => {
      const mine = ++generation
      if (!id) {
        items.value = []
        return
      }
      loading.value = true
      error.value = null
      try {
        const found = await fetch(id)
        if (mine === generation) items.value = found
      } catch (cause) {
        if (mine === generation) error.value = cause
      } finally {
        if (mine === generation) loading.value = false
      }
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
