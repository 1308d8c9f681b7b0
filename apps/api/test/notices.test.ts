import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, events, inboxMessages, notices } from '../src/db/schema/index.js'
import { addDays } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import { etagFor } from './factories.js'
import { qs } from './ledger-factories.js'
import { issue, issueBody, noticeWorld, today, type NoticeWorld } from './notice-factories.js'

let t: TestApp
let w: NoticeWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await noticeWorld(t)
})
afterAll(() => t.close())

const db = () => t.database.db
const year = () => Number(today().slice(0, 4))

describe('issuing a notice', () => {
  it('numbers it 督办〔year〕N号, messages the addressee, emits notice.issued and audits it', async () => {
    const res = await w.api.office.post(
      '/api/v1/notices',
      issueBody(w, { problemIds: [w.problems.pA.id, w.problems.pTown.id] }),
    )
    expect(res.statusCode, res.body).toBe(201)
    const n = res.json()
    expect(n).toMatchObject({
      number: `督办〔${year()}〕${n.seq}号`,
      level: 'reminder',
      status: 'issued',
      unit: { id: w.world.units.countyA.id },
      overdue: false,
      daysOverdue: 0,
      issuedOn: today(),
      reply: null,
      parent: null,
      child: null,
      version: 1,
      can: { reply: false, close: false, escalate: true },
    })
    expect(n.problems.map((p: { id: string }) => p.id).sort()).toEqual(
      [w.problems.pA.id, w.problems.pTown.id].sort(),
    )
    expect(res.headers.etag).toMatch(etagFor(1))
    const inbox = await db().select().from(inboxMessages).where(eq(inboxMessages.entityId, n.id))
    expect(inbox.map((m) => m.userId)).toEqual([w.world.users.unitA.id])
    expect(inbox[0]).toMatchObject({ kind: 'notice', link: `/notices/${n.id}` })
    const [e] = await db().select().from(events).where(eq(events.entityId, n.id))
    expect(e).toMatchObject({ type: 'notice.issued', unitId: w.world.units.countyA.id })
    expect(e!.data).toMatchObject({ number: n.number, level: 'reminder' })
    const [a] = await db().select().from(auditLog).where(eq(auditLog.entityId, n.id))
    expect(a).toMatchObject({ action: 'notice.issued' })
  })

  it('gives two notices issued at once distinct consecutive numbers', async () => {
    const [a, b] = await Promise.all([
      w.api.office.post('/api/v1/notices', issueBody(w)),
      w.api.office.post('/api/v1/notices', issueBody(w, { level: 'warning' })),
    ])
    expect([a.statusCode, b.statusCode]).toEqual([201, 201])
    const seqs = [a.json().seq, b.json().seq].sort((x, y) => x - y)
    expect(seqs[1]).toBe(seqs[0] + 1)
    const rows = await db().select().from(notices).where(eq(notices.year, year()))
    expect(seqs[1]).toBe(Math.max(...rows.map((r) => r.seq)))
    expect(new Set(rows.map((r) => r.seq)).size).toBe(rows.length)
  })

  it('refuses with 422 a problem not of the addressee, a past reply date and an unknown unit', async () => {
    const res = await w.api.office.post(
      '/api/v1/notices',
      issueBody(w, {
        problemIds: [w.problems.pA.id, w.problems.pB.id],
        replyDue: addDays(today(), -1),
      }),
    )
    expect(res.statusCode).toBe(422)
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/problemIds/1', '/replyDue'])
    const unknown = await w.api.office.post(
      '/api/v1/notices',
      issueBody(w, { unitId: '01900000-0000-7000-8000-000000000000' }),
    )
    expect(unknown.statusCode).toBe(422)
    // A township's notice may not name the county's own problems.
    const town = await w.api.office.post(
      '/api/v1/notices',
      issueBody(w, { unitId: w.world.units.townA.id }),
    )
    expect(town.statusCode).toBe(422)
  })

  it('is the office’s: a unit or a leader gets 403, an unknown field a validation error', async () => {
    expect((await w.api.unitA.post('/api/v1/notices', issueBody(w))).statusCode).toBe(403)
    expect((await w.api.leader.post('/api/v1/notices', issueBody(w))).statusCode).toBe(403)
    const extra = await w.api.office.post('/api/v1/notices', { ...issueBody(w), status: 'closed' })
    expect(extra.statusCode).toBe(422)
    expect(extra.json().code).toBe('validation')
  })
})

