/**
 * The public board's disclosure of petition results (`/api/v1/public/petition-batches`, no
 * login): published batches, and one batch's table in the columns cities publish. Sent without
 * the bearer token, like every public call (api/public.ts).
 */
import { anonymous, ok } from './http'

/** `GET /public/petition-batches`: the published batches, newest first. */
export async function listPublicPetitionBatches() {
  return ok(await anonymous.GET('/api/v1/public/petition-batches'))
}

/** `GET /public/petition-batches/:id`: one batch with its disclosure rows. */
export async function getPublicPetitionBatch(id: string) {
  return ok(
    await anonymous.GET('/api/v1/public/petition-batches/{id}', { params: { path: { id } } }),
  )
}
