/**
 * The public board's disclosure of petition results (`/api/v1/public/petition-batches`, no
 * login): published batches, and one batch's table in the columns cities publish. Sent without
 * the bearer token, like every public call (api/public.ts).
 */
import type { PublicPetitionBatch, PublicPetitionBatchList } from '@rectify/schemas'
import { request } from './http'

const PUBLIC = { auth: false, idempotent: false } as const

/** `GET /public/petition-batches`: the published batches, newest first. */
export function listPublicPetitionBatches(): Promise<PublicPetitionBatchList> {
  return request('/public/petition-batches', PUBLIC)
}

/** `GET /public/petition-batches/:id`: one batch with its disclosure rows. */
export function getPublicPetitionBatch(id: string): Promise<PublicPetitionBatch> {
  return request(`/public/petition-batches/${encodeURIComponent(id)}`, PUBLIC)
}
