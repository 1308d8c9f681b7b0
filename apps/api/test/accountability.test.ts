import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import { unzip } from './dossier-factories.js'
import { pdfBytes, upload } from './evidence-factories.js'
import { client, login, makeWorld } from './factories.js'
import { apiClient, makeProblem, makeRound, qs } from './ledger-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
const tokens: Record<string, string> = {}
const api: Record<string, ReturnType<typeof client>> = {}
let problemA: { id: string }
let problemB: { id: string }
let shared: { id: string }
const records: Record<string, { id: string; version: number }> = {}

/** A record as the office sends it (a unit subject unless overridden). */
const body = (more: Record<string, unknown>) => ({
  subjectKind: 'unit',
  unitId: world.units.countyA.id,
  problemIds: [problemA.id],
  form: 'talk',
  decidingBody: '市纪委监委',
  decisionDate: '2026-03-15',
  docNumber: '江纪〔2026〕3号',
  summary: '整改进度滞后，约谈县政府主要负责同志。',
  ...more,
})

async function record(name: string, more: Record<string, unknown>) {
  const res = await api.office!.post('/api/v1/accountability', body(more))
  expect(res.statusCode, res.body).toBe(201)
  records[name] = res.json()
  return res.json()
}

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  const round = await makeRound(t.database.db)
  problemA = await makeProblem(t.database.db, { round, leadUnit: world.units.countyA })
  problemB = await makeProblem(t.database.db, { round, leadUnit: world.units.countyB })
  shared = await makeProblem(t.database.db, {
    round,
    leadUnit: world.units.eeb,
    coUnits: [world.units.countyA, world.units.countyB],
  })
  for (const who of [
    'office',
    'unitA',
    'townA',
    'unitB',
    'leader',
    'auditor',
    'admin',
    'lead',
  ] as const) {
    tokens[who] = (await login(t.app, world.users[who].username)).accessToken
    api[who] = client(t.app, tokens[who])
  }
  await record('talkA', { problemIds: [problemA.id, shared.id] })
  await record('personTown', {
    subjectKind: 'person',
    unitId: world.units.townA.id,
    personName: '张三',
    personPost: '镇长',
    form: 'admonition',
    decisionDate: '2026-04-02',
    problemIds: [problemA.id],
  })
  await record('criticismB', {
    unitId: world.units.countyB.id,
    form: 'criticism',
    decisionDate: '2026-05-20',
    problemIds: [problemB.id, shared.id],
  })
  await record('talkB', {
    unitId: world.units.countyB.id,
    decisionDate: '2025-12-01',
    problemIds: [problemB.id],
  })
})
afterAll(() => t.close())

const list = async (who: string, q: Record<string, string | number | undefined> = {}) =>
  (await api[who]!.get(`/api/v1/accountability${qs({ limit: 200, ...q })}`)).json<{
    items: { id: string; form: string; personName: string | null }[]
    total: number
  }>()

describe('who reads accountability records', () => {
  const cases = [
    ['office', 'criticismB', 200],
    ['leader', 'criticismB', 200],
    ['auditor', 'personTown', 200],
    ['unitA', 'talkA', 200],
    ['unitA', 'personTown', 200],
    ['unitA', 'criticismB', 404],
    ['townA', 'personTown', 200],
    ['townA', 'talkA', 404],
    ['unitB', 'talkA', 404],
    ['lead', 'talkA', 404],
  ] as const
  it.each(cases)('%s reading %s → %i', async (who, name, status) => {
    expect((await api[who]!.get(`/api/v1/accountability/${records[name]!.id}`)).statusCode).toBe(
      status,
    )
  })

  it('refuses the admin (separation of duties)', async () => {
    expect((await api.admin!.get('/api/v1/accountability')).statusCode).toBe(403)
  })

  it.each(['office', 'unitA', 'townA', 'unitB', 'lead'])(
    'lists for %s exactly what its detail route shows, with a total that agrees',
    async (who) => {
      const page = await list(who)
      const listed = new Set(page.items.map((r) => r.id))
      for (const r of Object.values(records)) {
        const detail = (await api[who]!.get(`/api/v1/accountability/${r.id}`)).statusCode
        expect(listed.has(r.id)).toBe(detail === 200)
      }
      expect(page.total).toBe(page.items.length)
    },
  )

  it("shows a shared problem's records to each unit only for its own part", async () => {
    expect((await list('unitA', { problem: shared.id })).items.map((r) => r.id)).toEqual([
      records.talkA!.id,
    ])
    expect((await list('unitB', { problem: shared.id })).items.map((r) => r.id)).toEqual([
      records.criticismB!.id,
    ])
    expect((await list('office', { problem: shared.id })).total).toBe(2)
  })

  it('lets a unit-scoped client read only its subtree', async () => {
    const c = await apiClient(t.app, world.users.admin, ['problems:read'], world.units.countyB.id)
    const page = (await c.get('/api/v1/accountability')).json()
    expect(page.total).toBe(2)
  })
})

