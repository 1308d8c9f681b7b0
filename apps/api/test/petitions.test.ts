import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditLog,
  closeouts,
  events,
  inboxMessages,
  petitions,
  problems,
  reboundReviews,
} from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from './build-app.js'
import { pdfBytes, upload } from './evidence-factories.js'
import { as, login, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'
import { makeBatch, makeCase } from './petition-factories.js'

let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
let round: Awaited<ReturnType<typeof makeRound>>
type Api = Awaited<ReturnType<typeof as>>
let office: Api, unitA: Api, townA: Api, unitB: Api, leader: Api
const today = shanghaiDate()
const ifMatch = (v: number) => ({ 'if-match': `"${v}"` })

beforeAll(async () => {
  t = await createTestApp()
  w = await makeWorld(t.database.db)
  round = await makeRound(t.database.db)
  office = await as(t.app, w.users.office)
  unitA = await as(t.app, w.users.unitA)
  townA = await as(t.app, w.users.townA)
  unitB = await as(t.app, w.users.unitB)
  leader = await as(t.app, w.users.leader)
})
afterAll(() => t.close())

describe('batches', () => {
  it('records a batch, refuses the same number twice and corrects it against its version', async () => {
    const body = { roundId: round.id, seq: 1, handedOn: today, source: 'central' }
    const created = await office.post('/api/v1/petition-batches', body)
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({
      seq: 1,
      handlingDays: 7,
      declaredCount: null,
      caseCount: 0,
    })
    expect((await office.post('/api/v1/petition-batches', body)).statusCode).toBe(409)
    const url = `/api/v1/petition-batches/${created.json().id}`
    expect((await office.patch(url, { handlingDays: 10 }, ifMatch(2))).statusCode).toBe(412)
    const patched = await office.patch(url, { handlingDays: 10 }, ifMatch(1))
    expect(patched.json()).toMatchObject({ handlingDays: 10, version: 2 })
    expect((await unitA.post('/api/v1/petition-batches', { ...body, seq: 2 })).statusCode).toBe(403)
  })

  it('shows a unit only batches holding its cases, counting only those', async () => {
    const batch = await makeBatch(t.database.db, { round })
    const other = await makeBatch(t.database.db, { round })
    await makeCase(t.database.db, { batch, handlingUnit: w.units.townA })
    await makeCase(t.database.db, { batch, handlingUnit: w.units.countyB, status: 'closed' })
    await makeCase(t.database.db, { batch })
    await makeCase(t.database.db, { batch: other, handlingUnit: w.units.countyB })
    const url = `/api/v1/petition-batches/${batch.id}`
    expect((await office.get(url)).json()).toMatchObject({
      caseCount: 3,
      byStatus: { received: 1, handling: 1, closed: 1 },
    })
    expect((await unitA.get(url)).json()).toMatchObject({ caseCount: 1, byStatus: { handling: 1 } })
    expect((await unitA.get(`/api/v1/petition-batches/${other.id}`)).statusCode).toBe(404)
    const listed = (await unitA.get('/api/v1/petition-batches')).json()
    expect(listed.items.map((b: { id: string }) => b.id)).toEqual([batch.id])
    expect(listed.total).toBe(1)
  })

  it('publishes against its version, and publishes again to replace the public rows', async () => {
    const batch = await makeBatch(t.database.db, { round })
    const url = `/api/v1/petition-batches/${batch.id}/publish`
    expect((await office.post(url, {})).statusCode).toBe(428)
    const ok = await office.post(url, {}, ifMatch(1))
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().publishedAt).toEqual(expect.any(String))
    expect((await office.post(url, {}, ifMatch(1))).statusCode).toBe(412)
    const again = await office.post(url, {}, ifMatch(2))
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json()).toMatchObject({ version: 3, unpublishedChanges: 0 })
  })
})

