/** Inspection rounds (`/rounds`): 督察批次, e.g. 第二轮第五批中央生态环境保护督察. */
import type {
  CreateRoundBody,
  ListRoundsQuery,
  Round,
  RoundPage,
  UpdateRoundBody,
} from '@rectify/schemas'
import { request } from './http'

/** `GET /rounds`: one page of rounds. */
export function listRounds(query: ListRoundsQuery = {}): Promise<RoundPage> {
  return request<RoundPage>('/rounds', { query })
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
export function getRound(id: string): Promise<Round> {
  return request<Round>(`/rounds/${encodeURIComponent(id)}`)
}

/** `POST /rounds` (office). */
export function createRound(body: CreateRoundBody): Promise<Round> {
  return request<Round>('/rounds', { method: 'POST', body })
}

/** `PATCH /rounds/:id` with `If-Match: version` (office). */
export function updateRound(id: string, version: number, body: UpdateRoundBody): Promise<Round> {
  return request<Round>(`/rounds/${encodeURIComponent(id)}`, { method: 'PATCH', body, version })
}