describe('who sees a notice', () => {
  it('shows a unit only the notices of its subtree (404 otherwise), and lists agree', async () => {
    const toA = await issue(w)
    const toTown = await issue(w, {
      unitId: w.world.units.townA.id,
      problemIds: [w.problems.pTown.id],
    })
    const toB = await issue(w, { unitId: w.world.units.countyB.id, problemIds: [w.problems.pB.id] })
    const sees = async (api: NoticeWorld['api']['unitA'], id: string) =>
      (await api.get(`/api/v1/notices/${id}`)).statusCode
    expect(await sees(w.api.unitA, toA.id)).toBe(200)
    expect(await sees(w.api.unitA, toTown.id)).toBe(200)
    expect(await sees(w.api.unitA, toB.id)).toBe(404)
    expect(await sees(w.api.townA, toA.id)).toBe(404)
    expect(await sees(w.api.townA, toTown.id)).toBe(200)
    expect(await sees(w.api.unitB, toA.id)).toBe(404)
    for (const api of [w.api.leader, w.api.auditor, w.api.office])
      expect(await sees(api, toB.id)).toBe(200)

    for (const [api, unit] of [
      [w.api.unitA, w.world.units.countyA],
      [w.api.townA, w.world.units.townA],
      [w.api.unitB, w.world.units.countyB],
    ] as const) {
      const page = (await api.get('/api/v1/notices?limit=200')).json()
      expect(page.total).toBe(page.items.length)
      for (const n of page.items) {
        expect(await sees(api, n.id)).toBe(200)
        expect([unit.id, w.world.units.townA.id]).toContain(n.unit.id)
      }
    }
    const all = (await w.api.office.get('/api/v1/notices?limit=200')).json()
    const a = (await w.api.unitA.get('/api/v1/notices?limit=200')).json()
    const b = (await w.api.unitB.get('/api/v1/notices?limit=200')).json()
    expect(a.total + b.total).toBe(all.total)
    const byUnit = (
      await w.api.office.get(`/api/v1/notices${qs({ unit: w.world.units.townA.id })}`)
    ).json()
    expect(byUnit.items.map((n: { id: string }) => n.id)).toContain(toTown.id)
    expect(
      byUnit.items.every((n: { unit: { id: string } }) => n.unit.id === w.world.units.townA.id),
    ).toBe(true)
    const byProblem = (
      await w.api.office.get(`/api/v1/notices${qs({ problem: w.problems.pB.id })}`)
    ).json()
    expect(byProblem.items.map((n: { id: string }) => n.id)).toEqual([toB.id])
  })

  it('derives overdue from the reply date and counts it', async () => {
    const late = await issue(w, {
      unitId: w.world.units.countyB.id,
      problemIds: [w.problems.pB.id],
    })
    await db()
      .update(notices)
      .set({ replyDue: addDays(today(), -3) })
      .where(eq(notices.id, late.id))
    const page = (await w.api.unitB.get('/api/v1/notices?overdue=true')).json()
    expect(page.items.map((n: { id: string }) => n.id)).toContain(late.id)
    expect(page.items.every((n: { overdue: boolean }) => n.overdue)).toBe(true)
    expect(page.overdue).toBe(page.total)
    expect(page.items.find((n: { id: string }) => n.id === late.id)).toMatchObject({
      overdue: true,
      daysOverdue: 3,
    })
    const rest = (await w.api.unitB.get('/api/v1/notices?overdue=false')).json()
    expect(rest.items.map((n: { id: string }) => n.id)).not.toContain(late.id)
    expect(rest.overdue).toBe(0)
    const all = (await w.api.unitB.get('/api/v1/notices')).json()
    expect(all.overdue).toBe(page.total)
  })
})

describe('the audit trail of a notice', () => {
  it('records who issued it with the problems it names', async () => {
    const n = await issue(w)
    const [a] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, n.id), eq(auditLog.action, 'notice.issued')))
    expect(a!.after).toMatchObject({ problemIds: [w.problems.pA.id], number: n.number })
    expect(a!.actorId).toBe(w.world.users.office.id)
  })
})
