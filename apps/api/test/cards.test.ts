import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  Card,
  CardSuggestion,
  DispatchPeriod,
  SuggestionDecisionResult,
} from '@rectify/schemas'
import { cards, events, inboxMessages } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from './build-app.js'
import { setLight } from './dispatch-factories.js'
import { as, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
let round: Awaited<ReturnType<typeof makeRound>>
type Api = Awaited<ReturnType<typeof as>>
let office: Api, lead: Api, unitA: Api, leader: Api
let red: { id: string }, yellow: { id: string }

beforeAll(async () => {
  t = await createTestApp()
  const db = t.database.db
  w = await makeWorld(db)
  round = await makeRound(db)
  office = await as(t.app, w.users.office)
  lead = await as(t.app, w.users.lead)
  unitA = await as(t.app, w.users.unitA)
  leader = await as(t.app, w.users.leader)
  // Overdue: its light is red.
  red = await makeProblem(db, {
    round,
    leadUnit: w.units.countyA,
    status: 'in_progress',
    deadline: -3,
  })
  yellow = await makeProblem(db, { round, leadUnit: w.units.countyB, status: 'in_progress' })
  await setLight(db, yellow.id, 'yellow')
})
afterAll(() => t.close())

/** Moves a card's issue date to yesterday, as if the office had issued it then. */
const backdate = (id: string) =>
  t.database.db
    .update(cards)
    .set({ issuedOn: addDays(shanghaiDate(), -1) })
    .where(eq(cards.id, id))
const cardCount = async () =>
  (await t.database.db
    .select({ n: count() })
    .from(cards)
    .then((r) => r[0]!.n)) as number
const refresh = async () => {
  const res = await office.post('/api/v1/card-suggestions/refresh', {})
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ created: number; items: CardSuggestion[] }>()
}
const pending = async () =>
  (await office.get('/api/v1/card-suggestions?status=pending')).json<{ items: CardSuggestion[] }>()
    .items
const decide = (s: CardSuggestion, decision: 'confirm' | 'dismiss', note?: string) =>
  office.post(
    `/api/v1/card-suggestions/${s.id}/decision`,
    { decision, ...(note ? { note } : {}) },
    { 'if-match': `"${s.version}"` },
  )

