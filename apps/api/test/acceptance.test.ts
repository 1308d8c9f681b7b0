import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  acceptanceReviews,
  auditLog,
  files,
  measures,
  problems,
  progressReports,
} from '../src/db/schema/index.js'
import { addDays } from '../src/lib/dates.js'
import { canonicalJson, sha256Hex } from '../src/lib/hash.js'
import { uuidv7 } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from './build-app.js'
import {
  checklist,
  closeoutWorld,
  latestAcceptance,
  problemIn,
  problemVersion,
  reviewBody,
  today,
  type CloseoutWorld,
} from './acceptance-factories.js'
import { as, etagFor, login, makeUser } from './factories.js'
import { pdfBytes, upload } from './evidence-factories.js'
import { makeMeasure, makeProblem } from './ledger-factories.js'

let t: TestApp
let w: CloseoutWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await closeoutWorld(t)
})
afterAll(() => t.close())

const ifMatch = (v: number) => ({ 'if-match': `"${v}"` })
const apply = async (api: CloseoutWorld['api']['lead'], id: string, body: object = {}) =>
  api.post(
    `/api/v1/problems/${id}/acceptances`,
    { selfCheck: '自验合格', ...body },
    ifMatch(await problemVersion(t, id)),
  )
const review = async (api: CloseoutWorld['api']['lead'], problemId: string, body: object) => {
  const a = (await latestAcceptance(t, problemId))!
  return api.post(`/api/v1/acceptances/${a.id}/reviews`, body, ifMatch(a.version))
}

describe('applying for acceptance', () => {
  it('copies the round’s levels and criteria, attaches the materials and moves the problem', async () => {
    const p = await problemIn(t, w, 'in_progress')
    const { accessToken } = await login(t.app, w.users.lead.username)
    const file = (
      await upload(t.app, accessToken, { filename: '自验报告.pdf', data: pdfBytes() })
    ).json()
    const res = await apply(w.api.lead, p.id, { fileIds: [file.id] })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      seq: 1,
      status: 'in_review',
      levels: ['county', 'city'],
      currentLevel: 0,
      criteria: checklist().map((c) => c.criterion),
      appliedUnit: { id: w.world.units.eeb.id },
      files: [{ id: file.id, sha256: file.sha256 }],
      version: 1,
    })
    expect(res.headers.etag).toMatch(etagFor(1))
    const [f] = await t.database.db.select().from(files).where(eq(files.id, file.id))
    expect(f).toMatchObject({ ownerType: 'acceptance', ownerId: res.json().id, problemId: p.id })
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(row).toMatchObject({ status: 'acceptance', version: 2 })
    const actions = (
      await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, p.id))
    ).map((e) => e.action)
    expect(actions).toContain('problem.apply')
    const attached = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, file.id), eq(auditLog.action, 'file.attached')))
    expect(attached).toHaveLength(1)
  })

  it('refuses files that are not the caller’s unattached uploads, changing nothing', async () => {
    const p = await problemIn(t, w, 'in_progress')
    const res = await apply(w.api.lead, p.id, { fileIds: [uuidv7()] })
    expect(res.statusCode).toBe(422)
    expect(res.json().errors[0].path).toBe('/fileIds/0')
    expect(await problemVersion(t, p.id)).toBe(1)
  })

  it('needs the problem’s current version', async () => {
    const p = await problemIn(t, w, 'in_progress')
    const stale = await w.api.lead.post(
      `/api/v1/problems/${p.id}/acceptances`,
      { selfCheck: '自验' },
      ifMatch(9),
    )
    expect(stale.statusCode).toBe(412)
    const missing = await w.api.lead.post(`/api/v1/problems/${p.id}/acceptances`, {
      selfCheck: '自验',
    })
    expect(missing.statusCode).toBe(428)
    expect(await latestAcceptance(t, p.id)).toBeUndefined()
    expect(await problemVersion(t, p.id)).toBe(1)
  })
})

