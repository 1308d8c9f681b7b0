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
import { useCursorList } from '@/composables/useCursorList'

export const ACCOUNTABILITY_PAGE_SIZE = 50

export const useAccountabilityStore = defineStore('accountability', () => {
  const filters = shallowRef<ListAccountabilityQuery>({})
  const list = useCursorList<AccountabilityRecord>((cursor) =>
    api.listAccountability({ ...filters.value, limit: ACCOUNTABILITY_PAGE_SIZE, cursor }),
  )
  const current = shallowRef<AccountabilityRecord | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  const counts = shallowRef<AccountabilityCounts | null>(null)
  const countsLoading = ref(false)
  const countsError = shallowRef<unknown>(null)
  let generation = 0

  function search(query: ListAccountabilityQuery): Promise<void> {
    filters.value = query
    return list.reload()
  }

  async function open(id: string): Promise<void> {
    const mine = ++generation
    if (current.value?.id !== id) current.value = null
    loading.value = true
    error.value = null
    try {
      const found = await api.getAccountability(id)
      if (mine === generation) current.value = found
    } catch (cause) {
      if (mine === generation) error.value = cause
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function settle(record: AccountabilityRecord): AccountabilityRecord {
    current.value = record
    list.replace((r) => r.id === record.id, record)
    return record
  }

  async function refetch(id: string): Promise<AccountabilityRecord> {
    return settle(await api.getAccountability(id))
  }

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
    create,
    update,
    counts,
    countsLoading,
    countsError,
    count,
  }
})