describe('card suggestions', () => {
  it('suggests a red card for a red problem, once, and never issues a card by itself', async () => {
    const first = await refresh()
    expect(first.items.map((s) => [s.kind, s.rule, s.unitName])).toEqual([
      ['red_card', 'light_red', '甲县'],
    ])
    expect((await refresh()).created).toBe(0)
    expect(await cardCount()).toBe(0)
    expect((await office.get('/api/v1/cards')).json().total).toBe(0)
  })

  it('is the office’s: units may neither read, refresh nor decide suggestions', async () => {
    const [s] = await pending()
    expect((await unitA.get('/api/v1/card-suggestions')).statusCode).toBe(403)
    expect((await lead.post('/api/v1/card-suggestions/refresh', {})).statusCode).toBe(403)
    expect(
      (
        await lead.post(
          `/api/v1/card-suggestions/${s!.id}/decision`,
          { decision: 'confirm' },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(403)
    expect((await leader.get('/api/v1/card-suggestions')).statusCode).toBe(200)
    expect(await cardCount()).toBe(0)
  })

  it('answers 428, 412, 404 and 422 before deciding anything', async () => {
    const [s] = await pending()
    const url = `/api/v1/card-suggestions/${s!.id}/decision`
    expect((await office.post(url, { decision: 'confirm' })).statusCode).toBe(428)
    expect(
      (await office.post(url, { decision: 'confirm' }, { 'if-match': '"9"' })).statusCode,
    ).toBe(412)
    expect((await office.post(url, { decision: 'maybe' }, { 'if-match': '"1"' })).statusCode).toBe(
      422,
    )
    expect(
      (
        await office.post(
          `/api/v1/card-suggestions/${uuidv7()}/decision`,
          { decision: 'confirm' },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(404)
    expect(await cardCount()).toBe(0)
  })

  it('keeps a dismissed suggestion dismissed: a refresh never suggests the same facts again', async () => {
    // A second red problem, dismissed by the office.
    const other = await makeProblem(t.database.db, {
      round,
      leadUnit: w.units.eeb,
      status: 'in_progress',
      deadline: -1,
    })
    const created = await refresh()
    const s = created.items.find((x) => x.problem?.id === other.id)!
    const res = await decide(s, 'dismiss', '已启动延期程序')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<SuggestionDecisionResult>()).toMatchObject({
      suggestion: { status: 'dismissed', decisionNote: '已启动延期程序' },
      card: null,
    })
    expect((await refresh()).created).toBe(0)
    expect((await decide(res.json().suggestion, 'confirm')).statusCode).toBe(409)
    expect(await cardCount()).toBe(0)
  })

  it('issues the card when the office confirms, then suggests an admonishing talk for it', async () => {
    const s = (await pending()).find((x) => x.problem?.id === red.id)!
    const res = await decide(s, 'confirm')
    expect(res.statusCode, res.body).toBe(200)
    const { card, suggestion } = res.json<SuggestionDecisionResult>()
    expect(card).toMatchObject({ color: 'red', unitName: '甲县', suggestionId: s.id })
    expect(suggestion).toMatchObject({ status: 'confirmed', cardId: card!.id })
    const emitted = await t.database.db.select().from(events).where(eq(events.entityId, card!.id))
    expect(emitted.map((e) => e.type)).toEqual(['card.issued'])
    const inbox = await t.database.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.entityId, card!.id))
    expect(inbox.map((m) => m.userId)).toEqual([w.users.unitA.id])

    const talk = (await refresh()).items
    expect(talk.map((x) => [x.kind, x.rule, x.unitName])).toEqual([
      ['admonishing_talk', 'red_card_issued', '甲县'],
    ])
    const decided = await decide(talk[0]!, 'confirm')
    expect(decided.json<SuggestionDecisionResult>().card).toBeNull()
    expect(decided.json<SuggestionDecisionResult>().suggestedText).toContain('约谈')
    expect(await cardCount()).toBe(1)
  })

  it('suggests a yellow card after two closed periods in yellow, again after the card, then a supervision notice', async () => {
    for (const period of ['2026-09', '2026-10']) {
      const opened = await office.post('/api/v1/dispatch-periods', {
        roundId: round.id,
        period,
        title: period,
        dueDate: '2026-11-05',
      })
      const p = opened.json<DispatchPeriod>()
      const closed = await office.post(
        `/api/v1/dispatch-periods/${p.id}/close`,
        {},
        { 'if-match': `"${p.version}"` },
      )
      expect(closed.statusCode, closed.body).toBe(200)
    }
    const two = (await refresh()).items
    expect(two.map((x) => [x.kind, x.rule, x.problem?.id])).toEqual([
      ['yellow_card', 'yellow_two_periods', yellow.id],
    ])
    expect(two[0]!.facts.periods).toEqual(['2026-09', '2026-10'])
    const firstCard = (await decide(two[0]!, 'confirm')).json<SuggestionDecisionResult>().card!
    expect(firstCard.color).toBe('yellow')
    // The same day the card changes nothing yet; still yellow a day later, it does.
    expect((await refresh()).created).toBe(0)
    await backdate(firstCard.id)

    const after = (await refresh()).items
    expect(after.map((x) => [x.kind, x.rule])).toEqual([['yellow_card', 'yellow_after_card']])
    const secondCard = (await decide(after[0]!, 'confirm')).json<SuggestionDecisionResult>().card!
    await backdate(secondCard.id)

    // Still yellow after the second card: one more yellow card suggested, and the notice.
    const next = (await refresh()).items
    expect(next.map((x) => [x.kind, x.rule, x.unitName])).toEqual([
      ['yellow_card', 'yellow_after_card', '乙县'],
      ['supervision_notice', 'two_yellow_cards', '乙县'],
    ])
    const decided = (await decide(next[1]!, 'confirm')).json<SuggestionDecisionResult>()
    expect(decided.card).toBeNull()
    expect(decided.suggestedText).toContain('乙县')
    expect(await cardCount()).toBe(3)
  })
})

describe('cards', () => {
  it('lets the office issue a card directly, checking the unit and problems', async () => {
    const body = {
      unitId: w.units.townA.id,
      color: 'yellow',
      reason: '进展报送不及时',
      problemIds: [red.id],
    }
    const res = await office.post('/api/v1/cards', body)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json<Card>()).toMatchObject({ unitName: '甲县城关镇', suggestionId: null })
    expect(res.json<Card>().problems.map((p) => p.id)).toEqual([red.id])
    expect((await office.post('/api/v1/cards', { ...body, unitId: uuidv7() })).statusCode).toBe(422)
    expect(
      (await office.post('/api/v1/cards', { ...body, problemIds: [uuidv7()] })).statusCode,
    ).toBe(422)
    expect((await office.post('/api/v1/cards', { ...body, color: 'blue' })).statusCode).toBe(422)
    expect((await lead.post('/api/v1/cards', body)).statusCode).toBe(403)
  })

  it('shows a unit only its subtree’s cards, and filters by unit and year', async () => {
    const mine = (await unitA.get('/api/v1/cards')).json<{ items: Card[] }>().items
    expect(mine.map((c) => c.unitName).sort()).toEqual(['甲县', '甲县城关镇'])
    const all = (await office.get('/api/v1/cards')).json<{ total: number }>()
    expect(all.total).toBe(4)
    const byUnit = (await office.get(`/api/v1/cards?unit=${w.units.countyB.id}`)).json()
    expect(byUnit.total).toBe(2)
    const year = new Date().getFullYear()
    expect((await office.get(`/api/v1/cards?year=${year - 1}`)).json().total).toBe(0)
  })
})
