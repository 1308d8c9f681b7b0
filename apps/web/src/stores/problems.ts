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
import type { LocationQuery } from 'vue-router'
import {
  LEDGER_PAGE_SIZE,
  parseLedgerFilters,
  parseLedgerPaging,
  toProblemsQuery,
  type LedgerFilters,
  type LedgerPaging,
} from '@/lib/ledger-query'

/** How long a page asked for ahead of the view may stand in for the view's own first read. */
const PREFETCH_FRESH_MS = 10_000

interface Prefetched {
  key: string
  at: number
  answer: ReturnType<typeof problemsApi.listProblems>
}

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

  let prefetched: Prefetched | null = null

  /**
   * Asks for the page a route's query names before the view exists (router/index.ts, while the
   * session is restored and the view's code loads), so the rows are not one more round trip
   * after the page has rendered; the view's first `show` of the same page takes this answer.
   */
  function prefetch(query: LocationQuery): void {
    const filters = parseLedgerFilters(query)
    const paging = parseLedgerPaging(query)
    const answer = problemsApi.listProblems(toProblemsQuery(filters, paging))
    // A failure is the view's to show, when its show() takes this answer.
    answer.catch(() => undefined)
    prefetched = { key: JSON.stringify([filters, paging]), at: Date.now(), answer }
  }

  /** The prefetched answer for this page if it is fresh; used once, then forgotten. */
  function takePrefetched(filters: LedgerFilters, paging: LedgerPaging) {
    const held = prefetched
    prefetched = null
    const same = held?.key === JSON.stringify([filters, paging])
    return same && Date.now() - held.at < PREFETCH_FRESH_MS ? held.answer : null
  }

  /** Loads the page the URL names. A newer call wins over one still in flight. */
  async function show(filters: LedgerFilters, paging: LedgerPaging): Promise<void> {
    const key = JSON.stringify(filters)
    const base = key === shownFor ? stack.value : FIRST_PAGE
    const early = takePrefetched(filters, paging)
    await run(
      () => early ?? problemsApi.listProblems(toProblemsQuery(filters, paging)),
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

  return {
    items,
    total,
    totalIsEstimate,
    loading,
    error,
    page,
    pages,
    next,
    previous,
    show,
    prefetch,
  }
})
