/** Rebound reviews (回头看) across problems: by default the scheduled ones, soonest due first. */
import type { ListReboundReviewsQuery, ReboundListItem } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as acceptanceApi from '@/api/acceptance'
import { useCursorList } from '@/composables/useCursorList'

export const REBOUND_PAGE_SIZE = 50

export const useReboundReviewsStore = defineStore('reboundReviews', () => {
  const filters = shallowRef<ListReboundReviewsQuery>({})
  const list = useCursorList<ReboundListItem>((cursor) =>
    acceptanceApi.listReboundReviews({ ...filters.value, limit: REBOUND_PAGE_SIZE, cursor }),
  )

  /** Loads the first page for `query` (filters from the URL). */
  function search(query: ListReboundReviewsQuery): Promise<void> {
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
