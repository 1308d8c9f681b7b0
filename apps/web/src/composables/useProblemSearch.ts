/**
 * Finding a problem by its code or title for a picker (linking a public report, marking an
 * objection): the ledger's own search, a page of 20, the last answer wins.
 */
import type { ListProblemsQuery, Problem } from '@rectify/schemas'
import { ref, shallowRef } from 'vue'
import { listProblems } from '@/api/problems'

export function useProblemSearch(narrow: Omit<ListProblemsQuery, 'q' | 'limit'> = {}) {
  const options = shallowRef<Problem[]>([])
  const loading = ref(false)
  let generation = 0

  /** Searches for `text` (an empty text lists the first page under `narrow`). */
  async function search(text: string): Promise<void> {
    const mine = ++generation
    loading.value = true
    try {
      const q = text.trim().slice(0, 100)
      const page = await listProblems({ ...narrow, ...(q ? { q } : {}), limit: 20 })
      if (mine === generation) options.value = page.items
    } catch {
      if (mine === generation) options.value = []
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  return { options, loading, search }
}
