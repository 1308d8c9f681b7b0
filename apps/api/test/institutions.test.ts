import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import { pdfBytes, upload } from './evidence-factories.js'
import { client, etagFor, login, makeWorld } from './factories.js'
import { apiClient, makeProblem, makeRound, qs } from './ledger-factories.js'
import { PUBLIC_TEST_CONFIG, publish } from './public-factories.js'

/**
 * Institutions (建章立制): who records them, who reads which (the issuer's subtree, public ones,
 * those linked to a visible problem), Chinese search, files read like the institution, and the
 * public board's list.
 */

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
const tokens: Record<string, string> = {}
const api: Record<string, ReturnType<typeof client>> = {}
const P: Record<string, { id: string; code: string; title: string }> = {}
const I: Record<string, { id: string; version: number }> = {}
const WHO = ['office', 'lead', 'unitA', 'townA', 'unitB', 'leader', 'auditor', 'admin'] as const

const body = (more: Record<string, unknown>) => ({
  title: '长效管理制度',
  kind: 'regulation',
  issuingUnitId: world.units.countyA.id,
  issuedOn: '2026-03-15',
  ...more,
})

async function record(name: string, more: Record<string, unknown>, who = 'office') {
  const res = await api[who]!.post('/api/v1/institutions', body(more))
  expect(res.statusCode, res.body).toBe(201)
  I[name] = res.json()
  return res.json()
}

const list = async (who: string, q: Record<string, string | number | boolean | undefined> = {}) =>
  (await api[who]!.get(`/api/v1/institutions${qs({ limit: 200, ...q })}`)).json<{
    items: { id: string; title: string; problems: { code: string }[] }[]
    total: number
    nextCursor: string | null
  }>()

beforeAll(async () => {
  t = await createTestApp(PUBLIC_TEST_CONFIG)
  const { db } = t.database
  world = await makeWorld(db)
  const round = await makeRound(db)
  const { countyA, countyB, eeb } = world.units
  P.a = await makeProblem(db, { round, leadUnit: countyA, code: 'A-1', title: '甲县餐饮油烟扰民' })
  P.b = await makeProblem(db, { round, leadUnit: countyB, code: 'B-1', title: '乙县内部问题' })
  P.pub = await makeProblem(db, { round, leadUnit: countyB, code: 'B-2', title: '乙县公开问题' })
  P.shared = await makeProblem(db, { round, leadUnit: eeb, coUnits: [countyA], code: 'S-1' })
  P.eeb = await makeProblem(db, { round, leadUnit: eeb, code: 'E-1', title: '市局问题' })
  await publish(db, P.pub.id)
  for (const who of WHO) {
    tokens[who] = (await login(t.app, world.users[who].username)).accessToken
    api[who] = client(t.app, tokens[who])
  }
  await record('ownA', {
    title: '餐饮油烟治理长效管理办法',
    docNumber: '临政办〔2026〕8号',
    summary: '明确餐饮油烟净化设施安装、运行和监管责任。',
    problemIds: [P.a!.id],
  })
  await record('ownB', {
    title: '乙县河长制巡河机制',
    kind: 'mechanism',
    docNumber: '乙河长办〔2026〕2号',
    issuingUnitId: countyB.id,
    issuedOn: '2026-02-01',
    summary: '县乡村三级河长定期巡河。',
    problemIds: [P.b!.id],
  })
  await record('public', {
    title: '建筑工地扬尘管控标准',
    kind: 'standard',
    docNumber: '',
    issuingUnitId: countyB.id,
    issuedOn: '2026-04-10',
    summary: '工地六个百分之百。',
    public: true,
    problemIds: [P.b!.id, P.pub!.id],
  })
  await record('linked', {
    title: '工业园区联合执法机制',
    kind: 'mechanism',
    issuingUnitId: eeb.id,
    issuedOn: '2026-01-20',
    problemIds: [P.shared!.id],
  })
  await record('eeb', {
    title: '市局排污许可证后监管文件',
    kind: 'document',
    issuingUnitId: eeb.id,
    issuedOn: '2025-12-30',
    problemIds: [P.eeb!.id],
  })
})
afterAll(() => t.close())