describe("a case's life", () => {
  let batch: Awaited<ReturnType<typeof makeBatch>>
  let id: string

  beforeAll(async () => {
    batch = await makeBatch(t.database.db, { round, handlingDays: 5 })
  })

  it('is added by hand with its appearance; a receipt number already recorded is a 409', async () => {
    const body = {
      batchId: batch.id,
      receiptNo: 'X3HB202406020025',
      regionIds: [w.units.countyA.id],
      regionText: '甲县',
      reportedParty: '甲县宏达化工有限公司',
      address: '甲县城关镇工业路8号',
      domains: ['air', 'noise'],
      complaint: '宏达化工夜间排放刺鼻废气，噪声扰民。',
      complainantName: '张先生',
      complainantContact: '13800000001',
    }
    const res = await office.post('/api/v1/petitions', body)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.body).not.toContain('张先生')
    expect(res.json()).toMatchObject({
      status: 'received',
      batch: { id: batch.id, seq: batch.seq },
      batchIds: [batch.id],
      regions: [{ id: w.units.countyA.id, name: '甲县' }],
      canViewComplainant: true,
    })
    id = res.json().id
    const [row] = await t.database.db.select().from(petitions).where(eq(petitions.id, id))
    expect(row).toMatchObject({ partyKey: '甲县宏达化工有限公司' })
    // Sealed at rest, with a blind index; the complainant route opens it.
    expect(JSON.stringify(row)).not.toMatch(/张先生|13800000001/)
    expect(t.cipher.open(row!.complainantName, 'petitions.complainant_name')).toBe('张先生')
    expect(row!.complainantContactIndex).toBe(t.cipher.blindIndex('138 0000 0001', 'contact'))
    expect(row!.searchTokens).toContain('废气')
    expect((await office.post('/api/v1/petitions', body)).statusCode).toBe(409)
    expect((await unitA.post('/api/v1/petitions', { ...body, receiptNo: 'X1' })).statusCode).toBe(
      403,
    )
  })

  it('is corrected by the office against its version', async () => {
    const url = `/api/v1/petitions/${id}`
    expect((await office.patch(url, { keyCase: true }, ifMatch(9))).statusCode).toBe(412)
    const ok = await office.patch(
      url,
      { keyCase: true, address: '甲县城关镇工业路18号' },
      ifMatch(1),
    )
    expect(ok.json()).toMatchObject({ keyCase: true, version: 2 })
    const [row] = await t.database.db.select().from(petitions).where(eq(petitions.id, id))
    expect(row!.addressKey).toBe('甲县城关镇工业路18号')
  })

  it("is assigned with the batch's handling days as the default deadline, messaging the unit", async () => {
    const res = await office.post('/api/v1/petitions/assign', {
      petitionIds: [id],
      unitId: w.units.countyA.id,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ assigned: 1, deadline: addDays(today, 5) })
    const c = (await office.get(`/api/v1/petitions/${id}`)).json()
    expect(c).toMatchObject({ status: 'handling', deadline: addDays(today, 5), overdue: false })
    expect(c.handlingUnit.id).toBe(w.units.countyA.id)
    const sent = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'petition.assigned'), eq(events.entityId, id)))
    expect(sent).toHaveLength(1)
    const inbox = await t.database.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.userId, w.users.unitA.id))
    expect(inbox.some((m) => m.title.includes('交办信访件'))).toBe(true)
  })

  it('refuses to assign a closed case or to an unknown unit', async () => {
    const closed = await makeCase(t.database.db, {
      batch,
      handlingUnit: w.units.countyA,
      status: 'closed',
    })
    const conflict = await office.post('/api/v1/petitions/assign', {
      petitionIds: [closed.id],
      unitId: w.units.countyB.id,
    })
    expect(conflict.statusCode).toBe(409)
    const unknown = await office.post('/api/v1/petitions/assign', {
      petitionIds: [id],
      unitId: uuidv7(),
    })
    expect(unknown.statusCode).toBe(422)
  })

  const report = {
    finding: 'partly_true',
    investigation: '经现场核查，企业废气处理设施运行不正常。',
    measures: '责令企业停产整改，更换活性炭吸附装置。',
    ordersToRectify: 1,
    finesWan: 5.5,
    accountability: '对分管副镇长进行约谈。',
  }

  it('is reported by the handling unit only: 404 for another subtree, 412 stale', async () => {
    const url = `/api/v1/petitions/${id}/report`
    expect((await unitB.post(url, report, ifMatch(3))).statusCode).toBe(404)
    expect((await townA.post(url, report, ifMatch(3))).statusCode).toBe(404)
    expect((await office.post(url, report, ifMatch(3))).statusCode).toBe(403)
    expect((await unitA.post(url, report, ifMatch(2))).statusCode).toBe(412)
    const { accessToken } = await login(t.app, w.users.unitA.username)
    const pdf = await upload(t.app, accessToken, { filename: '核查报告.pdf', data: pdfBytes() })
    const ok = await unitA.post(url, { ...report, fileIds: [pdf.json().id] }, ifMatch(3))
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({
      status: 'submitted',
      handling: { finding: 'partly_true', finesWan: 5.5, detained: null },
      files: [{ name: '核查报告.pdf' }],
    })
    expect((await unitB.get(`/api/v1/files/${pdf.json().id}`)).statusCode).toBe(404)
    expect((await unitA.get(`/api/v1/files/${pdf.json().id}`)).statusCode).toBe(200)
  })

  it('is returned with a required reason, messaging the unit, then reported again', async () => {
    const url = `/api/v1/petitions/${id}/review`
    expect((await office.post(url, { decision: 'return' }, ifMatch(4))).statusCode).toBe(422)
    const back = await office.post(url, { decision: 'return', reason: '佐证材料不足' }, ifMatch(4))
    expect(back.json()).toMatchObject({ status: 'handling', returnReason: '佐证材料不足' })
    const inbox = await t.database.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.entityId, id))
    expect(inbox.some((m) => m.title.includes('退回'))).toBe(true)
    expect(
      (
        await office.post(
          `/api/v1/petitions/${id}/callback`,
          { satisfaction: 'satisfied', on: today },
          ifMatch(5),
        )
      ).statusCode,
    ).toBe(409)
    const again = await unitA.post(`/api/v1/petitions/${id}/report`, report, ifMatch(5))
    expect(again.json()).toMatchObject({ status: 'submitted', returnReason: null })
  })

  it('is partly closed, reported once more and closed, with petition.closed', async () => {
    const url = `/api/v1/petitions/${id}/review`
    expect((await unitA.post(url, { decision: 'close' }, ifMatch(6))).statusCode).toBe(403)
    const partly = await office.post(url, { decision: 'partly_close' }, ifMatch(6))
    expect(partly.json()).toMatchObject({ status: 'partly_closed', closedAt: null })
    await unitA.post(`/api/v1/petitions/${id}/report`, report, ifMatch(7))
    const closed = await office.post(url, { decision: 'close' }, ifMatch(8))
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) })
    expect((await office.post(url, { decision: 'close' }, ifMatch(9))).statusCode).toBe(409)
    const sent = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'petition.closed'), eq(events.entityId, id)))
    expect(sent).toHaveLength(1)
  })

  it('takes the call-back once reviewed', async () => {
    const url = `/api/v1/petitions/${id}/callback`
    const future = { satisfaction: 'satisfied', on: addDays(today, 1) }
    expect((await office.post(url, future, ifMatch(9))).statusCode).toBe(422)
    const ok = await office.post(
      url,
      { satisfaction: 'basically_satisfied', note: '基本满意', on: today },
      ifMatch(9),
    )
    expect(ok.json().callback).toEqual({
      satisfaction: 'basically_satisfied',
      note: '基本满意',
      on: today,
    })
  })

  it('opens a problem with source petition and code 信访件 <receipt number>', async () => {
    const res = await office.post(
      `/api/v1/petitions/${id}/problem`,
      {
        open: {
          title: '宏达化工废气扰民',
          leadUnitId: w.units.countyA.id,
          deadline: addDays(today, 60),
        },
      },
      ifMatch(10),
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().problem).toMatchObject({
      code: '信访件 X3HB202406020025',
      title: '宏达化工废气扰民',
    })
    const [p] = await t.database.db
      .select()
      .from(problems)
      .where(eq(problems.id, res.json().problem.id))
    expect(p).toMatchObject({ source: 'petition', domain: 'air', regionId: w.units.countyA.id })
    const listed = (await office.get(`/api/v1/petitions?problem=${p!.id}`)).json()
    expect(listed.items.map((c: { id: string }) => c.id)).toEqual([id])
  })
})

