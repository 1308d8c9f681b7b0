/** Units (`/units`): the city's tree of departments, counties and townships. */
import type { CreateUnitBody, ListUnitsQuery, UpdateUnitBody } from '@rectify/schemas'
import { api, ifMatch, ok } from './http'
import type { components } from './schema'

type Unit = components['schemas']['Unit']

/** `GET /units`: one page of units, filtered by parent, text and active flag. */
export async function listUnits(query: ListUnitsQuery = {}) {
  return ok(await api.GET('/api/v1/units', { params: { query } }))
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
export async function createUnit(body: CreateUnitBody) {
  return ok(await api.POST('/api/v1/units', { body }))
}

/** `GET /units/:id`. */
export async function getUnit(id: string) {
  return ok(await api.GET('/api/v1/units/{id}', { params: { path: { id } } }))
}

/** `PATCH /units/:id` with `If-Match: version`: rename, move or (de)activate. */
export async function updateUnit(id: string, version: number, body: UpdateUnitBody) {
  return ok(
    await api.PATCH('/api/v1/units/{id}', {
      params: { path: { id }, header: ifMatch(version) },
      body,
    }),
  )
}
