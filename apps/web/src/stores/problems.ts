/**
 * The ledger list (问题清单): one page of problems at a time, for the filters and page in the URL.
 * Pages are reached by cursor; the stack of cursors already seen makes "previous" possible.
 */
import type { Problem } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useLatest } from '@/composables/useLatest'
import * as problemsApi from '@/api/problems'
import {
  FIRST_PAGE,
  currentPage,
  nextTarget,
  previousTarget,
  stackAt,
  type CursorStack,
} from '@/lib/cursor-stack'
import {
  LEDGER_PAGE_SIZE,
  toProblemsQuery,
  type LedgerFilters,
  type LedgerPaging,
} from '@/lib/ledger-query'

export const useProblemsStore = defineStore('problems', () => {
  const items = shallowRef<Problem[]>([])
  const total = ref(0)
  /** `total` is the server's estimate (GET /problems counts exactly up to a threshold only). */
  const totalIsEstimate = ref(false)
  const nextCursor = ref<string | null>(null)
  const { loading, error, run } = useLatest()
  const stack = shallowRef<CursorStack>(FIRST_PAGE)
  /** The filters of the rows shown; other filters start a new stack. */
  let shownFor = ''

  const page = computed(() => currentPage(stack.value))
  const pages = computed(() => Math.max(1, Math.ceil(total.value / LEDGER_PAGE_SIZE)))
  const next = computed(() => nextTarget(stack.value, nextCursor.value))
  const previous = computed(() => previousTarget(stack.value))

  /** Loads the page the URL names. A newer call wins over one still in flight. */
  async function show(filters: LedgerFilters, paging: LedgerPaging): Promise<void> {
    const key = JSON.stringify(filters)
    const base = key === shownFor ? stack.value : FIRST_PAGE
    await run(
      () => problemsApi.listProblems(toProblemsQuery(filters, paging)),
      (result) => {
        items.value = result.items
        total.value = result.total
        totalIsEstimate.value = result.totalIsEstimate
        nextCursor.value = result.nextCursor
        stack.value = stackAt(base, paging.page, paging.cursor ?? null)
        shownFor = key
      },
    )
  }

  return { items, total, totalIsEstimate, loading, error, page, pages, next, previous, show }
})
