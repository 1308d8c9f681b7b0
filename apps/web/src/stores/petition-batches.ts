/**
 * 交办批次: the batch list (its URL filter is the round), the open batch, creating, correcting and
 * publishing a batch (office).
 */
import type {
  CreatePetitionBatchBody,
  ListPetitionBatchesQuery,
  PetitionBatch,
  UpdatePetitionBatchBody,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import * as api from '@/api/petitions'
import { useListDetail } from '@/composables/useCursorList'

export const PETITION_BATCH_PAGE_SIZE = 50

export const usePetitionBatchesStore = defineStore('petition-batches', () => {
  const { settle, ...board } = useListDetail<ListPetitionBatchesQuery, PetitionBatch>({
    fetchPage: (query, cursor) =>
      api.listPetitionBatches({ ...query, limit: PETITION_BATCH_PAGE_SIZE, cursor }),
    fetchOne: api.getPetitionBatch,
  })

  const create = async (body: CreatePetitionBatchBody) =>
    settle(await api.createPetitionBatch(body))
  const update = async (id: string, version: number, body: UpdatePetitionBatchBody) =>
    settle(await api.updatePetitionBatch(id, version, body))
  const publish = async (id: string, version: number) =>
    settle(await api.publishPetitionBatch(id, version))

  /** Every batch the caller may read, newest first, for the case list's batch filter. */
  const options = shallowRef<PetitionBatch[]>([])
  async function loadOptions(): Promise<void> {
    options.value = (await api.listPetitionBatches({ limit: 200 })).items
  }

  return { ...board, settle, create, update, publish, options, loadOptions }
})
