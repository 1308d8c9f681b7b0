import { asc, eq } from 'drizzle-orm'
import type { CardSuggestion } from '@rectify/schemas'
import type { Db, Tx } from '../db/client.js'
import { problems, rounds } from '../db/schema/index.js'
import { cliContext, type Ctx } from '../lib/context.js'
import { addDays, periodOf } from '../lib/dates.js'
import { CardsService } from '../modules/cards/index.js'
import { DispatchService } from '../modules/dispatch/index.js'

export interface DispatchSeedContext {
  /** The demo office account, which opens and closes periods and decides suggestions. */
  office: { id: string; name: string; unitId: string }
  today: string
}

const monthWords = (period: string) => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`

/**
 * Demo supervision: last month's dispatch period closed with its frozen summary, this month's
 * open and due in a few days; the rules' card suggestions, of which the office confirmed a red
 * card and issued a yellow card directly, and the rest (and the admonishing talk the red card
 * suggests) left pending. Everything goes through the services, as the office would.
 */
export async function seedDispatch(tx: Tx, c: DispatchSeedContext) {
  const seedCtx = cliContext('seed --demo')
  const office: Ctx = {
    meta: seedCtx.meta,
    actor: {
      ...seedCtx.actor,
      type: 'user',
      id: c.office.id,
      name: c.office.name,
      unitId: c.office.unitId,
      roles: ['office'],
    },
  }
  const db = tx as unknown as Db
  const [round] = await tx.select().from(rounds).orderBy(asc(rounds.id)).limit(1)
  if (!round) return { dispatchPeriods: 0, cards: 0, cardSuggestions: 0 }

  const firstOfMonth = `${c.today.slice(0, 7)}-01`
  const last = periodOf(addDays(firstOfMonth, -1))
  const lastDue = addDays(firstOfMonth, 4)
  // Closed on the evening of its due date (or now, early in the month).
  const closedAt = lastDue < c.today ? new Date(`${lastDue}T18:00:00+08:00`) : new Date()
  const closing = new DispatchService({ db, clock: () => closedAt })
  const past = await closing.create(office, {
    roundId: round.id,
    period: last,
    title: `${monthWords(last)}整改进展调度`,
    dueDate: lastDue,
  })
  await closing.close(office, past.id, past.version)
  const current = periodOf(c.today)
  await new DispatchService({ db }).create(office, {
    roundId: round.id,
    period: current,
    title: `${monthWords(current)}整改进展调度`,
    dueDate: addDays(c.today, 4),
  })

  const cardsService = new CardsService(db)
  const { items } = await cardsService.refresh(office)
  const redSuggestion = items.find((s) => s.kind === 'red_card')
  let issued = 0
  if (redSuggestion) {
    await cardsService.decide(office, redSuggestion.id, redSuggestion.version, {
      decision: 'confirm',
      note: `${redSuggestion.problem?.code ?? ''}整改逾期且未说明原因，经整改办研究，予以亮红牌。`,
    })
    issued++
  }
  // A yellow card issued directly, for a problem behind schedule.
  const [behind] = await tx
    .select({ id: problems.id, leadUnitId: problems.leadUnitId, code: problems.code })
    .from(problems)
    .where(eq(problems.light, 'yellow'))
    .orderBy(asc(problems.code))
    .limit(1)
  if (behind) {
    await cardsService.create(office, {
      unitId: behind.leadUnitId,
      color: 'yellow',
      reason: `${behind.code}实际进度滞后序时进度，连续两期调度未有明显改善，予以亮黄牌。`,
      problemIds: [behind.id],
    })
    issued++
  }
  // The red card suggests an admonishing talk: left for the office to decide.
  const more: CardSuggestion[] = (await cardsService.refresh(office)).items
  return {
    dispatchPeriods: 2,
    cards: issued,
    cardSuggestions: items.length + more.length,
  }
}
