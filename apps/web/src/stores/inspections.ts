/**
 * Inspections (督查检查、明察暗访): the list with its URL filters, the open inspection, and the
 * office's steps on it (plan, edit, complete, cancel, record a finding).
 */
import type {
  CompleteInspectionBody,
  CreateInspectionBody,
  Inspection,
  ListInspectionsQuery,
  RecordFindingBody,
  UpdateInspectionBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import * as api from '@/api/inspections'
import { useCursorList } from '@/composables/useCursorList'

export const INSPECTION_PAGE_SIZE = 50

export const useInspectionsStore = defineStore('inspections', () => {
  const filters = shallowRef<ListInspectionsQuery>({})
  const list = useCursorList<Inspection>((cursor) =>
    api.listInspections({ ...filters.value, limit: INSPECTION_PAGE_SIZE, cursor }),
  )
  const current = shallowRef<Inspection | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let generation = 0

  /** Loads the first page for `query` (filters from the URL). */
  function search(query: ListInspectionsQuery): Promise<void> {
    filters.value = query
    return list.reload()
  }

  /** Reads one inspection (the detail page). */
  async function open(id: string): Promise<void> {
    const mine = ++generation
    if (current.value?.id !== id) current.value = null
    loading.value = true
    error.value = null
    try {
      const found = await api.getInspection(id)
      if (mine === generation) current.value = found
    } catch (cause) {
      if (mine === generation) error.value = cause
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function settle(inspection: Inspection): Inspection {
    current.value = inspection
    list.replace((r) => r.id === inspection.id, inspection)
    return inspection
  }

  /** The inspection read again (after a 412), for the next attempt's version. */
  async function refetch(id: string): Promise<Inspection> {
    return settle(await api.getInspection(id))
  }

  const create = (body: CreateInspectionBody) => api.createInspection(body)
  const update = async (id: string, version: number, body: UpdateInspectionBody) =>
    settle(await api.updateInspection(id, version, body))
  const complete = async (id: string, version: number, body: CompleteInspectionBody) =>
    settle(await api.completeInspection(id, version, body))
  const cancel = async (id: string, version: number) =>
    settle(await api.cancelInspection(id, version))

  /** Records a finding, then reads the inspection again so the list of findings is current. */
  async function recordFinding(id: string, body: RecordFindingBody) {
    const finding = await api.recordFinding(id, body)
    await refetch(id)
    return finding
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
    complete,
    cancel,
    recordFinding,
  }
})
