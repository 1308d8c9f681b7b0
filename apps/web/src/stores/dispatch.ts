/** Dispatch periods (定期调度): the list, the open period's board, reminders and closing. */
import type {
  CreateDispatchPeriodBody,
  DispatchPeriod,
  DispatchPeriodDetail,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as api from '@/api/dispatch'
import { useCursorList } from '@/composables/useCursorList'

export const useDispatchStore = defineStore('dispatch', () => {
  const filters = shallowRef<{ round?: string; status?: 'open' | 'closed' }>({})
  const list = useCursorList<DispatchPeriod>((cursor) =>
    api.listDispatchPeriods({ ...filters.value, limit: 50, cursor }),
  )
  const detail = shallowRef<DispatchPeriodDetail | null>(null)

  function load(next: { round?: string; status?: 'open' | 'closed' }) {
    filters.value = next
    return list.reload()
  }

  async function open(id: string): Promise<DispatchPeriodDetail> {
    detail.value = await api.getDispatchPeriod(id)
    return detail.value
  }

  async function create(body: CreateDispatchPeriodBody): Promise<DispatchPeriod> {
    const created = await api.createDispatchPeriod(body)
    void list.reload()
    return created
  }

  function remind(id: string) {
    return api.remindDispatchPeriod(id)
  }

  async function close(period: Pick<DispatchPeriod, 'id' | 'version'>): Promise<DispatchPeriod> {
    const closed = await api.closeDispatchPeriod(period.id, period.version)
    detail.value = { period: closed, board: null }
    list.replace((row) => row.id === closed.id, closed)
    return closed
  }

  return {
    items: list.items,
    total: list.total,
    hasMore: list.hasMore,
    loading: list.loading,
    error: list.error,
    loadMore: list.loadMore,
    detail,
    load,
    open,
    create,
    remind,
    close,
  }
})
