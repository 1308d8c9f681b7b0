import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  acceptanceReviews,
  acceptances,
  problems,
  progressReports,
  publicReports,
} from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import { PublicBoardService } from '../src/modules/public/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { makeMeasure, pngBytes } from './evidence-factories.js'
import { as, login, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'
import { makeBatch, makeCase, publishBatch } from './petition-factories.js'
import {
  PUBLIC_TEST_CONFIG,
  publish,
  putInPublicity,
  submit,
  uploadPublic,
} from './public-factories.js'

/**
 * The public board lets out only allow-listed fields: every public route is walked on data full
 * of things that must stay inside (phones, review notes, returned reasons, unpublished problems,
 * reporters' names and contacts, ruling reasons), and every key of every answer is checked.
 */

let t: TestApp
const SECRETS: string[] = []
const NO_TRACE: string[] = []
let published: { id: string; code: string }
let inPublicity: { id: string }
let trackingCode: string
let officeToken: string
let petitionBatch: { id: string; hidden: string }

const PROBLEM = [
  'id',
  'code',
  'title',
  'domain',
  'region',
  'leadUnit',
  'coUnits',
  'mode',
  'deadline',
  'originalDeadline',
  'status',
  'light',
  'progress',
  'outcome',
  'closedOn',
  'updatedAt',
]
const NOTICE = ['publicityId', 'notice', 'startDate', 'endDate', 'phase', 'open']
const PETITION_BATCH = ['id', 'roundName', 'seq', 'handedOn', 'source', 'publishedAt', 'caseCount']
const PETITION_ROW = ['receiptNo', 'region', 'domains', 'complaint', 'finding', 'handling'].concat([
  'accountability',
  'status',
])
/** Every field name each route may answer with, at any depth. */
const ALLOWED: Record<string, string[]> = {
  list: ['items', 'nextCursor', 'total', 'totalIsEstimate', ...PROBLEM],
  detail: ['problem', 'description', 'target', 'measures', 'progress', 'notice', ...PROBLEM]
    .concat(['seq', 'content', 'unit', 'percent', 'period', 'date'])
    .concat(NOTICE),
  notices: ['items', 'problem', 'notice', ...PROBLEM, ...NOTICE],
  regions: ['items', 'id', 'name', 'count'],
  challenge: ['token', 'salt', 'difficulty', 'expiresAt'],
  files: ['id', 'token', 'name', 'size', 'mimeType'],
  reports: ['trackingCode', 'createdAt'],
  tracking: [
    'trackingCode',
    'createdAt',
    'status',
    'reply',
    'repliedAt',
    'problem',
    'code',
    'title',
  ],
  institutions: ['items', 'id', 'title', 'kind', 'docNumber', 'issuingUnit', 'issuedOn'].concat([
    'summary',
    'problems',
    'code',
  ]),
  petitionBatches: ['items', ...PETITION_BATCH],
  petitionBatch: [...PETITION_BATCH, 'rows', ...PETITION_ROW],
}

/** Every key of every object in `v`, recursively, with its path. */
function keys(v: unknown, path = ''): { key: string; path: string }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keys(x, `${path}/${i}`))
  if (v === null || typeof v !== 'object') return []
  return Object.entries(v).flatMap(([k, x]) => [
    { key: k, path: `${path}/${k}` },
    ...keys(x, `${path}/${k}`),
  ])
}