describe('who reads institutions', () => {
  const cases = [
    ['office', 'ownB', 200],
    ['leader', 'eeb', 200],
    ['auditor', 'linked', 200],
    ['admin', 'ownA', 200],
    ['unitA', 'ownA', 200],
    ['unitA', 'public', 200],
    ['unitA', 'linked', 200],
    ['unitA', 'ownB', 404],
    ['unitA', 'eeb', 404],
    ['townA', 'ownA', 404],
    ['townA', 'public', 200],
    ['unitB', 'ownB', 200],
    ['unitB', 'linked', 404],
    ['lead', 'linked', 200],
    ['lead', 'eeb', 200],
    ['lead', 'ownA', 404],
  ] as const
  it.each(cases)('%s reading %s → %i', async (who, name, status) => {
    const res = await api[who]!.get(`/api/v1/institutions/${I[name]!.id}`)
    expect(res.statusCode, res.body).toBe(status)
  })

  it.each(WHO)(
    'lists for %s exactly what its detail route shows, with a total that agrees',
    async (who) => {
      const page = await list(who)
      const listed = new Set(page.items.map((r) => r.id))
      for (const r of Object.values(I)) {
        const detail = (await api[who]!.get(`/api/v1/institutions/${r.id}`)).statusCode
        expect(listed.has(r.id), r.id).toBe(detail === 200)
      }
      expect(page.total).toBe(page.items.length)
    },
  )

  it("names only the linked problems the reader can see (a public rule hides another county's problem)", async () => {
    const forA = (await api.unitA!.get(`/api/v1/institutions/${I.public!.id}`)).json()
    expect(forA.problems).toEqual([])
    const forB = (await api.unitB!.get(`/api/v1/institutions/${I.public!.id}`)).json()
    expect(forB.problems.map((p: { code: string }) => p.code)).toEqual(['B-1', 'B-2'])
  })

  it('lets a unit-scoped client read like its unit', async () => {
    const c = await apiClient(t.app, world.users.admin, ['problems:read'], world.units.countyB.id)
    const page = (await c.get(`/api/v1/institutions${qs({ limit: 200 })}`)).json()
    expect(page.items.map((r: { id: string }) => r.id).sort()).toEqual(
      [I.ownB!.id, I.public!.id].sort(),
    )
  })
})

describe('filters, search and paging', () => {
  it('lists the institutions of a problem (the problem page), scoped like the list', async () => {
    expect((await list('office', { problem: P.b!.id })).total).toBe(2)
    expect((await list('unitA', { problem: P.b!.id })).items.map((r) => r.id)).toEqual([
      I.public!.id,
    ])
  })

  it('filters by kind, issuing subtree, public flag and issued dates, newest issued first', async () => {
    expect((await list('office', { kind: 'mechanism' })).total).toBe(2)
    expect((await list('office', { unit: world.units.eeb.id })).total).toBe(2)
    expect((await list('office', { unit: world.units.city.id })).total).toBe(5)
    expect((await list('office', { public: true })).items.map((r) => r.id)).toEqual([I.public!.id])
    const period = await list('office', { from: '2026-01-01', to: '2026-03-31' })
    expect(period.items.map((r) => r.id)).toEqual([I.ownA!.id, I.ownB!.id, I.linked!.id])
  })

  it('pages by cursor without losing or repeating a row', async () => {
    const first = await list('office', { limit: 2 })
    expect(first.items).toHaveLength(2)
    const second = await list('office', { limit: 2, cursor: first.nextCursor! })
    const third = await list('office', { limit: 2, cursor: second.nextCursor! })
    expect(third.nextCursor).toBeNull()
    const ids = [...first.items, ...second.items, ...third.items].map((r) => r.id)
    expect(new Set(ids).size).toBe(5)
    expect((await api.office!.get('/api/v1/institutions?cursor=bm9wZQ')).statusCode).toBe(400)
  })

  it('finds Chinese text in the title, the document number and the summary', async () => {
    expect((await list('office', { q: '油烟' })).items.map((r) => r.id)).toEqual([I.ownA!.id])
    expect((await list('office', { q: '临政办' })).items.map((r) => r.id)).toEqual([I.ownA!.id])
    expect((await list('office', { q: '巡河' })).items.map((r) => r.id)).toEqual([I.ownB!.id])
    expect((await list('office', { q: '百分之百' })).items.map((r) => r.id)).toEqual([I.public!.id])
    expect((await list('office', { q: '机制' })).total).toBe(2)
    expect((await list('unitA', { q: '机制' })).items.map((r) => r.id)).toEqual([I.linked!.id])
    expect((await list('office', { q: '不存在的词' })).total).toBe(0)
  })
})

