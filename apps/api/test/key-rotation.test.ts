import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataDir } from '../src/config.js'
import {
  openFieldCipher,
  refreshFieldCipher,
  storedKeys,
  type OpenedCipher,
} from '../src/lib/crypto/data-keys.js'
import { FieldCipher } from '../src/lib/crypto/field-cipher.js'
import { keyUsage } from '../src/lib/crypto/sealed-columns.js'
import { cliContext } from '../src/lib/context.js'
import { LocalKeyService } from '../src/lib/crypto/kek.js'
import { verifyAuditChain } from '../src/modules/audit/index.js'
import { KeysService } from '../src/modules/keys/index.js'
import { PHONE_CONTEXT } from '../src/modules/problems/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeRound } from './ledger-factories.js'
import { makeBatch, makeCase } from './petition-factories.js'
import { PUBLIC_TEST_CONFIG, submit } from './public-factories.js'

/**
 * Issue 18: `rectify keys rotate --reencrypt` under load. The test app plays the running API
 * (its cipher is refreshed as server.ts's timer does), a second cipher opened on the same
 * database plays the CLI. Writers create and correct petitions, submit public reports and change
 * responsible persons' phones throughout; afterwards every value opens to what was last written, no value is under a
 * retired key and the retired keys are gone. A sweep that fails mid-batch leaves every value
 * whole and readable and is resumed by running again.
 */

type Caller = Awaited<ReturnType<typeof as>>
interface Expected {
  name: string
  contact: string
}

