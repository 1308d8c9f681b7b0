/**
 * Institutions (建章立制): the registry with its URL filters, the open institution, recording and
 * correcting, and the institutions of one problem (the problem page).
 */
import type {
  CreateInstitutionBody,
  Institution,
  ListInstitutionsQuery,
  UpdateInstitutionBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import * as api from '@/api/institutions'
import { useListDetail } from '@/composables/useCursorList'

export const INSTITUTIONS_PAGE_SIZE = 50

export const useInstitutionsStore = defineStore('institutions', () => {
  const { settle, ...board } = useListDetail<ListInstitutionsQuery, Institution>({
    fetchPage: (query, cursor) =>
      api.listInstitutions({ ...query, limit: INSTITUTIONS_PAGE_SIZE, cursor }),
    fetchOne: api.getInstitution,
  })

  const create = async (body: CreateInstitutionBody) => settle(await api.createInstitution(body))
  const update = async (id: string, version: number, body: UpdateInstitutionBody) =>
    settle(await api.updateInstitution(id, version, body))

  /** The institutions linked to a problem that the caller may see (one page of 200 is plenty). */
  async function ofProblem(problemId: string): Promise<Institution[]> {
    return (await api.listInstitutions({ problem: problemId, limit: 200 })).items
  }

  return { ...board, create, update, ofProblem }
})
