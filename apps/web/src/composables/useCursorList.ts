/**
 * A server-paged list (`{ items, nextCursor, total }`): the first page, then "load more"
 * appends the next. A reload started while an older request is in flight wins; the stale
 * answer is dropped, so fast filter changes never show rows of the previous filter.
 */
import type { Page } from '@rectify/schemas'
import { computed, ref, shallowRef, type Ref } from 'vue'

export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>

export function useCursorList<T>(fetchPage: PageFetcher<T>) {
  const items = shallowRef<T[]>([]) as Ref<T[]>
  const total = ref(0)
  const nextCursor = ref<string | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let generation = 0

  const hasMore = computed(() => nextCursor.value !== null)

  async function run(cursor: string | undefined): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const page = await fetchPage(cursor)
      if (mine !== generation) return
      items.value = cursor ? [...items.value, ...page.items] : page.items
      total.value = page.total
      nextCursor.value = page.nextCursor
    } catch (cause) {
      if (mine === generation) error.value = cause
    } finally {
      if (mine === generation) loading.value = false
    }
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

  return { items, total, nextCursor, hasMore, loading, error, reload, loadMore, replace }
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
