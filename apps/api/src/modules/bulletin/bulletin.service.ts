import type { Bulletin, DispatchProblemRef, DispatchSummary, Rankings } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { AppError, forbidden, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { addDays, shanghaiDate } from '../../lib/dates.js'
import { compareCodes } from '../../lib/natural-sort.js'
import { recordAudit } from '../audit/index.js'
import type { RankingsService } from '../cards/index.js'
import { computeSummary } from '../dispatch/index.js'
import { findDispatchPeriod, type DispatchPeriodRow } from '../dispatch/index.js'
import { issuerUnitName } from '../notices/index.js'
import { noticeNumber } from '../notices/index.js'
import { countPetitions } from '../petitions/index.js'
import type { OverviewService } from '../problems/index.js'
import { actsAsOffice } from '../problems/index.js'
import { bulletinRepository as repo } from './bulletin.repository.js'
import type { BulletinFacts } from './bulletin.document.js'

/** The issuing body when the period's opener is unknown (an API client, the CLI). */
const DEFAULT_ISSUER = '生态环境保护督察整改工作领导小组办公室'

/** The first and last day of a period: a calendar month, or an ISO week (Monday to Sunday). */
export function periodRange(period: string): { from: string; to: string } {
  const week = /^(\d{4})-W(\d{2})$/.exec(period)
  if (week) {
    // ISO 8601: week 1 holds January 4th; weeks start on Monday.
    const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4))
    const monday = addDays(jan4.toISOString().slice(0, 10), -((jan4.getUTCDay() + 6) % 7))
    const from = addDays(monday, (Number(week[2]) - 1) * 7)
    return { from, to: addDays(from, 6) }
  }
  const [y, m] = period.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` }
}

/** The figures of the summary sentence. */
type Figures = Pick<
  DispatchSummary,
  'total' | 'completed' | 'closedNotRectified' | 'onSchedule' | 'behind' | 'overdue'
>

/**
 * 截至11月28日，纳入调度的46个问题中，7个已完成整改，1个未整改到位销号，27个按序时进度推进，
 * 11个滞后；在推进的38个问题中，4个已逾期。
 *
 * The parts partition the total (summaryBucket puts every problem in exactly one): completed,
 * closed not rectified (said only when there is one, never counted as completed), on schedule,
 * behind. Overdue is not a part: it is a share of the problems still being worked on, and says so.
 */
export function summarySentence(asOf: string, f: Figures): string {
  const [, m, d] = asOf.split('-').map(Number)
  // A summary frozen before the field existed had none.
  const notRectified = f.closedNotRectified ?? 0
  const closed = notRectified ? `${notRectified}个未整改到位销号，` : ''
  const open = f.onSchedule + f.behind
  return (
    `截至${m}月${d}日，纳入调度的${f.total}个问题中，${f.completed}个已完成整改，${closed}` +
    `${f.onSchedule}个按序时进度推进，${f.behind}个滞后；在推进的${open}个问题中，${f.overdue}个已逾期。`
  )
}

/**
 * The dispatch bulletin (调度通报) of a period: the office's requirements text, and the .docx
 * built from the period's facts. The figures are those of the summary endpoint: a closed
 * period's frozen summary, or — while open — GET /problems/summary for the round, computed by
 * the very same OverviewService; the lists by the dispatch board's computeSummary.
 */
export class BulletinService {
  private readonly clock: () => Date
  constructor(
    private readonly db: Db,
    private readonly overview: OverviewService,
    private readonly rankings: RankingsService,
    clock?: () => Date,
  ) {
    this.clock = clock ?? (() => new Date())
  }

  async get(ctx: Ctx, id: string): Promise<Bulletin> {
    const row = await this.period(id)
    const { asOf, figures } = await this.figures(ctx, row)
    return {
      periodId: row.id,
      requirements: row.bulletinRequirements,
      summarySentence: summarySentence(asOf, figures),
      version: row.version,
    }
  }

  /** 403 not the office, 404 no period, 412 stale. Bumps the period's version. */
  async update(ctx: Ctx, id: string, version: number, requirements: string): Promise<Bulletin> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office edits the bulletin')
    await this.db.transaction(async (tx) => {
      const row = await findDispatchPeriod(tx, id, true)
      if (!row) throw notFound('Dispatch period')
      if (row.version !== version) throw new AppError('precondition_failed')
      await repo.saveRequirements(tx, id, version, requirements)
      await recordAudit(tx, ctx, {
        action: 'dispatch.bulletin_updated',
        entityType: 'dispatch_period',
        entityId: id,
        unitId: null,
        before: { requirements: row.bulletinRequirements },
        after: { requirements },
      })
    })
    return this.get(ctx, id)
  }

  /** The bulletin as a .docx in official layout. */
  async document(ctx: Ctx, id: string) {
    const row = await this.period(id)
    const facts = await this.facts(ctx, row)
    return {
      filename: `${facts.title}.docx`,
      // docx is loaded with the first bulletin, not at start (it is large).
      content: await (await import('./bulletin.document.js')).bulletinDocument(facts),
    }
  }

  private async period(id: string): Promise<DispatchPeriodRow> {
    const row = await findDispatchPeriod(this.db, id)
    if (!row) throw notFound('Dispatch period')
    return row
  }

  /** The frozen figures of a closed period, else the summary endpoint's for the round today. */
  private async figures(ctx: Ctx, row: DispatchPeriodRow) {
    const frozen = row.summary as DispatchSummary | null
    if (row.status === 'closed' && frozen) return { asOf: frozen.asOf, figures: frozen, frozen }
    const live = await this.overview.summary(ctx, { round: row.roundId })
    return { asOf: shanghaiDate(this.clock()), figures: live as Figures, frozen: null }
  }

  private async facts(ctx: Ctx, row: DispatchPeriodRow): Promise<BulletinFacts> {
    const today = shanghaiDate(this.clock())
    const { asOf, figures, frozen } = await this.figures(ctx, row)
    const lists =
      frozen?.lists ??
      (await computeSummary(this.db, ctx.actor, row.roundId, row.period, asOf)).lists
    const { from, to } = periodRange(row.period)
    const year = Number(row.period.slice(0, 4))
    const issuer = (row.openedBy && (await issuerUnitName(this.db, row.openedBy))) || DEFAULT_ISSUER
    const [issued, cards, petitions, ranking] = await Promise.all([
      repo.noticesIssued(this.db, from, to),
      repo.cardsIssued(this.db, from, to),
      this.petitionFigures(row.roundId, today),
      this.rankings.rankings(ctx, { metric: 'completion', year }),
    ])
    return {
      title: bulletinTitle(row.period),
      issuer,
      date: row.closedAt ? shanghaiDate(row.closedAt) : today,
      sentence: summarySentence(asOf, figures),
      behind: byCode(lists.behind),
      overdue: byCode(lists.overdue),
      range: { from, to },
      notices: issued.map((n) => ({
        number: noticeNumber(n.year, n.seq),
        title: n.title,
        unitName: n.unitName,
      })),
      cards: cards.map((c) => ({ ...c, color: c.color as 'yellow' | 'red' })),
      petitions,
      ranking: ranking as Rankings,
      requirements: row.bulletinRequirements,
    }
  }

  /** Cases handed over in the round's batches, counted with the petition list's definitions. */
  private async petitionFigures(roundId: string, today: string) {
    const scope = repo.ofRound(roundId)
    const n = (f: { status?: string; overdue?: boolean }) =>
      countPetitions(this.db, { scope, today, ...f })
    const [total, received, closed, partlyClosed, overdue] = await Promise.all([
      n({}),
      n({ status: 'received' }),
      n({ status: 'closed' }),
      n({ status: 'partly_closed' }),
      n({ overdue: true }),
    ])
    return { total, assigned: total - received, closed, partlyClosed, overdue, asOf: today }
  }
}

const ref = (r: DispatchProblemRef) => ({ code: r.code, title: r.title, unitName: r.leadUnitName })

/**
 * A list in the bulletin, in natural code order (第2项 before 第10项) — also for periods frozen
 * before the ledger sorted by the natural key, whose stored lists are in text order.
 */
const byCode = (list: DispatchProblemRef[]) =>
  [...list].sort((a, b) => compareCodes(a.code, b.code)).map(ref)

/** 关于2026年10月中央生态环境保护督察反馈问题整改工作调度情况的通报 (or 2026年第42周). */
export function bulletinTitle(period: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period)
  const when = week
    ? `${week[1]}年第${Number(week[2])}周`
    : `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`
  return `关于${when}中央生态环境保护督察反馈问题整改工作调度情况的通报`
}