describe('recording and correcting', () => {
  it('refuses a future issued date, an unknown unit and unknown problems (422)', async () => {
    const post = (more: Record<string, unknown>) =>
      api.office!.post('/api/v1/institutions', body(more))
    const future = await post({ issuedOn: addDays(shanghaiDate(), 1) })
    expect(future.statusCode).toBe(422)
    expect(future.json().errors).toEqual([{ path: '/issuedOn', message: 'is in the future' }])
    const today = await post({ issuedOn: shanghaiDate(), title: '今日印发' })
    expect(today.statusCode).toBe(201)
    const unknown = await post({
      issuingUnitId: '0192f000-0000-7000-8000-000000000000',
      problemIds: [P.a!.id, '0192f000-0000-7000-8000-000000000001'],
    })
    expect(unknown.json().errors).toEqual([
      { path: '/issuingUnitId', message: 'no such unit' },
      { path: '/problemIds/1', message: 'no such problem' },
    ])
    expect((await post({ kind: 'law' })).statusCode).toBe(422)
  })

  it('refuses units, leaders and auditors (403)', async () => {
    for (const who of ['unitA', 'leader', 'auditor'])
      expect((await api[who]!.post('/api/v1/institutions', body({}))).statusCode, who).toBe(403)
  })

  it('lets a lead unit record for its own subtree only, about problems it can see', async () => {
    const own = await api.lead!.post(
      '/api/v1/institutions',
      body({ issuingUnitId: world.units.eeb.id, problemIds: [P.eeb!.id], title: '市局自建制度' }),
    )
    expect(own.statusCode, own.body).toBe(201)
    expect(own.json().createdBy).toMatchObject({ id: world.users.lead.id })
    const other = await api.lead!.post('/api/v1/institutions', body({ problemIds: [] }))
    expect(other.statusCode).toBe(403)
    const unseen = await api.lead!.post(
      '/api/v1/institutions',
      body({ issuingUnitId: world.units.eeb.id, problemIds: [P.a!.id] }),
    )
    expect(unseen.statusCode).toBe(422)
    expect(unseen.json().errors).toEqual([{ path: '/problemIds/0', message: 'no such problem' }])
  })

  it("refuses a lead unit's edit of another subtree's institution (404 hidden, 403 visible)", async () => {
    const patch = (name: string) =>
      api.lead!.patch(
        `/api/v1/institutions/${I[name]!.id}`,
        { summary: '改' },
        { 'if-match': '"1"' },
      )
    expect((await patch('ownA')).statusCode).toBe(404)
    expect((await patch('public')).statusCode).toBe(403)
    const moved = await api.lead!.patch(
      `/api/v1/institutions/${I.eeb!.id}`,
      { issuingUnitId: world.units.countyA.id },
      { 'if-match': '"1"' },
    )
    expect(moved.statusCode).toBe(403)
  })

  it('keeps the links a lead unit cannot see when it replaces the problems', async () => {
    const r = await record('mixed', {
      issuingUnitId: world.units.eeb.id,
      problemIds: [P.eeb!.id, P.a!.id],
      title: '混合关联',
    })
    expect(r.problems).toHaveLength(2)
    const url = `/api/v1/institutions/${r.id}`
    const byLead = await api.lead!.patch(url, { problemIds: [P.shared!.id] }, { 'if-match': '"1"' })
    expect(byLead.statusCode, byLead.body).toBe(200)
    expect(byLead.json().problems.map((p: { code: string }) => p.code)).toEqual(['S-1'])
    const forOffice = (await api.office!.get(url)).json()
    expect(forOffice.problems.map((p: { code: string }) => p.code)).toEqual(['A-1', 'S-1'])
  })

  it('corrects against the version (412 stale, 428 without If-Match) and keeps the search current', async () => {
    const r = await record('fix', { title: '初稿制度', docNumber: '' })
    const url = `/api/v1/institutions/${r.id}`
    const ok = await api.office!.patch(
      url,
      { title: '秸秆禁烧网格化管理制度', public: true, problemIds: [P.pub!.id] },
      { 'if-match': '"1"' },
    )
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ title: '秸秆禁烧网格化管理制度', public: true, version: 2 })
    expect(ok.headers.etag).toMatch(etagFor(2))
    const stale = await api.office!.patch(url, { summary: '改' }, { 'if-match': '"1"' })
    expect(stale.statusCode).toBe(412)
    expect((await api.office!.patch(url, { summary: '改' })).statusCode).toBe(428)
    expect((await list('office', { q: '秸秆禁烧' })).items.map((x) => x.id)).toEqual([r.id])
    expect((await list('office', { q: '初稿' })).total).toBe(0)
  })

  it('emits institution.recorded and audits in the same transaction', async () => {
    const [event] = await t.database.db.select().from(events).where(eq(events.entityId, I.ownA!.id))
    expect(event).toMatchObject({ type: 'institution.recorded', unitId: world.units.countyA.id })
    const audit = await api.auditor!.get(`/api/v1/audit${qs({ entityId: I.ownA!.id })}`)
    expect(audit.statusCode, audit.body).toBe(200)
    expect(audit.body).toContain('institution.recorded')
  })
})