describe('filters and counts', () => {
  it('filters by form, unit subtree and decision dates, newest first, paging by cursor', async () => {
    expect((await list('office', { form: 'talk' })).total).toBe(2)
    expect((await list('office', { unit: world.units.countyA.id })).total).toBe(2)
    const period = await list('office', { from: '2026-01-01', to: '2026-04-30' })
    expect(period.items.map((r) => r.id)).toEqual([records.personTown!.id, records.talkA!.id])
    const first = (await api.office!.get(`/api/v1/accountability${qs({ limit: 3 })}`)).json()
    expect(first.items).toHaveLength(3)
    const rest = (
      await api.office!.get(`/api/v1/accountability${qs({ limit: 3, cursor: first.nextCursor })}`)
    ).json()
    expect(rest).toMatchObject({ items: [{ id: records.talkB!.id }], nextCursor: null, total: 4 })
  })

  it('counts by form and subject kind for a period, scoped like the list', async () => {
    const res = await api.office!.get(
      `/api/v1/accountability/counts${qs({ from: '2026-01-01', to: '2026-12-31' })}`,
    )
    expect(res.statusCode, res.body).toBe(200)
    const counts = res.json()
    expect(counts).toMatchObject({
      from: '2026-01-01',
      total: 3,
      bySubject: { unit: 2, person: 1 },
    })
    const byForm = Object.fromEntries(
      counts.byForm.map((f: { form: string; total: number }) => [f.form, f.total]),
    )
    expect(byForm).toEqual({
      talk: 1,
      criticism: 1,
      admonition: 1,
      organisational: 0,
      party_discipline: 0,
      administrative_sanction: 0,
      judicial_transfer: 0,
    })
    const county = (await api.unitA!.get('/api/v1/accountability/counts')).json()
    expect(county).toMatchObject({ total: 2, bySubject: { unit: 1, person: 1 } })
  })
})

describe('recording and correcting', () => {
  it('refuses a person without a name, a unit with a person, a future date and unknown problems (422)', async () => {
    const post = (more: Record<string, unknown>) =>
      api.office!.post('/api/v1/accountability', body(more))
    const noName = await post({ subjectKind: 'person', personPost: '局长' })
    expect(noName.statusCode).toBe(422)
    expect(noName.json().errors).toEqual([
      { path: '/personName', message: 'is required for a person' },
    ])
    expect((await post({ personName: '李四' })).statusCode).toBe(422)
    const future = await post({ decisionDate: addDays(shanghaiDate(), 1) })
    expect(future.json().errors).toEqual([{ path: '/decisionDate', message: 'is in the future' }])
    const unknown = await post({
      problemIds: [problemA.id, '0192f000-0000-7000-8000-000000000000'],
    })
    expect(unknown.json().errors).toEqual([{ path: '/problemIds/1', message: 'no such problem' }])
    expect((await post({ form: 'warning' })).statusCode).toBe(422)
    expect((await post({ problemIds: [] })).statusCode).toBe(422)
  })

  it('refuses anyone but the office (403)', async () => {
    expect((await api.unitA!.post('/api/v1/accountability', body({}))).statusCode).toBe(403)
    expect((await api.auditor!.post('/api/v1/accountability', body({}))).statusCode).toBe(403)
  })

  it('emits accountability.recorded without the person’s name', async () => {
    const [event] = await t.database.db
      .select()
      .from(events)
      .where(eq(events.entityId, records.personTown!.id))
    expect(event).toMatchObject({ type: 'accountability.recorded', unitId: world.units.townA.id })
    expect(JSON.stringify(event!.data)).not.toContain('张三')
  })

  it('corrects a record against its version (412 stale) and keeps the rules', async () => {
    const r = await record('fix', { form: 'criticism', decisionDate: '2026-06-01' })
    const url = `/api/v1/accountability/${r.id}`
    const pdf = await upload(t.app, tokens.office!, { filename: '决定书.pdf', data: pdfBytes() })
    const ok = await api.office!.patch(
      url,
      { subjectKind: 'person', personName: '王五', personPost: '副县长', fileIds: [pdf.json().id] },
      { 'if-match': '"1"' },
    )
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ subjectKind: 'person', personName: '王五', version: 2 })
    expect(
      (await api.office!.patch(url, { summary: '改' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(412)
    const backToUnit = await api.office!.patch(url, { subjectKind: 'unit' }, { 'if-match': '"2"' })
    expect(backToUnit.json()).toMatchObject({
      subjectKind: 'unit',
      personName: null,
      personPost: null,
    })
    const file = `/api/v1/files/${ok.json().files[0].id}`
    expect((await api.unitA!.get(file)).statusCode).toBe(200)
    expect((await api.unitB!.get(file)).statusCode).toBe(404)
  })
})

describe('the dossier', () => {
  it("carries the problem's accountability records the exporter may read", async () => {
    const read = async (who: string) => {
      const res = await api[who]!.get(`/api/v1/problems/${shared.id}/dossier`)
      expect(res.statusCode, res.body).toBe(200)
      const entries = await unzip(res.rawPayload)
      return entries.find((e) => e.name === 'index.html')!.data.toString('utf8')
    }
    const office = await read('office')
    expect(office).toContain('问责情况')
    expect(office).toContain('通报批评')
    expect(office).toContain('约谈')
    const county = await read('unitA')
    expect(county).toContain('约谈')
    expect(county).not.toContain('通报批评')
  })
})