beforeAll(async () => {
  t = await createTestApp(PUBLIC_TEST_CONFIG)
  const { db } = t.database
  const world = await makeWorld(db)
  const round = await makeRound(db)
  const phone = '13800138000'
  const person = { name: '周建国', post: '副局长', phone }
  const make = async (o: { title: string; code: string; publish: boolean }) => {
    const p = await makeProblem(db, {
      round,
      leadUnit: world.units.eeb,
      region: world.units.countyA,
      coUnits: [world.units.countyB],
      status: 'in_progress',
      title: o.title,
      code: o.code,
      description: '城东片区污水直排河道',
    })
    await db
      .update(problems)
      .set({ responsiblePersons: [person] })
      .where(eq(problems.id, p.id))
    if (o.publish) await publish(db, p.id)
    return p
  }
  published = await make({ title: '城东污水处理厂超标排放', code: 'PUB-1', publish: true })
  inPublicity = await make({ title: '城西垃圾填埋场渗滤液', code: 'PUB-2', publish: true })
  const hidden = await make({ title: '未公开的内部问题', code: 'SECRET-77', publish: false })
  await makeMeasure(db, { problem: published, unit: world.units.countyA, percent: 40 })

  // Reviewed reports: an accepted one and a returned one with an internal note.
  const note = '佐证材料不足内部退回说明'
  for (const [status, reviewNote] of [
    ['accepted', '同意内部审核意见'],
    ['returned', note],
  ] as const)
    await db.insert(progressReports).values({
      id: uuidv7(),
      problemId: published.id,
      unitId: world.units.countyA.id,
      period: '2026-09',
      done: '完成管网排查',
      percent: 40,
      status,
      reviewNote,
      reviewedBy: world.users.office.id,
      reviewedAt: new Date(),
      submittedByName: '县区整改联络员',
    })

  // A returned acceptance, then the passed one whose notice is open; the hidden one too.
  const returnedReason = '验收退回理由不应公开'
  const acceptanceId = uuidv7()
  await db.insert(acceptances).values({
    id: acceptanceId,
    problemId: inPublicity.id,
    seq: 9,
    status: 'returned',
    selfCheck: '自验',
    levels: ['city'],
    criteria: [],
    appliedByName: '牵头单位',
  })
  await db.insert(acceptanceReviews).values({
    id: uuidv7(),
    acceptanceId,
    problemId: inPublicity.id,
    level: 1,
    levelKind: 'city',
    reviewerName: '整改办',
    checkDate: '2026-09-01',
    checklist: [],
    opinion: '现场核查内部意见',
    decision: 'return',
    reason: returnedReason,
  })
  await putInPublicity(db, inPublicity.id, '城西垃圾填埋场问题拟销号公示')
  await putInPublicity(db, hidden.id, '内部问题公示不应出现')

  // A report with a name, contact and photo, objected and ruled with an internal reason.
  const photo = await uploadPublic(t.app, { filename: 'p.png', data: pngBytes(4) })
  const submitted = await submit(t.app, {
    name: '张三丰',
    contact: '13900001111',
    problemId: inPublicity.id,
    objection: true,
    photos: [{ id: photo.json().id, token: photo.json().token }],
  })
  expect(submitted.statusCode, submitted.body).toBe(201)
  trackingCode = submitted.json().trackingCode
  await db
    .update(publicReports)
    .set({
      reply: '经核查，填埋场已完成整改。',
      repliedAt: new Date(),
      rulingReason: '内部裁定理由',
    })
    .where(eq(publicReports.trackingCode, trackingCode))

  SECRETS.push(phone, note, '同意内部审核意见', returnedReason, '现场核查内部意见')
  SECRETS.push(hidden.id, hidden.code, hidden.title, '内部问题公示不应出现')
  SECRETS.push('张三丰', '13900001111', '内部裁定理由', '周建国', '县区整改联络员')
  NO_TRACE.push('phone', 'reviewNote', 'reason', 'responsiblePersons', 'contact', 'ipHash')
  // The office sees it all through its own API: the data really holds the secrets.
  const office = await as(t.app, world.users.office)
  expect((await office.get(`/api/v1/problems/${hidden.id}`)).body).toContain(phone)
  // Institutions: a public one linked to a published and an unpublished problem; an internal one.
  const institution = (title: string, more: Record<string, unknown>) =>
    office.post('/api/v1/institutions', {
      ...{ title, kind: 'regulation', issuingUnitId: world.units.eeb.id, issuedOn: '2026-03-01' },
      ...more,
    })
  const rule = await institution('城区污水管网长效管护制度', {
    public: true,
    problemIds: [published.id, hidden.id],
  })
  expect(rule.statusCode, rule.body).toBe(201)
  await institution('内部制度不应公开', {
    problemIds: [published.id],
    docNumber: '内部〔2026〕9号',
  })
  SECRETS.push('内部制度不应公开', '内部〔2026〕9号')
  // Petitions: a published batch with a reviewed case and one still being handled, both with a
  // complainant and internal notes; an unpublished batch.
  const batch = await makeBatch(db, { round, published: true })
  const hiddenBatch = await makeBatch(db, { round })
  const secretCase = {
    complainantName: '欧阳信访人',
    complainantContact: '13700007777',
    investigation: '内部调查核实情况不应公开',
    handlingUnit: world.units.countyA,
  }
  await makeCase(db, {
    batch,
    ...secretCase,
    status: 'closed',
    regionIds: [world.units.countyA.id],
    measures: '已责令停产整改',
  })
  await makeCase(db, { batch, ...secretCase, complaint: '未审核信访件不应公开' })
  await makeCase(db, {
    batch: hiddenBatch,
    ...secretCase,
    status: 'closed',
    complaint: '未公开批次信访件',
  })
  await publishBatch(db, batch)
  petitionBatch = { id: batch.id, hidden: hiddenBatch.id }
  SECRETS.push('欧阳信访人', '13700007777', '内部调查核实情况不应公开', '未审核信访件不应公开')
  SECRETS.push('未公开批次信访件', hiddenBatch.id)
  NO_TRACE.push('complainantName', 'complainantContact', 'investigation', 'handlingUnit')
  officeToken = (await login(t.app, world.users.office.username)).accessToken
})
afterAll(() => t.close())

