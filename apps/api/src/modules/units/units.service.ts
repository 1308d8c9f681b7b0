import type {
  CreateUnitBody,
  ListUnitsQuery,
  Unit,
  UnitPage,
  UpdateUnitBody,
} from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, notFound, invalid } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { unitTreeFilter } from '../../lib/scope.js'
import { units } from '../../db/schema/index.js'
import { principalsChanged } from '../../lib/principals.js'
import { changedFields, recordAudit } from '../audit/index.js'
import { unitsRepository as repo, type UnitRow } from './units.repository.js'

export function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind as Unit['kind'],
    parentId: r.parentId,
    active: r.active,
    contactUserId: r.contactUserId,
    headUserId: r.headUserId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

/** The unit tree: list, read, create, rename, move, (de)activate. Units are never deleted. */
export class UnitsService {
  constructor(private readonly db: Db) {}

  async list(ctx: Ctx, q: ListUnitsQuery): Promise<UnitPage> {
    const limit = q.limit ?? 50
    const after = decodeCursor(q.cursor, 1)
    const filter = {
      scope: unitTreeFilter(ctx.actor, units.path),
      parent: q.parent,
      q: q.q,
      active: q.active,
    }
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, limit + 1, after?.[0] ?? null),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    return {
      items: page.map(toUnit),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.id]) : null,
      total,
    }
  }

  async get(ctx: Ctx, id: string): Promise<Unit> {
    const row = await repo.findById(this.db, id, unitTreeFilter(ctx.actor, units.path))
    if (!row) throw notFound('Unit')
    return toUnit(row)
  }

  async create(ctx: Ctx, body: CreateUnitBody): Promise<Unit> {
    return this.db.transaction((tx) => createUnitIn(tx, ctx, body))
  }

  async update(ctx: Ctx, id: string, version: number, body: UpdateUnitBody): Promise<Unit> {
    const updated = await this.db.transaction(async (tx) => {
      await repo.lockTree(tx)
      const current = await repo.lockById(tx, id)
      if (!current || !(await repo.findById(tx, id, unitTreeFilter(ctx.actor, units.path))))
        throw notFound('Unit')
      if (current.version !== version) throw new AppError('precondition_failed')
      const set: Parameters<typeof repo.update>[2] = {}
      if (body.name !== undefined) set.name = body.name
      if (body.kind !== undefined) set.kind = body.kind
      if (body.parentId !== undefined && body.parentId !== current.parentId) {
        let newPath = `/${id}/`
        if (body.parentId) {
          const parent = await repo.findById(tx, body.parentId)
          if (!parent) throw invalid('/parentId', 'no such unit')
          if (parent.path.startsWith(current.path))
            throw invalid('/parentId', 'a unit cannot move under itself or its own sub-units')
          if (!parent.active) throw invalid('/parentId', 'the parent unit is deactivated')
          newPath = `${parent.path}${id}/`
        }
        await repo.movePaths(tx, current.path, newPath)
        set.parentId = body.parentId
      }
      if (body.active === false && current.active) {
        if ((await repo.countActiveChildren(tx, id)) > 0)
          throw new AppError('unit_in_use', 'Deactivate its active sub-units first')
        if ((await repo.countActiveUsers(tx, id)) > 0)
          throw new AppError('unit_in_use', 'The unit still has active users')
      }
      if (body.active === true && !current.active) {
        const parentId = body.parentId !== undefined ? body.parentId : current.parentId
        const parent = parentId ? await repo.findById(tx, parentId) : undefined
        if (parent && !parent.active) throw invalid('/active', 'the parent unit is deactivated')
      }
      if (body.active !== undefined) set.active = body.active
      for (const field of ['contactUserId', 'headUserId'] as const) {
        const userId = body[field]
        if (userId === undefined) continue
        if (userId !== null && !(await repo.isUserOf(tx, userId, id)))
          throw invalid(`/${field}`, 'is not a user of this unit')
        set[field] = userId
      }
      const row = await repo.update(tx, id, set)
      const unit = toUnit(row)
      const diff = changedFields(toUnit(current), unit)
      await recordAudit(tx, ctx, {
        action: 'unit.updated',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        ...diff,
      })
      return unit
    })
    // A move rewrites the paths that scope the users of the subtree (their cached principals).
    if (body.parentId !== undefined) principalsChanged()
    return updated
  }
}

/**
 * Creates a unit inside the caller's transaction — the one way units are created (the admin's
 * POST /units, and the office's problem-list import creating a unit its sheet names). The parent
 * must be in the actor's tree and active; the code unique. Audited as `unit.created`; `via`
 * (e.g. `problem-import`) says where from. `id` lets a caller that staged the unit keep its id.
 */
export async function createUnitIn(
  tx: DbOrTx,
  ctx: Ctx,
  body: CreateUnitBody,
  opts: { id?: string; via?: Record<string, unknown> } = {},
): Promise<Unit> {
  await repo.lockTree(tx)
  let parentPath = '/'
  if (body.parentId) {
    const parent = await repo.findById(tx, body.parentId, unitTreeFilter(ctx.actor, units.path))
    if (!parent) throw invalid('/parentId', 'no such unit')
    if (!parent.active) throw invalid('/parentId', 'the parent unit is deactivated')
    parentPath = parent.path
  }
  if (await repo.findByCode(tx, body.code))
    throw new AppError('duplicate', `Unit code ${body.code} is taken`)
  const id = opts.id ?? uuidv7()
  const row = await repo.insert(tx, {
    id,
    code: body.code,
    name: body.name,
    kind: body.kind,
    parentId: body.parentId,
    path: `${parentPath}${id}/`,
  })
  const unit = toUnit(row)
  await recordAudit(tx, ctx, {
    action: 'unit.created',
    entityType: 'unit',
    entityId: id,
    unitId: id,
    after: { ...unit, ...opts.via },
  })
  return unit
}