describe('lists', () => {
  it('find Chinese text with q, and keep a unit to its subtree', async () => {
    const batch = await makeBatch(t.database.db, { round })
    const hit = await makeCase(t.database.db, {
      batch,
      handlingUnit: w.units.townA,
      complaint: '青石河上游采砂场非法采砂，河道严重破坏。',
    })
    await makeCase(t.database.db, {
      batch,
      handlingUnit: w.units.countyB,
      complaint: '采砂船夜间作业噪声扰民。',
    })
    const q = (s: string) => `/api/v1/petitions?batch=${batch.id}&q=${encodeURIComponent(s)}`
    expect((await office.get(q('非法采砂'))).json().items.map((c: { id: string }) => c.id)).toEqual(
      [hit.id],
    )
    expect((await office.get(q('采砂'))).json().total).toBe(2)
    expect((await unitA.get(q('采砂'))).json().total).toBe(1)
    expect((await unitB.get(`/api/v1/petitions/${hit.id}`)).statusCode).toBe(404)
    expect((await leader.get(`/api/v1/petitions/${hit.id}`)).statusCode).toBe(200)
    expect((await office.get(q(hit.receiptNo))).json().total).toBe(1)
  })

  it('filter overdue cases by their derived deadline', async () => {
    const batch = await makeBatch(t.database.db, { round })
    const late = await makeCase(t.database.db, {
      batch,
      handlingUnit: w.units.countyA,
      deadline: addDays(today, -1),
    })
    await makeCase(t.database.db, { batch, handlingUnit: w.units.countyA })
    const res = (await office.get(`/api/v1/petitions?batch=${batch.id}&overdue=true`)).json()
    expect(res.items.map((c: { id: string; overdue: boolean }) => [c.id, c.overdue])).toEqual([
      [late.id, true],
    ])
  })
})

