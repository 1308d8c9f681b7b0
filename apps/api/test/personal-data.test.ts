import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataDir } from '../src/config.js'
import type { Database } from '../src/db/client.js'
import { openFieldCipher } from '../src/lib/crypto/data-keys.js'
import { FieldCipher } from '../src/lib/crypto/field-cipher.js'
import { sealPending } from '../src/lib/crypto/sealed-columns.js'
import { cliContext } from '../src/lib/context.js'
import { redactSnapshotPhones } from '../src/modules/acceptance/index.js'
import { snapshotSha256 } from '../src/modules/acceptance/snapshot.js'
import { PHONE_CONTEXT } from '../src/modules/problems/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'
import { makeBatch, makeCase } from './petition-factories.js'
import { PUBLIC_TEST_CONFIG, submit } from './public-factories.js'

/**
 * Issue 18: personal data is sealed at rest, in either suite. Names, contacts and responsible
 * persons' phones are planted through the API (a case by hand, a public report, a problem created
 * and edited) and straight into the tables as a release before encryption wrote them (then sealed
 * by the start-up sweep); every table — the audit log too — is then read raw, as the owner role,
 * and none of them appears in clear, while the routes that show them today still show them.
 */
export async function rawText(database: Database): Promise<string> {
  const tables = await database.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )
  const parts: string[] = []
  for (const { name } of tables) {
    const [row] = await database.query<{ s: string | null }>(
      `select string_agg(t::text, E'\\n') as s from "${name}" t`,
    )
    parts.push(row?.s ?? '')
  }
  return parts.join('\n')
}

