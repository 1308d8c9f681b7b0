/**
 * A list page's filters and loading in one: the filters live in the URL (useQueryFilters), the
 * list loads at once and again whenever the applied filters change (a search, the back button,
 * a pasted link), and the filter bar's 查询 and 重置 push the draft into the URL — or load again
 * when the URL already said so ("search again"). The rows, total and paging stay in the store
 * the page reads (useListDetail, useFilteredList), where "latest answer wins" already holds.
 */
import { watch } from 'vue'
import type { LocationQuery } from 'vue-router'
import { useQueryFilters } from './useQueryFilters'

type Filters = Record<string, string | undefined>

export function useListView<F extends Filters>(
  parse: (query: LocationQuery) => F,
  load: (filters: F) => Promise<void>,
) {
  const { applied, draft, apply, reset } = useQueryFilters(parse)

  /** Loads the list again for the filters in the URL (after a change made on the page). */
  function reload(): Promise<void> {
    return load(applied.value)
  }

  /** The filter bar's 查询: the draft into the URL, or a fresh load if it is there already. */
  async function search(): Promise<void> {
    if (!(await apply())) await reload()
  }

  /** The filter bar's 重置: every filter cleared, or a fresh load if none was set. */
  async function clear(): Promise<void> {
    if (!(await reset())) await reload()
  }

  watch(applied, () => void reload())
  // The first load waits for the page's setup to finish: `load` may use what the page declares
  // after this call (its store's other state, a computed over `applied`).
  void Promise.resolve().then(reload)
  return { applied, draft, search, clear, reload }
}
