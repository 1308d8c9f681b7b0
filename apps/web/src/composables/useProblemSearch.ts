/**
 * Finding a problem by its code or title for a picker (linking a public report, marking an
 * objection): the ledger's own search, a page of 20, the last answer wins.
 */
import type { ListProblemsQuery, Problem } from '@rectify/schemas'
import { shallowRef } from 'vue'
import { useLatest } from './useLatest'
import { listProblems } from '@/api/problems'

export function useProblemSearch(narrow: Omit<ListProblemsQuery, 'q' | 'limit'> = {}) {
  const options = shallowRef<Problem[]>([])
  const { loading, run } = useLatest()

  /** Searches for `text` (an empty text lists the first page under `narrow`); the last one typed wins. */
  async function search(text: string): Promise<void> {
    const q = text.trim().slice(0, 100)
    await run(
      () => listProblems({ ...narrow, ...(q ? { q } : {}), limit: 20 }),
      (page) => (options.value = page.items),
      () => (options.value = []),
    )
  }

  return { options, loading, search }
}
