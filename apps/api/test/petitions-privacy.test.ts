import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, events, inboxMessages } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { FieldCipher } from '../src/lib/crypto/field-cipher.js'
import { createTestApp, type TestApp } from './build-app.js'
import { useSuite } from './crypto-suite.js'
import { as, client, makeWorld } from './factories.js'
import { apiClient, makeProblem, makeRound } from './ledger-factories.js'
import { makeBatch, makeCase, publishBatch } from './petition-factories.js'

/**
 * The complainant's name and contact are planted in every case; then every route that answers
 * cases (lists, details, batches, the problem's cases, repeat candidates, the public board, the
 * answers of every write, the audit log) is called by every role and kind of client, and the
 * planted values must never appear — except from the complainant route to an allowed caller,
 * each of whose reads writes exactly one audit entry that itself holds neither. Then again with
 * CRYPTO_SUITE=sm for what seals or opens (the last describe).
 */

let t: TestApp
let w: Awaited<ReturnType<typeof makeWorld>>
type Api = ReturnType<typeof client>
const callers: Record<string, Api> = {}
const NAME = '欧阳秘密'
const CONTACT = '13912345678'
const PLANTED = [NAME, CONTACT, '139****5678']
const ids: Record<'handled' | 'received' | 'other' | 'created', string> = {
  handled: '',
  received: '',
  other: '',
  created: '',
}
let batchId: string
let problemId: string
const today = shanghaiDate()

beforeAll(async () => {
  t = await createTestApp()
  const { db } = t.database
  w = await makeWorld(db)
  const round = await makeRound(db)
  const batch = await makeBatch(db, { round, published: true })
  batchId = batch.id
  const problem = await makeProblem(db, { round, leadUnit: w.units.eeb, region: w.units.countyA })
  problemId = problem.id
  const secret = { complainantName: NAME, complainantContact: CONTACT }
  ids.handled = (
    await makeCase(db, {
      batch,
      ...secret,
      handlingUnit: w.units.countyA,
      status: 'closed',
      problemId,
      reportedParty: '甲县宏达化工有限公司',
    })
  ).id
  ids.received = (
    await makeCase(db, { batch, ...secret, reportedParty: '甲县宏达化工有限公司' })
  ).id
  ids.other = (
    await makeCase(db, { batch, ...secret, handlingUnit: w.units.countyB, status: 'submitted' })
  ).id
  await publishBatch(db, batch)
  for (const [name, user] of Object.entries(w.users)) callers[name] = await as(t.app, user)
  callers.clientRead = await apiClient(t.app, w.users.admin, ['petitions:read'])
  callers.clientPii = await apiClient(t.app, w.users.admin, ['petitions:read', 'petitions:pii'])
  callers.clientUnitPii = await apiClient(
    t.app,
    w.users.admin,
    ['petitions:read', 'petitions:write', 'petitions:pii'],
    w.units.countyA.id,
  )
  callers.clientAll = await apiClient(t.app, w.users.admin, [
    'petitions:read',
    'petitions:write',
    'problems:write',
    'audit:read',
  ])
  callers.anonymous = client(t.app)

  // The writes: each answer is checked too.
  const office = callers.office!
  const writes = [
    await office.post('/api/v1/petitions', {
      batchId,
      receiptNo: 'D2ZGHJ202108310001',
      domains: ['water'],
      complaint: '反映河道排污。',
      reportedParty: '甲县宏达化工有限公司',
      ...secret,
    }),
  ]
  ids.created = writes[0]!.json().id
  writes.push(
    await office.patch(`/api/v1/petitions/${ids.created}`, { complainantName: NAME }, m(1)),
    await office.post('/api/v1/petitions/assign', {
      petitionIds: [ids.created],
      unitId: w.units.countyA.id,
    }),
    await callers.unitA!.post(
      `/api/v1/petitions/${ids.created}/report`,
      { finding: 'true', investigation: '属实', measures: '已整改' },
      m(3),
    ),
    await office.post(`/api/v1/petitions/${ids.created}/review`, { decision: 'close' }, m(4)),
    await office.post(
      `/api/v1/petitions/${ids.created}/callback`,
      { satisfaction: 'satisfied', on: today },
      m(5),
    ),
    await office.post(`/api/v1/petitions/${ids.created}/problem`, { problemId }, m(6)),
    await office.post(`/api/v1/petitions/${ids.created}/repeat`, { repeatOfId: ids.handled }, m(7)),
    await office.post(
      `/api/v1/petitions/${ids.received}/problem`,
      { open: { title: '宏达化工排污', leadUnitId: w.units.eeb.id, deadline: addDays(today, 30) } },
      m(1),
    ),
  )
  for (const res of writes) {
    expect(res.statusCode, res.body).toBeLessThan(300)
    for (const s of PLANTED) expect(res.body).not.toContain(s)
  }
})
afterAll(() => t.close())

