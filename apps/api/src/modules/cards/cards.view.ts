import type { Card, CardSuggestion } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { cardsRepository as repo, type CardRow, type SuggestionRow } from './cards.repository.js'

/** Suggestions as the API shows them, with unit names and the problem's code and title. */
export async function toSuggestions(db: DbOrTx, rows: SuggestionRow[]): Promise<CardSuggestion[]> {
  const [us, ps] = await Promise.all([
    repo.unitsByIds(
      db,
      rows.map((r) => r.unitId),
    ),
    repo.problemsByIds(
      db,
      rows.flatMap((r) => (r.problemId ? [r.problemId] : [])),
    ),
  ])
  const unit = new Map(us.map((u) => [u.id, u.name]))
  const problem = new Map(ps.map((p) => [p.id, { id: p.id, code: p.code, title: p.title }]))
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as CardSuggestion['kind'],
    rule: r.rule,
    unitId: r.unitId,
    unitName: unit.get(r.unitId) ?? '',
    problem: (r.problemId && problem.get(r.problemId)) || null,
    facts: r.facts as Record<string, unknown>,
    status: r.status as CardSuggestion['status'],
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    cardId: r.cardId,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }))
}

/** Cards as the API shows them, with unit names and their problems' codes and titles. */
export async function toCards(db: DbOrTx, rows: CardRow[]): Promise<Card[]> {
  const [us, ps] = await Promise.all([
    repo.unitsByIds(
      db,
      rows.map((r) => r.unitId),
    ),
    repo.problemsByIds(
      db,
      rows.flatMap((r) => r.problemIds as string[]),
    ),
  ])
  const unit = new Map(us.map((u) => [u.id, u.name]))
  const problem = new Map(ps.map((p) => [p.id, { id: p.id, code: p.code, title: p.title }]))
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    unitName: unit.get(r.unitId) ?? '',
    color: r.color as Card['color'],
    reason: r.reason,
    problems: (r.problemIds as string[]).flatMap((id) => problem.get(id) ?? []),
    issuedOn: r.issuedOn,
    issuedByName: r.issuedByName,
    suggestionId: r.suggestionId,
    createdAt: r.createdAt.toISOString(),
  }))
}

const KIND_WORDS = {
  yellow_card: '黄牌',
  red_card: '红牌',
  supervision_notice: '督办函',
  admonishing_talk: '约谈',
} as const

/** The default reason of a card issued from a suggestion, from the facts that made it. */
export function suggestionReason(s: CardSuggestion): string {
  const p = s.problem ? `“${s.problem.code} ${s.problem.title}”` : ''
  const f = s.facts
  switch (s.rule) {
    case 'light_red':
      return `${p}整改逾期或连续滞后（亮红灯），整改时限${String(f.deadline ?? '')}。`
    case 'yellow_two_periods':
      return `${p}在${(f.periods as string[] | undefined)?.join('、') ?? ''}两个调度期连续滞后于序时进度。`
    case 'yellow_after_card':
      return `${p}被亮黄牌后仍滞后于序时进度。`
    default:
      return `${s.unitName}${KIND_WORDS[s.kind]}`
  }
}

/** The text the office starts from when it records a supervision notice or an admonishing talk. */
export function suggestedText(s: CardSuggestion): string | null {
  const f = s.facts
  if (s.kind === 'supervision_notice')
    return `${s.unitName}在${String(f.year ?? '')}年度已被亮黄牌${String(f.count ?? 2)}次，整改工作推进不力。请你单位认真分析原因，制定切实可行的整改措施，于收到本函之日起规定期限内书面报告整改落实情况。`
  if (s.kind === 'admonishing_talk')
    return `${s.unitName}于${String(f.issuedOn ?? '')}被亮红牌（${String(f.reason ?? '')}）。依据整改工作责任追究有关规定，对该单位主要负责同志进行约谈，督促其限期整改到位。`
  return null
}