describe('every public route answers allow-listed fields only', () => {
  const routes: [string, () => Promise<{ statusCode: number; body: string }>][] = [
    ['list', () => t.app.inject({ url: '/api/v1/public/problems' })],
    [
      'list',
      () => t.app.inject({ url: `/api/v1/public/problems?q=${encodeURIComponent('内部')}` }),
    ],
    ['list', () => t.app.inject({ url: '/api/v1/public/problems?status=publicity&limit=1' })],
    ['detail', () => t.app.inject({ url: `/api/v1/public/problems/${published.id}` })],
    ['detail', () => t.app.inject({ url: `/api/v1/public/problems/${inPublicity.id}` })],
    ['notices', () => t.app.inject({ url: '/api/v1/public/notices' })],
    ['regions', () => t.app.inject({ url: '/api/v1/public/regions' })],
    ['challenge', () => t.app.inject({ url: '/api/v1/public/challenge' })],
    ['files', () => uploadPublic(t.app, { filename: 'x.png', data: pngBytes(2) })],
    ['reports', () => submit(t.app, { name: '张三丰', contact: '13900001111' })],
    ['tracking', () => t.app.inject({ url: `/api/v1/public/reports/${trackingCode}` })],
    ['institutions', () => t.app.inject({ url: '/api/v1/public/institutions' })],
    ['petitionBatches', () => t.app.inject({ url: '/api/v1/public/petition-batches' })],
    [
      'petitionBatch',
      () => t.app.inject({ url: `/api/v1/public/petition-batches/${petitionBatch.id}` }),
    ],
  ]

  it.each(routes)('%s', async (route, call) => {
    const res = await call()
    expect(res.statusCode, res.body).toBeLessThan(300)
    const found = keys(JSON.parse(res.body))
    expect(found.length).toBeGreaterThan(0)
    for (const { key, path } of found) expect(ALLOWED[route], path).toContain(key)
    for (const secret of SECRETS) expect(res.body).not.toContain(secret)
    for (const name of NO_TRACE) expect(res.body).not.toContain(`"${name}"`)
  })

  it('shows the published problems, their progress and the open notice', async () => {
    const list = JSON.parse((await routes[0]![1]()).body)
    expect(list.total).toBe(2)
    const detail = JSON.parse((await routes[3]![1]()).body)
    expect(detail.progress).toEqual([expect.objectContaining({ period: '2026-09', percent: 40 })])
    expect(detail.measures[0]).toMatchObject({ unit: '甲县', percent: 40 })
    expect(detail.problem).toMatchObject({
      leadUnit: '市生态环境局',
      coUnits: ['乙县'],
      region: '甲县',
    })
    const notices = JSON.parse((await routes[5]![1]()).body)
    expect(notices.items).toEqual([
      expect.objectContaining({ notice: expect.objectContaining({ open: true }) }),
    ])
    const regions = JSON.parse((await routes[6]![1]()).body)
    expect(regions.items).toEqual([expect.objectContaining({ name: '甲县', count: 2 })])
    const tracking = JSON.parse((await routes[10]![1]()).body)
    expect(tracking).toMatchObject({ status: 'replied', reply: '经核查，填埋场已完成整改。' })
    expect(tracking.problem).toEqual({ code: 'PUB-2', title: '城西垃圾填埋场渗滤液' })
  })

  it('counts exactly up to its threshold, then says the total is an estimate', async () => {
    const list = JSON.parse((await routes[0]![1]()).body)
    expect(list).toMatchObject({ total: 2, totalIsEstimate: false })
    const bounded = new PublicBoardService(t.database.db, { list: 1, search: 1 })
    const page = await bounded.list({ limit: 1 })
    expect(page.totalIsEstimate).toBe(true)
    expect(page.total).toBeGreaterThanOrEqual(2)
    expect(page.items).toHaveLength(1)
    expect(page.nextCursor).not.toBeNull()
    // A search's own threshold: one match is within it, exact.
    expect(await bounded.list({ q: '填埋场' })).toMatchObject({ total: 1, totalIsEstimate: false })
  })

  it('lists the public institution with its published problems only', async () => {
    const res = await t.app.inject({ url: '/api/v1/public/institutions' })
    expect(res.json().items).toEqual([
      expect.objectContaining({
        title: '城区污水管网长效管护制度',
        issuingUnit: '市生态环境局',
        problems: [{ code: 'PUB-1', title: '城东污水处理厂超标排放' }],
      }),
    ])
  })

  it("shows a published batch's reviewed cases only, and no unpublished batch", async () => {
    const list = await t.app.inject({ url: '/api/v1/public/petition-batches' })
    expect(list.json().items).toEqual([expect.objectContaining({ caseCount: 2 })])
    const res = await t.app.inject({ url: `/api/v1/public/petition-batches/${petitionBatch.id}` })
    expect(res.json().rows).toEqual([
      expect.objectContaining({ region: '甲县', handling: '已责令停产整改', status: 'closed' }),
    ])
    const url = `/api/v1/public/petition-batches/${petitionBatch.hidden}`
    expect((await t.app.inject({ url })).statusCode).toBe(404)
  })

  it('answers 404 for an unpublished problem, as for one that does not exist', async () => {
    const hiddenId = SECRETS[5]!
    const res = await t.app.inject({ url: `/api/v1/public/problems/${hiddenId}` })
    const none = await t.app.inject({ url: `/api/v1/public/problems/${uuidv7()}` })
    expect(res.statusCode).toBe(404)
    expect(none.statusCode).toBe(404)
    expect(res.json().detail).toBe(none.json().detail)
  })

  it('is the same for a signed-in office user: the board never shows more', async () => {
    const res = await t.app.inject({
      url: '/api/v1/public/problems',
      headers: { authorization: `Bearer ${officeToken}` },
    })
    expect(res.json().total).toBe(2)
    for (const secret of SECRETS) expect(res.body).not.toContain(secret)
  })
})
