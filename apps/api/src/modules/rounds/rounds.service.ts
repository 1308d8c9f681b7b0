import {
  DEFAULT_ACCEPTANCE_CRITERIA,
  type CreateRoundBody,
  type ListRoundsQuery,
  type Round,
  type RoundPage,
  type RoundSettings,
  type UpdateRoundBody,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { AppError, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { decodeCursor, encodeCursor } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { changedFields, recordAudit } from '../audit/index.js'
import { roundsRepository as repo, type RoundRow } from './rounds.repository.js'

/**
 * Settings of a round created without any: county acceptance then city review against the five
 * Anhui criteria, 5 working days of publicity, rebound reviews 3 and 12 months after close-out.
 */
export const DEFAULT_ROUND_SETTINGS: RoundSettings = {
  acceptanceLevels: ['county', 'city'],
  publicityDays: 5,
  criteria: [...DEFAULT_ACCEPTANCE_CRITERIA],
  reboundMonths: [3, 12],
}

/** A round's settings: what is stored over the defaults (rounds stored before a setting existed). */
export function roundSettings(stored: unknown): RoundSettings {
  return { ...DEFAULT_ROUND_SETTINGS, ...(stored as Partial<RoundSettings>) }
}

export function toRound(r: RoundRow): Round {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as Round['kind'],
    stationedFrom: r.stationedFrom,
    stationedTo: r.stationedTo,
    feedbackDate: r.feedbackDate,
    planApprovedDate: r.planApprovedDate,
    settings: roundSettings(r.settings),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

function assertDates(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && from > to)
    throw new AppError('unprocessable', 'The stationing ends before it starts', {
      errors: [{ path: '/stationedTo', message: 'is before stationedFrom' }],
    })
}

/** Inspection rounds (督察批次): read by everyone, kept by the office. Rounds are never deleted. */
export class RoundsService {
  constructor(private readonly db: Db) {}

  async list(_ctx: Ctx, q: ListRoundsQuery): Promise<RoundPage> {
    const limit = q.limit ?? 50
    const before = decodeCursor(q.cursor, 1)
    const [rows, total] = await Promise.all([
      repo.list(this.db, limit + 1, before?.[0] ?? null),
      repo.count(this.db),
    ])
    const page = rows.slice(0, limit)
    return {
      items: page.map(toRound),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.id]) : null,
      total,
    }
  }

  async get(_ctx: Ctx, id: string): Promise<Round> {
    const row = await repo.findById(this.db, id)
    if (!row) throw notFound('Round')
    return toRound(row)
  }

  async create(ctx: Ctx, body: CreateRoundBody): Promise<Round> {
    assertDates(body.stationedFrom, body.stationedTo)
    return this.db.transaction(async (tx) => {
      if (await repo.nameTaken(tx, body.name))
        throw new AppError('duplicate', `A round named ${body.name} exists`)
      const id = uuidv7()
      const row = await repo.insert(tx, {
        id,
        name: body.name,
        kind: body.kind,
        stationedFrom: body.stationedFrom ?? null,
        stationedTo: body.stationedTo ?? null,
        feedbackDate: body.feedbackDate ?? null,
        planApprovedDate: body.planApprovedDate ?? null,
        settings: { ...DEFAULT_ROUND_SETTINGS, ...body.settings },
      })
      const round = toRound(row)
      await recordAudit(tx, ctx, {
        action: 'round.created',
        entityType: 'round',
        entityId: id,
        after: round,
      })
      return round
    })
  }

  async update(ctx: Ctx, id: string, version: number, body: UpdateRoundBody): Promise<Round> {
    return this.db.transaction(async (tx) => {
      const current = await repo.lockById(tx, id)
      if (!current) throw notFound('Round')
      if (current.version !== version) throw new AppError('precondition_failed')
      const from = body.stationedFrom !== undefined ? body.stationedFrom : current.stationedFrom
      const to = body.stationedTo !== undefined ? body.stationedTo : current.stationedTo
      assertDates(from, to)
      if (body.name !== undefined && (await repo.nameTaken(tx, body.name, id)))
        throw new AppError('duplicate', `A round named ${body.name} exists`)
      const row = await repo.update(tx, id, {
        ...body,
        ...(body.settings && {
          settings: { ...roundSettings(current.settings), ...body.settings },
        }),
      })
      const round = toRound(row)
      await recordAudit(tx, ctx, {
        action: 'round.updated',
        entityType: 'round',
        entityId: id,
        ...changedFields(toRound(current), round),
      })
      return round
    })
  }
}