const m = (v: number) => ({ 'if-match': `"${v}"` })
/** Rows as text (audit and event sequence numbers are bigints). */
const text = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))

const READS = () => [
  '/api/v1/petitions',
  `/api/v1/petitions?batch=${batchId}&limit=200`,
  `/api/v1/petitions?problem=${problemId}`,
  `/api/v1/petitions?q=${encodeURIComponent('宏达')}`,
  ...Object.values(ids).map((id) => `/api/v1/petitions/${id}`),
  ...Object.values(ids).map((id) => `/api/v1/petitions/${id}/repeat-candidates`),
  '/api/v1/petition-batches',
  `/api/v1/petition-batches/${batchId}`,
  '/api/v1/public/petition-batches',
  `/api/v1/public/petition-batches/${batchId}`,
  `/api/v1/problems/${problemId}`,
  '/api/v1/audit?limit=200',
]

describe('the complainant never leaves through a case', () => {
  it('holds the planted complainant in the database', async () => {
    const res = await callers.office!.get(`/api/v1/petitions/${ids.handled}/complainant`)
    expect(res.json()).toEqual({ name: NAME, contact: CONTACT, erasedAt: null })
  })

  const who = [
    'admin',
    'office',
    'lead',
    'unitA',
    'townA',
    'unitB',
    'leader',
    'auditor',
    'clientRead',
    'clientPii',
    'clientUnitPii',
    'clientAll',
    'anonymous',
  ]
  it.each(who)('in any answer to %s', async (name) => {
    let answered = 0
    for (const url of READS()) {
      const res = await callers[name]!.get(url)
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500)
      if (res.statusCode === 200) answered++
      for (const s of PLANTED) expect(res.body, url).not.toContain(s)
    }
    expect(answered).toBeGreaterThan(0)
  })

  it('nor in events, inbox messages or any audit entry', async () => {
    const { db } = t.database
    const all = text([
      await db.select().from(events),
      await db.select().from(inboxMessages),
      await db.select().from(auditLog),
    ])
    for (const s of PLANTED) expect(all).not.toContain(s)
  })
})

describe('the complainant route', () => {
  const cases = [
    // [caller, case, status]
    ['office', 'handled', 200],
    ['office', 'received', 200],
    ['unitA', 'handled', 200],
    ['townA', 'handled', 404],
    ['unitA', 'received', 404],
    ['unitA', 'other', 404],
    ['unitB', 'handled', 404],
    ['unitB', 'other', 200],
    ['lead', 'handled', 404],
    ['leader', 'handled', 403],
    ['auditor', 'handled', 403],
    ['admin', 'handled', 403],
    ['clientRead', 'handled', 403],
    ['clientPii', 'handled', 200],
    ['clientUnitPii', 'handled', 200],
    ['clientUnitPii', 'other', 404],
    ['anonymous', 'handled', 401],
  ] as const
  it.each(cases)(
    'answers %s for the %s case with %i, auditing each read',
    async (who, which, status) => {
      const id = ids[which]
      const audited = () =>
        t.database.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'petition.complainant_viewed')))
      const before = (await audited()).length
      const res = await callers[who]!.get(`/api/v1/petitions/${id}/complainant`)
      expect(res.statusCode, res.body).toBe(status)
      const after = await audited()
      expect(after.length - before).toBe(status === 200 ? 1 : 0)
      if (status === 200) {
        expect(res.json()).toEqual({ name: NAME, contact: CONTACT, erasedAt: null })
        for (const s of PLANTED) expect(text(after)).not.toContain(s)
      } else for (const s of PLANTED) expect(res.body).not.toContain(s)
    },
  )

  it('tells each caller whether it may read the complainant', async () => {
    const may = async (who: string) =>
      (await callers[who]!.get(`/api/v1/petitions/${ids.handled}`)).json().canViewComplainant
    expect(await may('office')).toBe(true)
    expect(await may('unitA')).toBe(true)
    expect(await may('leader')).toBe(false)
    expect(await may('auditor')).toBe(false)
    expect(await may('clientRead')).toBe(false)
    expect(await may('clientPii')).toBe(true)
  })
})

