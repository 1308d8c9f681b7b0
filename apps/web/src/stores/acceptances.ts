/** The acceptance review queue (验收审核): applications, by default those awaiting the viewer. */
import type { AcceptanceListItem, ListAcceptancesQuery } from '@rectify/schemas'
import { defineStore } from 'pinia'
import * as acceptanceApi from '@/api/acceptance'
import { useFilteredList } from '@/composables/useCursorList'

export const ACCEPTANCE_PAGE_SIZE = 50

export const useAcceptancesStore = defineStore('acceptances', () =>
  useFilteredList<ListAcceptancesQuery, AcceptanceListItem>((query, cursor) =>
    acceptanceApi.listAcceptances({ ...query, limit: ACCEPTANCE_PAGE_SIZE, cursor }),
  ),
)
