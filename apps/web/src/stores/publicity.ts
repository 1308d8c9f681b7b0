/** The office's publicity board (公示管理): close-out notices with their problems. */
import type { ListPublicityQuery, PublicityListItem } from '@rectify/schemas'
import { defineStore } from 'pinia'
import * as acceptanceApi from '@/api/acceptance'
import { useFilteredList } from '@/composables/useCursorList'

export const PUBLICITY_PAGE_SIZE = 50

export const usePublicityStore = defineStore('publicity', () =>
  useFilteredList<ListPublicityQuery, PublicityListItem>((query, cursor) =>
    acceptanceApi.listPublicity({ ...query, limit: PUBLICITY_PAGE_SIZE, cursor }),
  ),
)
