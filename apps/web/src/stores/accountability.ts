/**
 * Accountability records (问责): the list with its URL filters, the open record, recording and
 * correcting (office), and counts by form for a period.
 */
import type {
  AccountabilityCounts,
  AccountabilityCountsQuery,
  AccountabilityRecord,
  CreateAccountabilityBody,
  ListAccountabilityQuery,
  UpdateAccountabilityBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import * as api from '@/api/accountability'
import { useListDetail } from '@/composables/useCursorList'

export const ACCOUNTABILITY_PAGE_SIZE = 50

export const useAccountabilityStore = defineStore('accountability', () => {
  const { settle, ...board } = useListDetail<ListAccountabilityQuery, AccountabilityRecord>({
    fetchPage: (query, cursor) =>
      api.listAccountability({ ...query, limit: ACCOUNTABILITY_PAGE_SIZE, cursor }),
    fetchOne: api.getAccountability,
  })
  const counts = shallowRef<AccountabilityCounts | null>(null)
  const countsLoading = ref(false)
  const countsError = shallowRef<unknown>(null)

  const create = async (body: CreateAccountabilityBody) =>
    settle(await api.createAccountability(body))
  const update = async (id: string, version: number, body: UpdateAccountabilityBody) =>
    settle(await api.updateAccountability(id, version, body))

  /** Counts by form for the period. */
  async function count(query: AccountabilityCountsQuery): Promise<void> {
    countsLoading.value = true
    countsError.value = null
    try {
      counts.value = await api.countAccountability(query)
    } catch (cause) {
      countsError.value = cause
    } finally {
      countsLoading.value = false
    }
  }

  return {
    ...board,
    create,
    update,
    counts,
    countsLoading,
    countsError,
    count,
  }
})