describe('reviewing acceptance', () => {
  it('passes the county level, then the city level, freezing a snapshot at each', async () => {
    const p = await problemIn(t, w, 'county_review')
    const county = await review(w.api.countyLead, p.id, reviewBody())
    expect(county.statusCode, county.body).toBe(201)
    expect(county.json()).toMatchObject({ status: 'in_review', currentLevel: 1, version: 2 })
    expect(county.json().reviews[0]).toMatchObject({
      level: 0,
      levelKind: 'county',
      decision: 'pass',
      reviewerUnit: { id: w.world.units.countyA.id },
      reason: null,
    })
    const [mid] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(mid).toMatchObject({ status: 'acceptance', version: 3 })

    const city = await review(w.api.office, p.id, reviewBody())
    expect(city.statusCode, city.body).toBe(201)
    expect(city.json()).toMatchObject({ status: 'passed', currentLevel: null, version: 3 })
    expect(city.json().reviews.map((r: { levelKind: string }) => r.levelKind)).toEqual([
      'county',
      'city',
    ])
    for (const r of city.json().reviews) expect(r.snapshotSha256).toMatch(/^[0-9a-f]{64}$/)
    const file = (await w.api.office.get(`/api/v1/problems/${p.id}/acceptance`)).json()
    expect(file.can.openPublicity).toBe(true)
  })

  it('returns with a reason back to in_progress, and the unit may apply again', async () => {
    const p = await problemIn(t, w, 'county_review')
    const { reason: _r, ...noReason } = reviewBody('return')
    const refused = await review(w.api.countyLead, p.id, noReason)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['/reason'])
    const res = await review(w.api.countyLead, p.id, reviewBody('return'))
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ status: 'returned', currentLevel: null })
    expect(res.json().reviews[0]).toMatchObject({
      reason: '现场仍有超标排放',
      snapshotSha256: null,
    })
    const [row] = await t.database.db.select().from(problems).where(eq(problems.id, p.id))
    expect(row!.status).toBe('in_progress')
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'problem.review_return')))
    expect(entry!.after).toMatchObject({ status: 'in_progress', reason: '现场仍有超标排放' })
    const again = await apply(w.api.lead, p.id)
    expect(again.statusCode).toBe(201)
    expect(again.json().seq).toBe(2)
  })

  it.each([
    ['a criterion missing', { checklist: checklist().slice(1) }, '/checklist'],
    ['criteria out of order', { checklist: [...checklist()].reverse() }, '/checklist/0/criterion'],
    [
      'a criterion renamed',
      { checklist: checklist().map((c, i) => (i === 2 ? { ...c, criterion: '基本达标' } : c)) },
      '/checklist/2/criterion',
    ],
    [
      'a pass with a criterion unmet',
      { checklist: checklist().map((c, i) => (i === 4 ? { ...c, met: false } : c)) },
      '/checklist/4/met',
    ],
    ['a check date in the future', { checkDate: addDays(today(), 1) }, '/checkDate'],
    ['a check date before the application', { checkDate: addDays(today(), -1) }, '/checkDate'],
  ])('refuses %s with 422 and changes nothing', async (_name, override, path) => {
    const p = await problemIn(t, w, 'county_review')
    const res = await review(w.api.office, p.id, reviewBody('pass', override))
    expect(res.statusCode, res.body).toBe(422)
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path)
    const a = (await latestAcceptance(t, p.id))!
    expect(a).toMatchObject({ status: 'in_review', currentLevel: 0, version: 1 })
    expect(await problemVersion(t, p.id)).toBe(2)
  })

  it('refuses a stale application version with 412 and changes nothing', async () => {
    const p = await problemIn(t, w, 'county_review')
    const a = (await latestAcceptance(t, p.id))!
    const res = await w.api.office.post(
      `/api/v1/acceptances/${a.id}/reviews`,
      reviewBody(),
      ifMatch(5),
    )
    expect(res.statusCode).toBe(412)
    expect(await latestAcceptance(t, p.id)).toEqual(a)
    expect(
      await t.database.db
        .select()
        .from(acceptanceReviews)
        .where(eq(acceptanceReviews.acceptanceId, a.id)),
    ).toHaveLength(0)
  })
})

