import type { DispatchSummary, SuggestionKind, SuggestionRule } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { cardsRepository as repo } from './cards.repository.js'

/** A suggestion the rules would make today; `key` names the facts, so they suggest once. */
export interface Candidate {
  key: string
  kind: SuggestionKind
  rule: SuggestionRule
  unitId: string
  problemId: string | null
  facts: Record<string, unknown>
}

/**
 * What the rules suggest as of `today` (DOMAIN.md: two yellow cards lead to a supervision letter,
 * a red card to an admonishing talk — as suggestions the office confirms, never automatic):
 * - a problem with a red light → a red card for its lead unit (once per problem and deadline);
 * - a problem yellow in the last two closed dispatch periods of its round (their frozen
 *   summaries) → a yellow card (once per pair of periods); yellow now with a yellow card
 *   issued for it on an earlier day → another yellow card (once per card before it);
 * - a unit with two yellow cards in a year → a supervision notice (once per pair of cards);
 * - a red card issued → an admonishing talk (约谈) (once per card).
 */
export async function candidates(db: DbOrTx, today: string): Promise<Candidate[]> {
  const year = today.slice(0, 4)
  const [red, yellowNow, periods, yellowCards, redCards] = await Promise.all([
    repo.problemsWithLight(db, 'red'),
    repo.problemsWithLight(db, 'yellow'),
    repo.closedPeriods(db),
    repo.cardsOfColor(db, 'yellow'),
    repo.cardsOfColor(db, 'red', `${year}-01-01`, `${year}-12-31`),
  ])
  const out: Candidate[] = []

  for (const p of red)
    out.push({
      key: `red_card:${p.id}:${p.deadline}`,
      kind: 'red_card',
      rule: 'light_red',
      unitId: p.leadUnitId,
      problemId: p.id,
      facts: {
        code: p.code,
        title: p.title,
        deadline: p.deadline,
        reasons: p.lightReasons,
        asOf: today,
      },
    })

  // The last two closed periods of each round (ordered by round, then latest period first).
  const lastTwo = new Map<string, typeof periods>()
  for (const p of periods) {
    const list = lastTwo.get(p.roundId) ?? []
    if (list.length < 2) lastTwo.set(p.roundId, [...list, p])
  }
  for (const [, pair] of lastTwo) {
    if (pair.length < 2) continue
    const [later, earlier] = pair as [(typeof periods)[number], (typeof periods)[number]]
    const yellowIn = (s: unknown) =>
      new Map(
        ((s as DispatchSummary | null)?.lists.behind ?? [])
          .filter((r) => r.light === 'yellow')
          .map((r) => [r.id, r]),
      )
    const a = yellowIn(earlier.summary)
    for (const [id, ref] of yellowIn(later.summary)) {
      if (!a.has(id)) continue
      out.push({
        key: `yellow_card:${id}:${earlier.period}:${later.period}`,
        kind: 'yellow_card',
        rule: 'yellow_two_periods',
        unitId: ref.leadUnitId,
        problemId: id,
        facts: { code: ref.code, title: ref.title, periods: [earlier.period, later.period] },
      })
    }
  }

  const lastYellowCard = new Map<string, (typeof yellowCards)[number]>()
  for (const c of yellowCards) for (const id of c.problemIds as string[]) lastYellowCard.set(id, c)
  for (const p of yellowNow) {
    const card = lastYellowCard.get(p.id)
    // Still yellow on a later day than the card: a card issued today is not yet ignored.
    if (!card || card.issuedOn >= today) continue
    out.push({
      key: `yellow_card:${p.id}:after:${card.id}`,
      kind: 'yellow_card',
      rule: 'yellow_after_card',
      unitId: p.leadUnitId,
      problemId: p.id,
      facts: {
        code: p.code,
        title: p.title,
        previousCardId: card.id,
        previousIssuedOn: card.issuedOn,
        asOf: today,
      },
    })
  }

  const byUnit = new Map<string, (typeof yellowCards)[number][]>()
  for (const c of yellowCards)
    if (c.issuedOn.startsWith(year)) byUnit.set(c.unitId, [...(byUnit.get(c.unitId) ?? []), c])
  for (const [unitId, list] of byUnit) {
    if (list.length < 2) continue
    const pairs = Math.floor(list.length / 2)
    out.push({
      key: `supervision_notice:${unitId}:${year}:${pairs}`,
      kind: 'supervision_notice',
      rule: 'two_yellow_cards',
      unitId,
      problemId: null,
      facts: { year: Number(year), cardIds: list.map((c) => c.id), count: list.length },
    })
  }

  for (const c of redCards)
    out.push({
      key: `admonishing_talk:${c.id}`,
      kind: 'admonishing_talk',
      rule: 'red_card_issued',
      unitId: c.unitId,
      problemId: (c.problemIds as string[])[0] ?? null,
      facts: { cardId: c.id, issuedOn: c.issuedOn, reason: c.reason },
    })

  const seen = new Set<string>()
  return out.filter((c) => !seen.has(c.key) && !!seen.add(c.key))
}