/**
 * The same with CRYPTO_SUITE=sm (SM4-CTR + HMAC-SM3), for what depends on the suite: a case
 * written and corrected through the API is sealed under SM4 with HMAC-SM3 blind indexes, the
 * complainant route opens it (and the cases sealed before the switch) for exactly the callers
 * above, and no answer, event, message or audit entry holds it. The routes that never select
 * the complainant do not depend on the suite and are not run twice.
 */
describe('with CRYPTO_SUITE=sm', () => {
  let smCase = ''
  beforeAll(async () => {
    await useSuite(t, 'sm')
    const office = callers.office!
    const made = await office.post('/api/v1/petitions', {
      batchId,
      receiptNo: 'D2ZGHJ202108310002',
      domains: ['water'],
      complaint: '反映河道夜间排污。',
      reportedParty: '甲县宏达化工有限公司',
      complainantName: NAME,
      complainantContact: CONTACT,
    })
    expect(made.statusCode, made.body).toBe(201)
    smCase = made.json().id
    const writes = [
      made,
      await office.patch(`/api/v1/petitions/${smCase}`, { complainantContact: CONTACT }, m(1)),
      await office.post('/api/v1/petitions/assign', {
        petitionIds: [smCase],
        unitId: w.units.countyA.id,
      }),
    ]
    for (const res of writes) {
      expect(res.statusCode, res.body).toBeLessThan(300)
      for (const s of PLANTED) expect(res.body).not.toContain(s)
    }
  })

  it('seals the complainant with SM4 and indexes it with HMAC-SM3', async () => {
    expect(t.cipher.active.suite.name).toBe('sm')
    const [row] = await t.database.query<Record<string, string>>(
      `select complainant_name, complainant_contact, complainant_contact_index
         from petitions where id = $1`,
      [smCase],
    )
    const prefix = FieldCipher.prefixOf(t.cipher.active)
    expect(row!.complainant_name!.startsWith(prefix)).toBe(true)
    expect(row!.complainant_contact!.startsWith(prefix)).toBe(true)
    expect(row!.complainant_contact_index).toBe(t.cipher.blindIndex(CONTACT, 'contact'))
  })

  const cases = [
    ['office', 200],
    ['unitA', 200],
    ['clientPii', 200],
    ['clientUnitPii', 200],
    ['unitB', 404],
    ['leader', 403],
    ['clientRead', 403],
  ] as const
  it.each(cases)('answers %s with %i, auditing each read', async (who, status) => {
    for (const id of [smCase, ids.created]) {
      const before = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'petition.complainant_viewed')))
      const res = await callers[who]!.get(`/api/v1/petitions/${id}/complainant`)
      expect(res.statusCode, res.body).toBe(status)
      const after = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'petition.complainant_viewed')))
      expect(after.length - before.length).toBe(status === 200 ? 1 : 0)
      if (status === 200)
        expect(res.json()).toEqual({ name: NAME, contact: CONTACT, erasedAt: null })
      else for (const s of PLANTED) expect(res.body).not.toContain(s)
    }
  })

  it.each(['office', 'unitA', 'clientAll'])('in no other answer to %s', async (name) => {
    for (const url of [
      ...READS(),
      `/api/v1/petitions/${smCase}`,
      `/api/v1/petitions/${smCase}/repeat-candidates`,
    ]) {
      const res = await callers[name]!.get(url)
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500)
      for (const s of PLANTED) expect(res.body, url).not.toContain(s)
    }
  })

  it('nor in events, inbox messages or any audit entry', async () => {
    const { db } = t.database
    const all = text([
      await db.select().from(events),
      await db.select().from(inboxMessages),
      await db.select().from(auditLog),
    ])
    for (const s of PLANTED) expect(all).not.toContain(s)
  })
})