describe('data key rotation', () => {
  let t: TestApp
  let office: Caller
  let batchId = ''
  const petitions = new Map<string, Expected & { version: number }>()
  const reports = new Map<string, Expected>() // by tracking code
  /** Problems' responsible persons' phones as last written, by problem id. */
  const phones = new Map<string, { phone: string; version: number }>()
  let newProblem: () => Record<string, unknown> = () => ({})
  let seq = 0
  /** Rows a write is under way on: two concurrent writers never edit one row (a 412). */
  const busy = new Set<string>()
  function pick(ids: string[]): string {
    const start = seq % ids.length
    for (let i = 0; i < ids.length; i++) {
      const id = ids[(start + i) % ids.length]!
      if (!busy.has(id)) return id
    }
    throw new Error('every row is being written')
  }
  const done =
    (id: string) =>
    <T>(v: T): T => {
      busy.delete(id)
      return v
    }
  const failed = (id: string) => (e: unknown) => {
    busy.delete(id)
    throw e
  }

  async function createPetition() {
    const n = ++seq
    const want = { name: `轮换投诉人${n}`, contact: `139${String(n).padStart(8, '0')}` }
    const res = await office.post('/api/v1/petitions', {
      batchId,
      receiptNo: `ROT-${n}`,
      complaint: `夜间偷排废水（${n}）。`,
      domains: ['water'],
      complainantName: want.name,
      complainantContact: want.contact,
    })
    expect(res.statusCode, res.body).toBe(201)
    petitions.set(res.json().id, { ...want, version: res.json().version })
  }

  async function correctPetition() {
    const id = pick([...petitions.keys()])
    const cur = petitions.get(id)!
    const contact = `137${String(++seq).padStart(8, '0')}`
    busy.add(id)
    const res = await office
      .patch(
        `/api/v1/petitions/${id}`,
        { complainantContact: contact },
        { 'if-match': `"${cur.version}"` },
      )
      .then(done(id), failed(id))
    expect(res.statusCode, res.body).toBe(200)
    petitions.set(id, { ...cur, contact, version: res.json().version })
  }

  async function submitReport() {
    const n = ++seq
    const want = { name: `轮换举报人${n}`, contact: `r${n}@example.cn` }
    const res = await submit(t.app, want)
    expect(res.statusCode, res.body).toBe(201)
    reports.set(res.json().trackingCode, want)
  }

  async function createProblem() {
    const phone = `0791-${String(++seq).padStart(7, '0')}`
    const res = await office.post('/api/v1/problems', {
      ...newProblem(),
      code: `ROT-P${seq}`,
      responsiblePersons: [{ name: '轮换责任人', post: '科长', phone }],
    })
    expect(res.statusCode, res.body).toBe(201)
    phones.set(res.json().id, { phone, version: res.json().version })
  }

  async function changePhone() {
    const id = pick([...phones.keys()])
    const phone = `136${String(++seq).padStart(8, '0')}`
    busy.add(id)
    const res = await office
      .patch(
        `/api/v1/problems/${id}`,
        { responsiblePersons: [{ name: '轮换责任人', post: '科长', phone }] },
        { 'if-match': `"${phones.get(id)!.version}"` },
      )
      .then(done(id), failed(id))
    expect(res.statusCode, res.body).toBe(200)
    phones.set(id, { phone, version: res.json().version })
  }

  /**
   * Every value as stored opens, with `cipher`, to what was last written; and once a rotation is
   * done, every blind index is the active index key's (midway some are still the old key's).
   */
  async function checkAll(cipher: FieldCipher, midway = false) {
    const rows = await t.database.query<{
      id: string
      complainant_name: string
      complainant_contact: string
      complainant_contact_index: string
    }>(`select id, complainant_name, complainant_contact, complainant_contact_index from petitions`)
    expect(rows).toHaveLength(petitions.size)
    for (const r of rows) {
      const want = petitions.get(r.id)!
      expect(cipher.open(r.complainant_name, 'petitions.complainant_name')).toBe(want.name)
      expect(cipher.open(r.complainant_contact, 'petitions.complainant_contact')).toBe(want.contact)
      if (!midway)
        expect(r.complainant_contact_index).toBe(cipher.blindIndex(want.contact, 'contact'))
    }
    const sent = await t.database.query<{ tracking_code: string; name: string; contact: string }>(
      `select tracking_code, name, contact from public_reports`,
    )
    expect(sent).toHaveLength(reports.size)
    for (const r of sent) {
      const want = reports.get(r.tracking_code)!
      expect(cipher.open(r.name, 'public_reports.name')).toBe(want.name)
      expect(cipher.open(r.contact, 'public_reports.contact')).toBe(want.contact)
    }
    const problems = await t.database.query<{ id: string; p: { phone: string }[] }>(
      `select id, responsible_persons as p from problems`,
    )
    expect(problems).toHaveLength(phones.size)
    for (const r of problems)
      expect(cipher.open(r.p[0]!.phone, PHONE_CONTEXT)).toBe(phones.get(r.id)!.phone)
  }

  /** Key ids that still seal something. */
  async function keysInUse(): Promise<Set<number | null>> {
    return new Set((await keyUsage(t.database)).map((u) => u.keyId))
  }

  const cli = () => openFieldCipher(t.database, t.config, dataDir(t.config))

  beforeAll(async () => {
    t = await createTestApp(PUBLIC_TEST_CONFIG)
    const w = await makeWorld(t.database.db)
    const round = await makeRound(t.database.db)
    batchId = (await makeBatch(t.database.db, { round })).id
    office = await as(t.app, w.users.office)
    newProblem = () => ({
      roundId: round.id,
      title: '轮换中的问题',
      description: '',
      source: 'feedback',
      nature: 'individual',
      domain: 'water',
      mode: 'time_bound',
      deadline: '2099-12-31',
      leadUnitId: w.units.eeb.id,
    })
    for (let i = 0; i < 6; i++) await createProblem()
    // Cases already stored, sealed under the first key, as the API's import writes them.
    const batch = { id: batchId }
    for (let i = 0; i < 30; i++) {
      const n = ++seq
      const want = { name: `既有投诉人${n}`, contact: `138${String(n).padStart(8, '0')}` }
      const row = await makeCase(t.database.db, {
        batch,
        complainantName: t.cipher.seal(want.name, 'petitions.complainant_name'),
        complainantContact: t.cipher.seal(want.contact, 'petitions.complainant_contact'),
      })
      petitions.set(row.id, { ...want, version: row.version })
    }
    for (let i = 0; i < 3; i++) await submitReport()
  }, 180_000)
  afterAll(() => t.close())

  it(
    'loses nothing while writers keep writing, and destroys the old keys only when unused',
    { timeout: 180_000 },
    async () => {
      const rotator: OpenedCipher = await cli()
      const service = new KeysService(t.database, rotator.kms)
      const ctx = cliContext('keys')
      const old = (await storedKeys(t.database)).filter((k) => k.status === 'active')
      expect(old).toHaveLength(2)

      let stop = false
      const writer = (async () => {
        for (let i = 0; !stop; i++) {
          const write = [createPetition, correctPetition, submitReport, changePhone][i % 4]!
          await write()
        }
      })()

      const begun = await service.begin(ctx, t.config.CRYPTO_SUITE)
      expect(begun).toEqual({ resumed: false, retired: old.map((k) => k.id) })
      // The API has not loaded the new keys yet: what it writes now is under the old key.
      await createPetition()
      await refreshFieldCipher(t.database, rotator.kms, rotator.cipher)
      expect(await refreshFieldCipher(t.database, rotator.kms, t.cipher)).toBe(true)
      expect(t.cipher.active.id).toBe(rotator.cipher.active.id)
      expect(old.map((k) => k.id)).not.toContain(t.cipher.active.id)

      // Besides the writer, every committed batch starts another write that runs alongside the
      // next batches: the sweep never has the database to itself.
      const alongside: Promise<void>[] = []
      const swept = await service.sweep(rotator.cipher, {
        batch: 4,
        progress: () => {
          const write = [correctPetition, submitReport, changePhone][alongside.length % 3]!
          alongside.push(write())
        },
      })
      expect(swept.petitions).toBeGreaterThanOrEqual(30)
      expect(alongside.length).toBeGreaterThan(8)
      stop = true
      await Promise.all([writer, ...alongside])

      // Whatever a writer sealed with the old key before it loaded the new one: the next pass.
      await service.sweep(rotator.cipher, { batch: 4 })
      const finished = await service.finish(ctx)
      expect(finished).toEqual({ destroyed: old.map((k) => k.id), stillUsed: [] })
      expect((await storedKeys(t.database)).map((k) => k.status)).toEqual(['active', 'active'])

      const inUse = await keysInUse()
      for (const k of old) expect(inUse.has(k.id)).toBe(false)
      expect(inUse.has(null)).toBe(false)
      await checkAll(t.cipher)
      // A restarted API (keys unwrapped afresh) reads the same.
      await checkAll((await cli()).cipher)

      const audit = await t.database.query<{ action: string }>(
        `select action from audit_log where action like 'data_key.%' order by seq`,
      )
      expect(audit.map((a) => a.action)).toEqual([
        'data_key.rotated',
        'data_key.rotated',
        'data_key.destroyed',
        'data_key.destroyed',
      ])
      expect((await verifyAuditChain(t.database)).ok).toBe(true)
    },
  )

  it(
    'a sweep that fails mid-batch leaves every value whole and readable, and resumes',
    { timeout: 120_000 },
    async () => {
      const rotator = await cli()
      const service = new KeysService(t.database, rotator.kms)
      const ctx = cliContext('keys')
      const old = (await storedKeys(t.database)).map((k) => k.id)
      expect((await service.begin(ctx, t.config.CRYPTO_SUITE)).resumed).toBe(false)
      await refreshFieldCipher(t.database, rotator.kms, rotator.cipher)
      await refreshFieldCipher(t.database, rotator.kms, t.cipher)

      // The process dies in the middle of its third batch: the first two are committed.
      let seals = 0
      const seal = rotator.cipher.seal.bind(rotator.cipher)
      rotator.cipher.seal = (value, column) => {
        if (++seals === 2 * 4 * 2 + 3) throw new Error('killed')
        return seal(value, column)
      }
      await expect(service.sweep(rotator.cipher, { batch: 4 })).rejects.toThrow('killed')
      rotator.cipher.seal = seal

      const fresh = rotator.cipher.active.id
      const rows = await t.database.query<{ v: string }>(
        `select complainant_name as v from petitions union all select complainant_contact from petitions`,
      )
      const under = (id: number) => rows.filter((r) => FieldCipher.keyIdOf(r.v) === id).length
      expect(under(fresh)).toBe(2 * 4 * 2)
      expect(rows.every((r) => FieldCipher.isSealed(r.v))).toBe(true)
      // Values under the old key keep opening meanwhile, for the API as for everyone.
      await checkAll(t.cipher, true)
      expect((await service.finish(ctx)).destroyed).toEqual([])

      // Running again resumes: no new key, the rest re-encrypted, the old keys destroyed.
      const again = await service.begin(ctx, t.config.CRYPTO_SUITE)
      expect(again).toEqual({ resumed: true, retired: old })
      await service.sweep(rotator.cipher, { batch: 4 })
      expect((await service.finish(ctx)).destroyed).toEqual(old)
      const inUse = await keysInUse()
      for (const id of old) expect(inUse.has(id)).toBe(false)
      await checkAll(t.cipher)

      const status = await service.status()
      const data = status.keys.find((k) => k.purpose === 'data')!
      expect(data.total).toBe(2 * petitions.size + 2 * reports.size + phones.size)
      expect(data.uses['petitions.complainant_name']).toBe(petitions.size)
      expect(data.uses['problems.responsible_persons.phone']).toBe(phones.size)
      expect(status.plaintext).toEqual({})
      expect(status.orphaned).toEqual([])
    },
  )

  it(
    're-wraps the data keys under a new key-encryption key, all or none',
    { timeout: 60_000 },
    async () => {
      const rotator = await cli()
      const service = new KeysService(t.database, rotator.kms)
      const next = new LocalKeyService(Buffer.alloc(32, 7))
      const ids = await service.rewrap(cliContext('keys'), next)
      expect(ids).toHaveLength(2)
      const stored = await storedKeys(t.database)
      expect(stored.every((k) => k.kek_id === next.keyId && k.rewraps === 1)).toBe(true)
      // The old key no longer opens them; the new one does, and the values read as before.
      await expect(cli()).rejects.toThrow(/wrong DATA_KEY/)
      const reopened = await openFieldCipher(
        t.database,
        { ...t.config, DATA_KEY: Buffer.alloc(32, 7).toString('base64') },
        dataDir(t.config),
      )
      await checkAll(reopened.cipher)
      expect(await new KeysService(t.database, next).rewrap(cliContext('keys'), next)).toEqual([])
      // Back to the test key for whatever runs after.
      await new KeysService(t.database, next).rewrap(cliContext('keys'), rotator.kms)
    },
  )
})
