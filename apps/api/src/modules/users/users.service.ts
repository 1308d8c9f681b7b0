import type {
  CreateUserBody,
  ListUsersQuery,
  Role,
  UpdateUserBody,
  User,
  UserPage,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { units } from '../../db/schema/index.js'
import { AppError, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { unitTreeFilter } from '../../lib/scope.js'
import { changedFields, recordAudit } from '../audit/index.js'
import { principalsChanged } from '../../lib/principals.js'
import { endSessions, hashPassword, replacePassword, type AuthService } from '../auth/index.js'
import { findUnit, holdUnit } from '../units/index.js'
import { usersRepository as repo, type UserWithUnit } from './users.repository.js'

export function toUser(r: UserWithUnit): User {
  const u = r.user
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    unit: { id: u.unitId, code: r.unitCode, name: r.unitName },
    roles: u.roles as Role[],
    status: u.status as User['status'],
    lockedUntil: r.lockedUntil ? r.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  }
}

/** Separation of duties: one account is never both admin and auditor. */
function assertRoles(roles: readonly Role[]) {
  if (roles.includes('admin') && roles.includes('auditor'))
    throw new AppError('unprocessable', 'An account cannot be both admin and auditor', {
      errors: [{ path: '/roles', message: 'admin and auditor are exclusive' }],
    })
}

/** People's accounts: the admin creates, edits, disables and resets; others read within scope. */
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthService,
  ) {}

  async list(ctx: Ctx, q: ListUsersQuery): Promise<UserPage> {
    const limit = q.limit ?? 50
    const before = decodeCursor(q.cursor, 1)
    let unitPath: string | undefined
    if (q.unit) {
      const unit = await findUnit(this.db, q.unit)
      unitPath = unit?.path ?? '/none/'
    }
    const filter = {
      scope: unitTreeFilter(ctx.actor, units.path),
      unitPath,
      role: q.role,
      status: q.status,
      q: q.q,
    }
    const [rows, total] = await Promise.all([
      repo.list(this.db, filter, limit + 1, before?.[0] ?? null),
      repo.count(this.db, filter),
    ])
    const page = rows.slice(0, limit)
    return {
      items: page.map(toUser),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.user.id]) : null,
      total,
    }
  }

  async get(ctx: Ctx, id: string): Promise<User> {
    const row = await repo.findById(this.db, id, unitTreeFilter(ctx.actor, units.path))
    if (!row) throw notFound('User')
    return toUser(row)
  }

  async create(ctx: Ctx, body: CreateUserBody): Promise<User> {
    assertRoles(body.roles)
    this.auth.assertPolicy(body.password, body.username)
    const passwordHash = await hashPassword(body.password)
    const id = uuidv7()
    return this.db.transaction(async (tx) => {
      // A share lock: the unit cannot be deactivated until this user is committed (and counted).
      const unit = await holdUnit(tx, body.unitId)
      if (!unit || !unit.active)
        throw new AppError('unprocessable', 'No such active unit', {
          errors: [{ path: '/unitId', message: 'no such active unit' }],
        })
      if (await repo.usernameTaken(tx, body.username))
        throw new AppError('duplicate', `Username ${body.username} is taken`)
      await repo.insert(tx, {
        id,
        username: body.username,
        displayName: body.displayName,
        unitId: unit.id,
        roles: body.roles,
        passwordHash,
        passwordChangedAt: new Date(),
      })
      const user = toUser((await repo.findById(tx, id))!)
      await recordAudit(tx, ctx, {
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        unitId: unit.id,
        after: user,
      })
      return user
    })
  }

  async update(ctx: Ctx, id: string, version: number, body: UpdateUserBody): Promise<User> {
    if (body.roles) assertRoles(body.roles)
    const updated = await this.db.transaction(async (tx) => {
      const locked = await repo.lockById(tx, id)
      const before = locked && (await repo.findById(tx, id, unitTreeFilter(ctx.actor, units.path)))
      if (!locked || !before) throw notFound('User')
      if (locked.version !== version) throw new AppError('precondition_failed')
      if (
        id === ctx.actor.id &&
        (body.status === 'disabled' || (body.roles && !body.roles.includes('admin')))
      )
        throw new AppError(
          'unprocessable',
          'You cannot disable yourself or drop your own admin role',
        )
      // An active user needs an active unit; a share lock keeps it so until this commits.
      const moved = !!body.unitId && body.unitId !== locked.unitId
      if (moved || (body.status === 'active' && locked.status !== 'active')) {
        const unit = await holdUnit(tx, body.unitId ?? locked.unitId)
        if (!unit || !unit.active)
          throw new AppError('unprocessable', 'No such active unit', {
            errors: [
              moved
                ? { path: '/unitId', message: 'no such active unit' }
                : { path: '/status', message: 'the unit is deactivated' },
            ],
          })
      }
      await repo.update(tx, id, body)
      const now = new Date()
      let sessionsEnded = 0
      if (body.status === 'disabled' && locked.status !== 'disabled')
        sessionsEnded = await endSessions(tx, id, 'user_disabled', now)
      const user = toUser((await repo.findById(tx, id))!)
      const diff = changedFields(toUser(before), user)
      await recordAudit(tx, ctx, {
        action:
          body.status === 'disabled' && locked.status !== 'disabled'
            ? 'user.disabled'
            : 'user.updated',
        entityType: 'user',
        entityId: id,
        unitId: user.unit.id,
        before: diff.before,
        after: sessionsEnded ? { ...diff.after, sessionsEnded } : diff.after,
      })
      return user
    })
    // Roles, unit or status may have changed: no signed-in principal read before is trusted.
    principalsChanged()
    return updated
  }

  /** Sets a new password for someone else; ends all their sessions and lifts any lock. */
  async resetPassword(ctx: Ctx, id: string, password: string): Promise<void> {
    const target = await repo.findById(this.db, id, unitTreeFilter(ctx.actor, units.path))
    if (!target) throw notFound('User')
    this.auth.assertPolicy(password, target.user.username)
    const passwordHash = await hashPassword(password)
    await this.db.transaction(async (tx) => {
      const now = new Date()
      const sessionsEnded = await replacePassword(tx, target.user, passwordHash, now)
      await recordAudit(tx, ctx, {
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
        unitId: target.user.unitId,
        after: { sessionsEnded },
      })
    })
    principalsChanged()
  }
}
