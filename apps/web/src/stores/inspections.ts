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
import * as api from '@/api/inspections'
import { useListDetail } from '@/composables/useCursorList'

export const INSPECTION_PAGE_SIZE = 50

export const useInspectionsStore = defineStore('inspections', () => {
  const { settle, ...board } = useListDetail<ListInspectionsQuery, Inspection>({
    fetchPage: (query, cursor) =>
      api.listInspections({ ...query, limit: INSPECTION_PAGE_SIZE, cursor }),
    fetchOne: api.getInspection,
  })

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
    await board.refetch(id)
    return finding
  }

  return {
    ...board,
    create,
    update,
    complete,
    cancel,
    recordFinding,
  }
})