describe('files', () => {
  it('attaches uploads on create and edit, read like the institution', async () => {
    const pdf = await upload(t.app, tokens.office!, { filename: '办法.pdf', data: pdfBytes() })
    const r = await record('withFile', { fileIds: [pdf.json().id], problemIds: [] })
    expect(r.files).toEqual([expect.objectContaining({ name: '办法.pdf' })])
    const file = `/api/v1/files/${r.files[0].id}`
    expect((await api.unitA!.get(file)).statusCode).toBe(200)
    expect((await api.leader!.get(file)).statusCode).toBe(200)
    expect((await api.unitB!.get(file)).statusCode).toBe(404)
    expect((await api.townA!.get(file)).statusCode).toBe(404)
    // Another's upload, or one already attached, cannot be attached.
    const again = await api.office!.patch(
      `/api/v1/institutions/${r.id}`,
      { fileIds: [r.files[0].id] },
      { 'if-match': '"1"' },
    )
    expect(again.statusCode).toBe(422)
    const second = await upload(t.app, tokens.office!, {
      filename: '附件.pdf',
      data: pdfBytes('2'),
    })
    const added = await api.office!.patch(
      `/api/v1/institutions/${r.id}`,
      { fileIds: [second.json().id], public: true },
      { 'if-match': '"1"' },
    )
    expect(added.json().files).toHaveLength(2)
    // Made public, its documents are readable wherever the institution is.
    expect((await api.unitB!.get(file)).statusCode).toBe(200)
  })
})

describe('the public board', () => {
  it('lists public institutions only, with allow-listed fields and public problems only', async () => {
    const res = await t.app.inject({ url: '/api/v1/public/institutions' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers.etag).toBeTruthy()
    const items = res.json().items as Record<string, unknown>[]
    expect(items.map((i) => i.id)).not.toContain(I.ownA!.id)
    const board = items.find((i) => i.id === I.public!.id)
    expect(board).toEqual({
      id: I.public!.id,
      title: '建筑工地扬尘管控标准',
      kind: 'standard',
      docNumber: '',
      issuingUnit: '乙县',
      issuedOn: '2026-04-10',
      summary: '工地六个百分之百。',
      problems: [{ code: 'B-2', title: '乙县公开问题' }],
    })
    for (const i of items) expect(Object.keys(i).sort()).toEqual(Object.keys(board!).sort())
    expect(res.body).not.toContain('乙县内部问题')
    const again = await t.app.inject({
      url: '/api/v1/public/institutions',
      headers: { 'if-none-match': res.headers.etag as string },
    })
    expect(again.statusCode).toBe(304)
  })
})
