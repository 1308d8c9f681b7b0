/** Inspection rounds (`/rounds`): 督察批次, e.g. 第二轮第五批中央生态环境保护督察. */
import type { CreateRoundBody, ListRoundsQuery, UpdateRoundBody } from '@rectify/schemas'
import { api, ifMatch, ok } from './http'
import type { components } from './schema'

type Round = components['schemas']['Round']

/** `GET /rounds`: one page of rounds. */
export async function listRounds(query: ListRoundsQuery = {}) {
  return ok(await api.GET('/api/v1/rounds', { params: { query } }))
}

/** Every round, paging through `GET /rounds?limit=200` to the end (there are few). */
export async function listAllRounds(): Promise<Round[]> {
  const rounds: Round[] = []
  let cursor: string | undefined
  do {
    const page = await listRounds({ limit: 200, cursor })
    rounds.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return rounds
}

/** `GET /rounds/:id`. */
export async function getRound(id: string) {
  return ok(await api.GET('/api/v1/rounds/{id}', { params: { path: { id } } }))
}

/** `POST /rounds` (office). */
export async function createRound(body: CreateRoundBody) {
  return ok(await api.POST('/api/v1/rounds', { body }))
}

/** `PATCH /rounds/:id` with `If-Match: version` (office). */
export async function updateRound(id: string, version: number, body: UpdateRoundBody) {
  return ok(
    await api.PATCH('/api/v1/rounds/{id}', {
      params: { path: { id }, header: ifMatch(version) },
      body,
    }),
  )
}
