/**
 * A server-paged list (`{ items, nextCursor, total, totalIsEstimate? }`): the first page, then
 * "load more" appends the next. A reload started while an older request is in flight wins; the stale
 * answer is dropped, so fast filter changes never show rows of the previous filter.
 */
import type { Page } from '@rectify/schemas'
import { computed, ref, shallowRef, type Ref } from 'vue'
import { useLatest } from './useLatest'

export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>

export function useCursorList<T>(fetchPage: PageFetcher<T>) {
  const items = shallowRef<T[]>([]) as Ref<T[]>
  const total = ref(0)
  const totalIsEstimate = ref(false)
  const nextCursor = ref<string | null>(null)
  const latest = useLatest()
  const { loading, error } = latest

  const hasMore = computed(() => nextCursor.value !== null)

  async function run(cursor: string | undefined): Promise<void> {
    await latest.run(
      () => fetchPage(cursor),
      (page) => {
        items.value = cursor ? [...items.value, ...page.items] : page.items
        total.value = page.total
        totalIsEstimate.value = page.totalIsEstimate === true
        nextCursor.value = page.nextCursor
      },
    )
  }

  /** Loads the first page again (after a filter change or an edit). */
  function reload(): Promise<void> {
    return run(undefined)
  }

  /** Appends the next page, if any. */
  function loadMore(): Promise<void> {
    return nextCursor.value ? run(nextCursor.value) : Promise.resolve()
  }

  /** Replaces one row in place (after an edit) without reloading. */
  function replace(match: (item: T) => boolean, next: T): void {
    items.value = items.value.map((item) => (match(item) ? next : item))
  }

  return {
    items,
    total,
    totalIsEstimate,
    nextCursor,
    hasMore,
    loading,
    error,
    reload,
    loadMore,
    replace,
  }
}

/**
 * A board's list as its store exposes it: `search(query)` loads the first page for the filters
 * from the URL, `loadMore` appends with the same filters. `fetchPage` adds the page size.
 */
export function useFilteredList<Q extends object, T>(
  fetchPage: (query: Q, cursor: string | undefined) => Promise<Page<T>>,
) {
  let filters = {} as Q
  const list = useCursorList<T>((cursor) => fetchPage(filters, cursor))

  /** Loads the first page for `query` (filters from the URL). */
  function search(query: Q): Promise<void> {
    filters = query
    return list.reload()
  }

  return {
    items: list.items,
    total: list.total,
    hasMore: list.hasMore,
    loading: list.loading,
    error: list.error,
    loadMore: list.loadMore,
    search,
  }
}

/**
 * A board and its detail page, as a store exposes them: the filtered list (`search`, `loadMore`,
 * `listLoading`, `listError`), the open record (`open`, `current`, `loading`, `error`), `settle`
 * to put the answer of a write into both, so the page and its row agree without a reload, and
 * `refetch` to read the record again (after a 412) for the next attempt's version. The detail
 * may carry more than the row (a notice's replies), hence `D extends T`.
 */
export function useListDetail<Q extends object, T extends { id: string }, D extends T = T>(source: {
  /** One page of the list for the filters; adds the page size. */
  fetchPage: (query: Q, cursor: string | undefined) => Promise<Page<T>>
  /** One record by id. */
  fetchOne: (id: string) => Promise<D>
}) {
  let filters = {} as Q
  const list = useCursorList<T>((cursor) => source.fetchPage(filters, cursor))
  const current = shallowRef<D | null>(null) as Ref<D | null>
  const reading = useLatest()
  const { loading, error } = reading

  /** Loads the first page for `query` (filters from the URL). */
  function search(query: Q): Promise<void> {
    filters = query
    return list.reload()
  }

  /** Reads one record (the detail page); a later call wins over an earlier one in flight. */
  async function open(id: string): Promise<void> {
    if (current.value?.id !== id) current.value = null
    await reading.run(
      () => source.fetchOne(id),
      (found) => (current.value = found),
    )
  }

  /** Shows `record` (the answer of a write) as the open record and in its row of the list. */
  function settle(record: D): D {
    current.value = record
    list.replace((r) => r.id === record.id, record)
    return record
  }

  /** The record read again (after a 412), for the next attempt's version. */
  async function refetch(id: string): Promise<D> {
    return settle(await source.fetchOne(id))
  }

  return {
    items: list.items,
    total: list.total,
    hasMore: list.hasMore,
    listLoading: list.loading,
    listError: list.error,
    loadMore: list.loadMore,
    search,
    current,
    loading,
    error,
    open,
    refetch,
    settle,
  }
}