describe('nobody reviews their own unit’s work', () => {
  it('refuses a county lead unit the acceptance of a problem its own county leads', async () => {
    const db = t.database.db
    const p = await makeProblem(db, {
      round: w.round,
      leadUnit: w.world.units.countyA,
      region: w.world.units.countyA,
      status: 'in_progress',
      reportedProgress: 100,
    })
    await makeMeasure(db, { problem: p, unit: w.world.units.townA })
    expect((await apply(w.api.countyLead, p.id)).statusCode).toBe(201)
    const res = await review(w.api.countyLead, p.id, reviewBody())
    expect(res.statusCode).toBe(403)
    expect(
      (await w.api.countyLead.get(`/api/v1/problems/${p.id}/acceptance`)).json().can.review,
    ).toBeNull()
    expect((await review(w.api.office, p.id, reviewBody())).statusCode).toBe(201)
  })

  it('refuses the office both levels of a problem its own unit leads', async () => {
    const db = t.database.db
    const leadOffice = await as(
      t.app,
      await makeUser(db, { unit: w.world.units.office, roles: ['lead_unit'] }),
    )
    const p = await makeProblem(db, {
      round: w.round,
      leadUnit: w.world.units.office,
      region: w.world.units.countyA,
      status: 'in_progress',
      reportedProgress: 100,
    })
    await makeMeasure(db, { problem: p, unit: w.world.units.countyA })
    expect((await apply(leadOffice, p.id)).statusCode).toBe(201)
    expect((await review(w.api.office, p.id, reviewBody())).statusCode).toBe(403)
    expect((await review(w.api.countyLead, p.id, reviewBody())).statusCode).toBe(201)
    expect((await review(w.api.office, p.id, reviewBody())).statusCode).toBe(403)
    expect((await latestAcceptance(t, p.id))!.currentLevel).toBe(1)
  })
})

describe('the frozen snapshot', () => {
  it('does not change when the plan and reports change after the pass', async () => {
    const p = await problemIn(t, w, 'city_review')
    const a = (await latestAcceptance(t, p.id))!
    const [r] = await t.database.db
      .select()
      .from(acceptanceReviews)
      .where(eq(acceptanceReviews.acceptanceId, a.id))
    const url = `/api/v1/acceptance-reviews/${r!.id}/snapshot`
    const first = await w.api.unit.get(url)
    expect(first.statusCode, first.body).toBe(200)
    const snap = first.json()
    expect(snap.sha256).toBe(r!.snapshotSha256)
    expect(snap.sha256).toBe(sha256Hex(canonicalJson(snap.content)))
    expect(snap.content.problem).toMatchObject({ id: p.id, status: 'acceptance' })
    expect(snap.content.measures).toHaveLength(1)

    await t.database.db
      .update(measures)
      .set({ content: '事后改写的措施' })
      .where(eq(measures.problemId, p.id))
    await t.database.db.insert(progressReports).values({
      id: uuidv7(),
      problemId: p.id,
      unitId: w.world.units.countyA.id,
      period: '2026-12',
      done: '事后补报',
      percent: 100,
      submittedByName: '补报人',
    })
    const again = (await w.api.office.get(url)).json()
    expect(again).toEqual(snap)
    expect(again.content.measures[0].content).toBe(snap.content.measures[0].content)
    expect(again.content.reports).toHaveLength(snap.content.reports.length)
  })

  it('is 404 for a returned review and for a caller who cannot see the problem', async () => {
    const p = await problemIn(t, w, 'county_review')
    const res = await review(w.api.office, p.id, reviewBody('return'))
    const id = res.json().reviews[0].id
    expect((await w.api.office.get(`/api/v1/acceptance-reviews/${id}/snapshot`)).statusCode).toBe(
      404,
    )
    expect(
      (await w.api.office.get(`/api/v1/acceptance-reviews/${uuidv7()}/snapshot`)).statusCode,
    ).toBe(404)
  })
})
