/** Rebound reviews (回头看) across problems: by default the scheduled ones, soonest due first. */
import type { ListReboundReviewsQuery, ReboundListItem } from '@rectify/schemas'
import { defineStore } from 'pinia'
import * as acceptanceApi from '@/api/acceptance'
import { useFilteredList } from '@/composables/useCursorList'

export const REBOUND_PAGE_SIZE = 50

export const useReboundReviewsStore = defineStore('reboundReviews', () =>
  useFilteredList<ListReboundReviewsQuery, ReboundListItem>((query, cursor) =>
    acceptanceApi.listReboundReviews({ ...query, limit: REBOUND_PAGE_SIZE, cursor }),
  ),
)
