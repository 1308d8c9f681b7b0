import type {
  Card,
  CardPage,
  CardSuggestionPage,
  CreateCardBody,
  ListCardSuggestionsQuery,
  ListCardsQuery,
  RefreshSuggestionsResult,
  SuggestionDecisionBody,
  SuggestionDecisionResult,
} from '@rectify/schemas'
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/client.js'
import { cardSuggestions, cards, units } from '../../db/schema/index.js'
import { AppError, forbidden, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { encodeCursor, likeEscape } from '../../lib/http.js'
import { uuidv7 } from '../../lib/ids.js'
import { unitTreeFilter } from '../../lib/scope.js'
import { idCursor } from '../../lib/cursors.js'
import { recordAudit } from '../audit/index.js'
import { emitEvent } from '../events/index.js'
import { notifyUnit } from '../inbox/index.js'
import { actsAsOffice } from '../problems/index.js'
import { cardsRepository as repo } from './cards.repository.js'
import { candidates } from './cards.rules.js'
import { suggestedText, suggestionReason, toCards, toSuggestions } from './cards.view.js'
import { actorName } from '../users/index.js'

const COLOR_WORDS = { yellow: '黄牌', red: '红牌' } as const

function invalid(path: string, message: string) {
  return new AppError('validation', `${path} ${message}`, { errors: [{ path, message }] })
}

/**
 * Cards (红黄牌): the rules suggest, the office decides. Only the office's confirmation (or its
 * direct issue) creates a card; a dismissed suggestion stays dismissed, as its key does.
 */
export class CardsService {
  private readonly clock: () => Date
  constructor(
    private readonly db: Db,
    clock?: () => Date,
  ) {
    this.clock = clock ?? (() => new Date())
  }

  async listSuggestions(_ctx: Ctx, q: ListCardSuggestionsQuery): Promise<CardSuggestionPage> {
    const limit = q.limit ?? 50
    const where = q.status ? eq(cardSuggestions.status, q.status) : undefined
    const [rows, total] = await Promise.all([
      repo.listSuggestions(this.db, where, limit + 1, idCursor(q.cursor)),
      repo.countSuggestions(this.db, where),
    ])
    const page = rows.slice(0, limit)
    return {
      items: await toSuggestions(this.db, page),
      nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
      total,
    }
  }

  /** Runs the rules now and stores the suggestions not made before (the key decides). */
  async refresh(ctx: Ctx): Promise<RefreshSuggestionsResult> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office refreshes suggestions')
    const at = this.clock()
    return this.db.transaction(async (tx) => {
      const list = await candidates(tx, shanghaiDate(at))
      const inserted = await repo.insertSuggestions(
        tx,
        list.map((c) => ({ id: uuidv7(), ...c, createdAt: at })),
      )
      if (inserted.length)
        await recordAudit(tx, ctx, {
          action: 'card_suggestions.refreshed',
          entityType: 'card_suggestion',
          unitId: null,
          after: { created: inserted.length, keys: inserted.map((s) => s.key) },
        })
      inserted.sort((a, b) => a.id.localeCompare(b.id))
      return { created: inserted.length, items: await toSuggestions(tx, inserted) }
    })
  }

  /** 404, 412 stale, 409 decided already, 403 not the office. Confirming a card kind issues it. */
  async decide(
    ctx: Ctx,
    id: string,
    version: number,
    body: SuggestionDecisionBody,
  ): Promise<SuggestionDecisionResult> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office decides suggestions')
    const at = this.clock()
    return this.db.transaction(async (tx) => {
      const row = await repo.findSuggestion(tx, id, true)
      if (!row) throw notFound('Card suggestion')
      if (row.version !== version) throw new AppError('precondition_failed')
      if (row.status !== 'pending')
        throw new AppError('conflict', `The suggestion is already ${row.status}`)
      const [view] = await toSuggestions(tx, [row])
      const note = body.note?.trim() || null
      let card: Card | null = null
      if (body.decision === 'confirm' && (row.kind === 'yellow_card' || row.kind === 'red_card'))
        card = await this.issue(tx, ctx, at, {
          unitId: row.unitId,
          color: row.kind === 'red_card' ? 'red' : 'yellow',
          reason: note ?? suggestionReason(view!),
          problemIds: row.problemId ? [row.problemId] : [],
          suggestionId: row.id,
        })
      const status = body.decision === 'confirm' ? 'confirmed' : 'dismissed'
      await repo.decide(tx, id, {
        status,
        decidedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
        decidedAt: at,
        decisionNote: note,
        cardId: card?.id ?? null,
      })
      await recordAudit(tx, ctx, {
        action: 'card_suggestion.decided',
        entityType: 'card_suggestion',
        entityId: id,
        unitId: row.unitId,
        before: { status: 'pending' },
        after: { status, kind: row.kind, note, cardId: card?.id ?? null, problemId: row.problemId },
      })
      const [suggestion] = await toSuggestions(tx, [(await repo.findSuggestion(tx, id))!])
      return {
        suggestion: suggestion!,
        card,
        suggestedText: status === 'confirmed' ? suggestedText(view!) : null,
      }
    })
  }

  /** Cards within the caller's scope: a unit sees its subtree's; filters by unit subtree and year. */
  async listCards(ctx: Ctx, q: ListCardsQuery): Promise<CardPage> {
    const limit = q.limit ?? 50
    let unitFilter: SQL | undefined
    if (q.unit) {
      const [u] = await repo.unitsByIds(this.db, [q.unit])
      unitFilter = u ? sql`${units.path} like ${`${likeEscape(u.path)}%`}` : sql`false`
    }
    const where = and(
      unitTreeFilter(ctx.actor, units.path),
      unitFilter,
      q.year
        ? sql`${cards.issuedOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`
        : undefined,
    )
    const [rows, total] = await Promise.all([
      repo.listCards(this.db, where, limit + 1, idCursor(q.cursor)),
      repo.countCards(this.db, where),
    ])
    const page = rows.slice(0, limit)
    return {
      items: await toCards(this.db, page),
      nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id]) : null,
      total,
    }
  }

  /** The office issues a card directly. 403 not the office, 422 unknown unit or problems. */
  async create(ctx: Ctx, body: CreateCardBody): Promise<Card> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office issues cards')
    const at = this.clock()
    return this.db.transaction(async (tx) => {
      if (!(await repo.unitsByIds(tx, [body.unitId])).length)
        throw invalid('/unitId', 'names no unit')
      const found = await repo.problemsByIds(tx, body.problemIds)
      if (found.length !== body.problemIds.length)
        throw invalid('/problemIds', 'names a problem that does not exist')
      return this.issue(tx, ctx, at, { ...body, suggestionId: null })
    })
  }

  /** Issues a card in the caller's transaction: the row, the event, the unit's inbox, the audit. */
  private async issue(
    tx: DbOrTx,
    ctx: Ctx,
    at: Date,
    c: {
      unitId: string
      color: 'yellow' | 'red'
      reason: string
      problemIds: string[]
      suggestionId: string | null
    },
  ): Promise<Card> {
    const id = uuidv7()
    const issuedOn = shanghaiDate(at)
    const row = await repo.insertCard(tx, {
      id,
      ...c,
      issuedOn,
      issuedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
      issuedByName: await actorName(tx, ctx.actor),
      createdAt: at,
    })
    const [card] = await toCards(tx, [row])
    await emitEvent(tx, {
      type: 'card.issued',
      entityType: 'card',
      entityId: id,
      unitId: c.unitId,
      data: {
        id,
        unitId: c.unitId,
        color: c.color,
        reason: c.reason,
        problemIds: c.problemIds,
        issuedOn,
      },
    })
    await notifyUnit(tx, c.unitId, {
      kind: 'card',
      title: `你单位被亮${COLOR_WORDS[c.color]}`,
      body: c.reason,
      link: '/dispatch/cards',
      entityType: 'card',
      entityId: id,
    })
    await recordAudit(tx, ctx, {
      action: 'card.issued',
      entityType: 'card',
      entityId: id,
      unitId: c.unitId,
      after: { ...c, issuedOn, problemId: c.problemIds[0] ?? null },
    })
    return card!
  }
}