describe('repeats', () => {
  it('proposes earlier cases about the same party, address or text', async () => {
    const batch = await makeBatch(t.database.db, { round })
    const earlier = await makeCase(t.database.db, {
      batch,
      reportedParty: '江州市青山水泥有限公司',
      complaint: '青山水泥厂粉尘污染严重，周边村民晾晒衣物全是灰。',
    })
    const later = await makeCase(t.database.db, {
      batch,
      reportedParty: '江州市青山水泥有限公司。',
      complaint: '水泥厂又在排粉尘。',
    })
    const res = await office.get(`/api/v1/petitions/${later.id}/repeat-candidates`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().items[0]).toMatchObject({
      id: earlier.id,
      reasons: expect.arrayContaining(['party']),
    })
    expect(res.json().items.some((c: { id: string }) => c.id === later.id)).toBe(false)
    expect((await unitA.get(`/api/v1/petitions/${later.id}/repeat-candidates`)).statusCode).toBe(
      403,
    )
  })

  it("flags the earlier case's closed problem as a rebound and reopens it, audited", async () => {
    const { db } = t.database
    const batch = await makeBatch(db, { round })
    const problem = await makeProblem(db, { round, leadUnit: w.units.eeb, status: 'closed' })
    const closeoutId = uuidv7()
    await db.insert(closeouts).values({
      id: closeoutId,
      problemId: problem.id,
      outcome: 'rectified',
      closedOn: addDays(today, -30),
      closedByName: '整改办',
    })
    const reviewId = uuidv7()
    await db.insert(reboundReviews).values({
      id: reviewId,
      problemId: problem.id,
      closeoutId,
      months: 3,
      dueDate: addDays(today, 60),
    })
    const earlier = await makeCase(db, {
      batch,
      problemId: problem.id,
      status: 'closed',
      handlingUnit: w.units.countyA,
    })
    const later = await makeCase(db, { batch })
    const res = await office.post(
      `/api/v1/petitions/${later.id}/repeat`,
      { repeatOfId: earlier.id },
      ifMatch(1),
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().repeatOf).toEqual({ id: earlier.id, receiptNo: earlier.receiptNo })
    const [p] = await db.select().from(problems).where(eq(problems.id, problem.id))
    expect(p).toMatchObject({ status: 'in_progress', rebound: true, outcome: null })
    const [c] = await db.select().from(closeouts).where(eq(closeouts.id, closeoutId))
    expect(c!.reopenedAt).not.toBeNull()
    const [r] = await db.select().from(reboundReviews).where(eq(reboundReviews.id, reviewId))
    expect(r!.status).toBe('cancelled')
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, problem.id), eq(auditLog.action, 'problem.fail_rebound')))
    expect(audit).toHaveLength(1)
    const cleared = await office.post(
      `/api/v1/petitions/${later.id}/repeat`,
      { repeatOfId: null },
      ifMatch(2),
    )
    expect(cleared.json().repeatOf).toBeNull()
  })

  it('leaves a problem that is not closed alone', async () => {
    const { db } = t.database
    const batch = await makeBatch(db, { round })
    const problem = await makeProblem(db, { round, leadUnit: w.units.eeb, status: 'in_progress' })
    const earlier = await makeCase(db, { batch, problemId: problem.id })
    const later = await makeCase(db, { batch })
    await office.post(
      `/api/v1/petitions/${later.id}/repeat`,
      { repeatOfId: earlier.id },
      ifMatch(1),
    )
    const [p] = await db.select().from(problems).where(eq(problems.id, problem.id))
    expect(p).toMatchObject({ status: 'in_progress', rebound: false })
  })
})
