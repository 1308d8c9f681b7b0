/**
 * 信访件: the case list with its URL filters, the open case and every step on it — create and
 * correct (office), bulk assignment, the unit's report, the office's review and call-back, the
 * repeat link and the problem link — plus the complainant (read on demand, audited by the API)
 * and the short lists other pages show (a batch's cases, a problem's cases, the unit's home).
 */
import type {
  AssignPetitionsBody,
  CreatePetitionBody,
  ListPetitionsQuery,
  Petition,
  PetitionCallbackBody,
  PetitionProblemBody,
  ReportPetitionBody,
  ReviewPetitionBody,
  UpdatePetitionBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as api from '@/api/petitions'
import { useListDetail } from '@/composables/useCursorList'

export const PETITION_PAGE_SIZE = 50

export const usePetitionsStore = defineStore('petitions', () => {
  const { settle, ...board } = useListDetail<ListPetitionsQuery, Petition>({
    fetchPage: (query, cursor) =>
      api.listPetitions({ ...query, limit: PETITION_PAGE_SIZE, cursor }),
    fetchOne: api.getPetition,
  })

  const create = async (body: CreatePetitionBody) => settle(await api.createPetition(body))
  const update = async (id: string, version: number, body: UpdatePetitionBody) =>
    settle(await api.updatePetition(id, version, body))
  const report = async (id: string, version: number, body: ReportPetitionBody) =>
    settle(await api.reportPetition(id, version, body))
  const review = async (id: string, version: number, body: ReviewPetitionBody) =>
    settle(await api.reviewPetition(id, version, body))
  const callback = async (id: string, version: number, body: PetitionCallbackBody) =>
    settle(await api.callbackPetition(id, version, body))
  const setProblem = async (id: string, version: number, body: PetitionProblemBody) =>
    settle(await api.setPetitionProblem(id, version, body))
  const setRepeat = async (id: string, version: number, repeatOfId: string | null) =>
    settle(await api.setPetitionRepeat(id, version, { repeatOfId }))

  /** Assigns in bulk; the caller reloads what it shows (the rows changed status and unit). */
  const assign = (body: AssignPetitionsBody) => api.assignPetitions(body)
  /** Likely earlier cases of this one (office). */
  const repeatCandidates = (id: string) => api.listRepeatCandidates(id)
  /** The complainant's name and contact; the API records every read. */
  const complainant = (id: string) => api.getPetitionComplainant(id)

  /** Up to 200 cases for a fixed filter (a problem's cases, a unit's cases in handling). */
  async function fetchAll(query: ListPetitionsQuery): Promise<Petition[]> {
    return (await api.listPetitions({ ...query, limit: 200 })).items
  }

  /** The caller's cases to report on (办理中, 阶段办结), the nearest deadline first (home page). */
  const toHandle = shallowRef<Petition[] | null>(null)
  async function loadToHandle(): Promise<void> {
    const [handling, partly] = await Promise.all([
      api.listPetitions({ status: 'handling', limit: 50 }),
      api.listPetitions({ status: 'partly_closed', limit: 50 }),
    ])
    toHandle.value = [...handling.items, ...partly.items].sort((a, b) =>
      (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
    )
  }

  return {
    ...board,
    toHandle,
    loadToHandle,
    create,
    update,
    report,
    review,
    callback,
    setProblem,
    setRepeat,
    assign,
    repeatCandidates,
    complainant,
    fetchAll,
  }
})
