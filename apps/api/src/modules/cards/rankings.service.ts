import type {
  AssessmentRule,
  AssessmentRuleList,
  PatchAssessmentRuleBody,
  RankingMetric,
  RankingRow,
  Rankings,
  RankingsQuery,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { AppError, forbidden, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { recordAudit } from '../audit/index.js'
import { summaryBucket } from '../problems/index.js'
import { actsAsOffice } from '../problems/index.js'
import { cardsRepository } from './cards.repository.js'
import { rankingsRepository as repo } from './rankings.repository.js'

/** The minimum count of problems a unit needs to be ranked, unless the query says otherwise. */
export const DEFAULT_MIN_COUNT = 3
/** The most problems a row lists behind its figure. */
const LIST_LIMIT = 100

/** What each metric means, stated beside every ranking (zh-CN first). */
export const DEFINITIONS: Record<RankingMetric, { zh: string; en: string }> = {
  completion: {
    zh: '完成率 = 已完成问题数 ÷ 牵头问题数。统计对象为整改时限在该年度内的牵头问题；已完成指验收中、公示中或已销号（未整改到位销号的不计为完成）。按完成率从高到低排名。',
    en: 'Completion = completed problems ÷ problems led. Counts the problems a unit leads whose deadline falls in the year; completed means in acceptance, in publicity or closed (a close as not rectified never counts). Ranked highest first.',
  },
  on_schedule: {
    zh: '序时推进率 = （已完成问题数 + 按序时推进且未逾期的问题数）÷ 牵头问题数。统计对象为整改时限在该年度内的牵头问题；滞后（黄灯、红灯）或逾期的不计。按比率从高到低排名。',
    en: 'On schedule = (completed problems + open problems on schedule and not overdue) ÷ problems led, over the problems a unit leads whose deadline falls in the year; behind (yellow or red light) or overdue ones do not count. Ranked highest first.',
  },
  points: {
    zh: '考核扣分 = Σ（发生次数 × 每次扣分），扣分规则见下表：该年度被亮黄牌、红牌的次数，整改时限在该年度内且已逾期的牵头问题数，该年度督办单逾期未回复的件数。按扣分从少到多排名。',
    en: 'Points deducted = Σ (occurrences × points per occurrence) under the rule table below: yellow and red cards issued in the year, problems led with a deadline in the year that are overdue, and supervision notices of the year whose reply is overdue. Ranked fewest first.',
  },
}

interface Acc {
  unitId: string
  unitName: string
  total: number
  completed: number
  onSchedule: number
  overdue: number
  yellow: number
  red: number
  replies: number
  lists: Record<'notCompleted' | 'notOnSchedule' | 'overdue', NonNullable<RankingRow['problems']>>
}

/** The assessment rule table (考核扣分) and the rankings computed with it. */
export class RankingsService {
  private readonly clock: () => Date
  /**
   * `db` for the rule table (edited, and read back by the office after editing); `readDb` (the
   * replica when there is one) for the rankings, which may be seconds behind the ledger.
   */
  constructor(
    private readonly db: Db,
    private readonly readDb: Db = db,
    clock?: () => Date,
  ) {
    this.clock = clock ?? (() => new Date())
  }

  async rules(): Promise<AssessmentRuleList> {
    return { items: await cardsRepository.rules(this.db) }
  }

  /** 403 not the office, 404 unknown rule, 412 stale. */
  async patchRule(
    ctx: Ctx,
    code: string,
    version: number,
    body: PatchAssessmentRuleBody,
  ): Promise<AssessmentRule> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('Only the office edits the assessment rules')
    return this.db.transaction(async (tx) => {
      const row = await cardsRepository.lockRule(tx, code)
      if (!row) throw notFound('Assessment rule')
      if (row.version !== version) throw new AppError('precondition_failed')
      const updated = await cardsRepository.updateRule(tx, code, body)
      await recordAudit(tx, ctx, {
        action: 'assessment_rule.updated',
        entityType: 'assessment_rule',
        entityId: null,
        unitId: null,
        before: { code, points: row.points, description: row.description },
        after: { code, points: updated.points, description: updated.description },
      })
      return updated
    })
  }

  /**
   * Lead units ranked by `metric` for `year`, with the definition, the period and the minimum
   * count: units with fewer problems than that are listed apart, unranked. Every reader sees the
   * ranking; only city-wide readers get the problems behind each figure.
   */
  async rankings(ctx: Ctx, q: RankingsQuery): Promise<Rankings> {
    const today = shanghaiDate(this.clock())
    const year = q.year ?? Number(today.slice(0, 4))
    const metric = q.metric ?? 'completion'
    const minCount = q.minCount ?? DEFAULT_MIN_COUNT
    const from = `${year}-01-01`
    const to = `${year}-12-31`
    const [problems, cardCounts, replies, rules] = await Promise.all([
      repo.problemsDue(this.readDb, from, to, today),
      repo.cardCounts(this.readDb, from, to),
      repo.overdueReplies(this.readDb, year, today),
      // The rule table from the primary: the office that just changed a rule sees it applied.
      cardsRepository.rules(this.db),
    ])
    const accs = new Map<string, Acc>()
    const acc = (unitId: string, unitName: string) => {
      let a = accs.get(unitId)
      if (!a) {
        a = {
          unitId,
          unitName,
          total: 0,
          completed: 0,
          onSchedule: 0,
          overdue: 0,
          yellow: 0,
          red: 0,
          replies: 0,
          lists: { notCompleted: [], notOnSchedule: [], overdue: [] },
        }
        accs.set(unitId, a)
      }
      return a
    }
    for (const p of problems) {
      const a = acc(p.leadUnitId, p.leadUnitName)
      const ref = { id: p.id, code: p.code, title: p.title }
      const bucket = summaryBucket(p)
      a.total++
      if (bucket === 'completed') a.completed++
      else a.lists.notCompleted.push(ref)
      if (bucket === 'completed' || (bucket === 'onSchedule' && !p.overdue)) a.onSchedule++
      else a.lists.notOnSchedule.push(ref)
      if (p.overdue) {
        a.overdue++
        a.lists.overdue.push(ref)
      }
    }
    for (const c of cardCounts)
      acc(c.unitId, c.unitName)[c.color === 'red' ? 'red' : 'yellow'] += c.n
    for (const r of replies) acc(r.unitId, r.unitName).replies += r.n
    const points = new Map(rules.map((r) => [r.code, r.points]))

    const rows: RankingRow[] = [...accs.values()]
      .filter((a) => metric === 'points' || a.total > 0)
      .map((a) => {
        const breakdown = [
          ['yellow_card', a.yellow],
          ['red_card', a.red],
          ['overdue_problem', a.overdue],
          ['overdue_reply', a.replies],
        ].map(([code, count]) => ({
          code: code as string,
          count: count as number,
          points: (count as number) * (points.get(code as string) ?? 0),
        }))
        const pct = (n: number) => (a.total ? Math.round((n / a.total) * 1000) / 10 : 0)
        const numerator =
          metric === 'completion'
            ? a.completed
            : metric === 'on_schedule'
              ? a.onSchedule
              : breakdown.reduce((s, b) => s + b.points, 0)
        const list =
          metric === 'completion'
            ? a.lists.notCompleted
            : metric === 'on_schedule'
              ? a.lists.notOnSchedule
              : a.lists.overdue
        return {
          unitId: a.unitId,
          unitName: a.unitName,
          value: metric === 'points' ? numerator : pct(numerator),
          numerator,
          denominator: a.total,
          rank: null,
          breakdown,
          ...(ctx.actor.cityWide && { problems: list.slice(0, LIST_LIMIT) }),
        }
      })
    const order = metric === 'points' ? 'lower' : 'higher'
    const sign = order === 'lower' ? 1 : -1
    rows.sort((x, y) => sign * (x.value - y.value) || x.unitName.localeCompare(y.unitName, 'zh-CN'))
    const ranked = rows.filter((r) => r.denominator >= minCount && r.denominator > 0)
    const notRanked = rows.filter((r) => !ranked.includes(r))
    // Competition ranking: equal values share a rank (1, 2, 2, 4).
    ranked.forEach((r, i) => {
      r.rank = i > 0 && ranked[i - 1]!.value === r.value ? ranked[i - 1]!.rank : i + 1
    })
    return {
      metric,
      year,
      period: { from, to },
      asOf: today,
      minCount,
      order,
      definition: { code: metric, ...DEFINITIONS[metric] },
      ranked,
      notRanked,
      rules,
    }
  }
}
