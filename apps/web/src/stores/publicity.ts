/** The office's publicity board (公示管理): close-out notices with their problems. */
import type { ListPublicityQuery, PublicityListItem } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as acceptanceApi from '@/api/acceptance'
import { useCursorList } from '@/composables/useCursorList'

export const PUBLICITY_PAGE_SIZE = 50

export const usePublicityStore = defineStore('publicity', () => {
  const filters = shallowRef<ListPublicityQuery>({})
  const list = useCursorList<PublicityListItem>((cursor) =>
    acceptanceApi.listPublicity({ ...filters.value, limit: PUBLICITY_PAGE_SIZE, cursor }),
  )

  /** Loads the first page for `query` (filters from the URL). */
  function search(query: ListPublicityQuery): Promise<void> {
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