describe.each(['intl', 'sm'] as const)('personal data at rest, suite %s', (suite) => {
  let t: TestApp
  const NAME = `欧阳保密${suite}`
  const CONTACT = suite === 'sm' ? '13911112222' : '13933334444'
  const LEGACY_NAME = `旧版投诉人${suite}`
  const LEGACY_CONTACT = suite === 'sm' ? '13855556666' : '13877778888'
  const REPORTER = `公众举报人${suite}`
  const REPORTER_CONTACT = suite === 'sm' ? 'a-sm@example.cn' : 'a-intl@example.cn'
  // Responsible persons' phones: created, then changed by an edit (both in the audit's diff),
  // and one written in clear as before encryption.
  const PHONE = suite === 'sm' ? '0791-5550101' : '0791-5550202'
  const EDITED_PHONE = suite === 'sm' ? '13600001111' : '13600002222'
  const LEGACY_PHONE = suite === 'sm' ? '0792-6660303' : '0792-6660404'
  const PLANTED = [NAME, CONTACT, LEGACY_NAME, LEGACY_CONTACT, REPORTER, REPORTER_CONTACT]
  const PHONES = [PHONE, EDITED_PHONE, LEGACY_PHONE]
  const LEGACY_SNAPSHOT = {
    problem: {
      id: '',
      code: `PD-${suite}-OLD`,
      responsiblePersons: [{ name: '赵旧版', post: '主任', phone: LEGACY_PHONE }],
    },
    measures: [{ content: '清理河道', percent: 100 }],
    reports: [],
    files: [],
  }
  let created = ''
  let legacy = ''
  let reportId = ''
  let problemId = ''
  let legacyProblem = ''

  beforeAll(async () => {
    t = await createTestApp({ ...PUBLIC_TEST_CONFIG, CRYPTO_SUITE: suite })
    const { db } = t.database
    const w = await makeWorld(db)
    const round = await makeRound(db)
    const batch = await makeBatch(db, { round })
    const office = await as(t.app, w.users.office)
    const res = await office.post('/api/v1/petitions', {
      batchId: batch.id,
      receiptNo: `PD-${suite}-1`,
      complaint: '夜间偷排废水。',
      domains: ['water'],
      complainantName: NAME,
      complainantContact: CONTACT,
    })
    expect(res.statusCode, res.body).toBe(201)
    created = res.json().id
    // As a release before encryption wrote it: plaintext in the row.
    legacy = (
      await makeCase(db, {
        batch,
        complainantName: LEGACY_NAME,
        complainantContact: LEGACY_CONTACT,
      })
    ).id
    const sent = await submit(t.app, { name: REPORTER, contact: REPORTER_CONTACT })
    expect(sent.statusCode, sent.body).toBe(201)
    const [r] = await t.database.query<{ id: string }>(
      `select id from public_reports where tracking_code = $1`,
      [sent.json().trackingCode],
    )
    reportId = r!.id

    const made = await office.post('/api/v1/problems', {
      roundId: round.id,
      code: `PD-${suite}-P1`,
      title: '污水直排',
      description: '',
      source: 'feedback',
      nature: 'individual',
      domain: 'water',
      mode: 'time_bound',
      deadline: '2099-12-31',
      leadUnitId: w.units.eeb.id,
      responsiblePersons: [{ name: '李责任', post: '科长', phone: PHONE }],
    })
    expect(made.statusCode, made.body).toBe(201)
    problemId = made.json().id
    expect(made.json().responsiblePersons).toEqual([{ name: '李责任', post: '科长', phone: PHONE }])
    const edited = await office.patch(
      `/api/v1/problems/${problemId}`,
      {
        responsiblePersons: [
          { name: '李责任', post: '科长', phone: PHONE },
          { name: '王责任', post: '股长', phone: EDITED_PHONE },
        ],
      },
      { 'if-match': `"${made.json().version}"` },
    )
    expect(edited.statusCode, edited.body).toBe(200)
    const old = await makeProblem(db, { round, leadUnit: w.units.eeb })
    legacyProblem = old.id
    await t.database.query(`update problems set responsible_persons = $1::jsonb where id = $2`, [
      JSON.stringify([{ name: '赵旧版', post: '主任', phone: LEGACY_PHONE }]),
      legacyProblem,
    ])
    // An acceptance snapshot frozen by a release before the phones were sealed: the problem as
    // the API returned it then, phone in clear, and the snapshot's hash.
    const [acceptanceId, reviewId] = [randomUUID(), randomUUID()]
    await t.database.query(
      `insert into acceptances (id, problem_id, seq, self_check, levels, criteria, applied_by_name)
       values ($1, $2, 1, '自验合格', '["city"]', '[]', '整改办')`,
      [acceptanceId, legacyProblem],
    )
    LEGACY_SNAPSHOT.problem.id = legacyProblem
    await t.database.query(
      `insert into acceptance_reviews (id, acceptance_id, problem_id, level, level_kind,
         reviewer_name, check_date, checklist, opinion, decision, snapshot, snapshot_sha256)
       values ($1, $2, $3, 1, 'city', '复核人', '2026-01-05', '[]', '同意', 'pass', $4::jsonb, $5)`,
      [
        reviewId,
        acceptanceId,
        legacyProblem,
        JSON.stringify(LEGACY_SNAPSHOT),
        snapshotSha256(LEGACY_SNAPSHOT),
      ],
    )
  })
  afterAll(() => t.close())

  it('seals what was plaintext, once, and then no table holds a planted value in clear', async () => {
    const before = await rawText(t.database)
    expect(before).toContain(LEGACY_NAME)
    expect(before).toContain(LEGACY_PHONE)
    const first = await sealPending(t.database, t.cipher)
    expect(first.petitions).toBe(1)
    expect(first.problems).toBe(1)
    // The old snapshot is rewritten without the phone, its new hash audited beside the old one.
    expect(await redactSnapshotPhones(t.database.db, cliContext('test'))).toBe(1)
    expect(await redactSnapshotPhones(t.database.db, cliContext('test'))).toBe(0)
    const [review] = await t.database.query<{ snapshot: typeof LEGACY_SNAPSHOT; sha: string }>(
      `select snapshot, snapshot_sha256 as sha from acceptance_reviews where problem_id = $1`,
      [legacyProblem],
    )
    expect(review!.snapshot.problem.responsiblePersons).toEqual([{ name: '赵旧版', post: '主任' }])
    expect(review!.snapshot.measures).toEqual(LEGACY_SNAPSHOT.measures)
    expect(review!.sha).toBe(snapshotSha256(review!.snapshot))
    const [redaction] = await t.database.query<{ before: { snapshotSha256: string } }>(
      `select before from audit_log where action = 'acceptance.snapshot_redacted'`,
    )
    expect(redaction!.before.snapshotSha256).toBe(snapshotSha256(LEGACY_SNAPSHOT))
    expect(await sealPending(t.database, t.cipher)).toEqual({
      petitions: 0,
      public_reports: 0,
      problems: 0,
    })
    const raw = await rawText(t.database)
    for (const planted of [...PLANTED, ...PHONES]) expect(raw).not.toContain(planted)
    // Not even with its separators dropped (as the audit's keyed hash normalises it).
    for (const phone of PHONES) expect(raw).not.toContain(phone.replace(/-/g, ''))
    const [persons] = await t.database.query<{ p: { name: string; phone: string }[] }>(
      `select responsible_persons as p from problems where id = $1`,
      [legacyProblem],
    )
    expect(persons!.p[0]).toMatchObject({ name: '赵旧版', phone: expect.stringMatching(/^enc:/) })
    // The edit is in the audit log as a changed value, each phone as its keyed hash.
    const [entry] = await t.database.query<{ after: { responsiblePersons: { phone: string }[] } }>(
      `select after from audit_log where entity_id = $1 and action = 'problem.updated'`,
      [problemId],
    )
    expect(entry!.after.responsiblePersons.map((p) => p.phone)).toEqual([
      t.cipher.blindIndex(PHONE, 'phone'),
      t.cipher.blindIndex(EDITED_PHONE, 'phone'),
    ])
    const [row] = await t.database.query<Record<string, string>>(
      `select complainant_name, complainant_contact_index from petitions where id = $1`,
      [legacy],
    )
    expect(row!.complainant_name).toMatch(/^enc:/)
    expect(row!.complainant_contact_index).toBe(t.cipher.blindIndex(LEGACY_CONTACT, 'contact'))
    const [key] = await t.database.query<{ suite: string }>(
      `select suite from data_keys where status = 'active' and purpose = 'data'`,
    )
    expect(key!.suite).toBe(suite)
  })

  it('the routes that show them today still do, to those who may see them', async () => {
    const w = await makeWorld(t.database.db)
    const office = await as(t.app, w.users.office)
    for (const [id, name, contact] of [
      [created, NAME, CONTACT],
      [legacy, LEGACY_NAME, LEGACY_CONTACT],
    ] as const) {
      const res = await office.get(`/api/v1/petitions/${id}/complainant`)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toEqual({ name, contact, erasedAt: null })
    }
    const report = (await office.get(`/api/v1/public-reports/${reportId}`)).json()
    expect(report).toMatchObject({ name: REPORTER, contact: REPORTER_CONTACT })
    // The problem's own page shows the phones; the list, which never showed them, leaves them out.
    const problem = (await office.get(`/api/v1/problems/${problemId}`)).json()
    expect(problem.responsiblePersons.map((p: { phone: string }) => p.phone)).toEqual([
      PHONE,
      EDITED_PHONE,
    ])
    const swept = (await office.get(`/api/v1/problems/${legacyProblem}`)).json()
    expect(swept.responsiblePersons).toEqual([
      { name: '赵旧版', post: '主任', phone: LEGACY_PHONE },
    ])
    const list = await office.get('/api/v1/problems?limit=200')
    expect(list.statusCode, list.body).toBe(200)
    const listed = list.json().items.find((p: { id: string }) => p.id === problemId)
    expect(listed.responsiblePersons).toEqual([
      { name: '李责任', post: '科长' },
      { name: '王责任', post: '股长' },
    ])
  })

  it('after a suite change, old values still open and blind indexes are recomputed', async () => {
    const other = suite === 'intl' ? 'sm' : 'intl'
    const next = await openFieldCipher(
      t.database,
      { ...t.config, CRYPTO_SUITE: other },
      dataDir(t.config),
    )
    expect(next.cipher.active.suite.name).toBe(other)
    const swept = await sealPending(t.database, next.cipher)
    expect(swept.petitions).toBe(2)
    // Phones have no blind index: nothing to recompute, and they stay under the old key.
    expect(swept.problems).toBe(0)
    const [row] = await t.database.query<Record<string, string>>(
      `select complainant_name, complainant_contact_index from petitions where id = $1`,
      [created],
    )
    expect(next.cipher.open(row!.complainant_name!, 'petitions.complainant_name')).toBe(NAME)
    expect(row!.complainant_contact_index).toBe(next.cipher.blindIndex(CONTACT, 'contact'))
    const [p] = await t.database.query<{ p: { phone: string }[] }>(
      `select responsible_persons as p from problems where id = $1`,
      [problemId],
    )
    expect(FieldCipher.keyIdOf(p!.p[1]!.phone)).not.toBe(next.cipher.active.id)
    expect(next.cipher.open(p!.p[1]!.phone, PHONE_CONTEXT)).toBe(EDITED_PHONE)
    // Back to the configured suite for whatever runs after.
    await openFieldCipher(t.database, t.config, dataDir(t.config))
  })
})
