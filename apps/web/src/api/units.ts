/** Units (`/units`): the city's tree of departments, counties and townships. */
import type {
  CreateUnitBody,
  ListUnitsQuery,
  Unit,
  UnitPage,
  UpdateUnitBody,
} from '@rectify/schemas'
import { request } from './http'

/** `GET /units`: one page of units, filtered by parent, text and active flag. */
export function listUnits(query: ListUnitsQuery = {}): Promise<UnitPage> {
  return request<UnitPage>('/units', { query })
}

/** Every unit the caller may see, paging through `GET /units?limit=200` to the end. */
export async function listAllUnits(
  query: Omit<ListUnitsQuery, 'limit' | 'cursor'> = {},
): Promise<Unit[]> {
  const units: Unit[] = []
  let cursor: string | undefined
  do {
    const page = await listUnits({ ...query, limit: 200, cursor })
    units.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return units
}

/** `POST /units`: creates a unit under `parentId`. */
export function createUnit(body: CreateUnitBody): Promise<Unit> {
  return request<Unit>('/units', { method: 'POST', body })
}

/** `GET /units/:id`. */
export function getUnit(id: string): Promise<Unit> {
  return request<Unit>(`/units/${encodeURIComponent(id)}`)
}

/** `PATCH /units/:id` with `If-Match: version`: rename, move or (de)activate. */
export function updateUnit(id: string, version: number, body: UpdateUnitBody): Promise<Unit> {
  return request<Unit>(`/units/${encodeURIComponent(id)}`, { method: 'PATCH', body, version })
}
