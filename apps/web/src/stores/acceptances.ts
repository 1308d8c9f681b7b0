/** The acceptance review queue (验收审核): applications, by default those awaiting the viewer. */
import type { AcceptanceListItem, ListAcceptancesQuery } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as acceptanceApi from '@/api/acceptance'
import { useCursorList } from '@/composables/useCursorList'

export const ACCEPTANCE_PAGE_SIZE = 50

export const useAcceptancesStore = defineStore('acceptances', () => {
  const filters = shallowRef<ListAcceptancesQuery>({})
  const list = useCursorList<AcceptanceListItem>((cursor) =>
    acceptanceApi.listAcceptances({ ...filters.value, limit: ACCEPTANCE_PAGE_SIZE, cursor }),
  )

  /** Loads the first page for `query` (filters from the URL). */
  function search(query: ListAcceptancesQuery): Promise<void> {
    filters.value = query
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
})
