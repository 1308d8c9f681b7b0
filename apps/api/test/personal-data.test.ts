import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataDir } from '../src/config.js'
import type { Database } from '../src/db/client.js'
import { openFieldCipher } from '../src/lib/crypto/data-keys.js'
import { sealPending } from '../src/lib/crypto/sealed-columns.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeRound } from './ledger-factories.js'
import { makeBatch, makeCase } from './petition-factories.js'
import { PUBLIC_TEST_CONFIG, submit } from './public-factories.js'

/**
 * Issue 18: personal data is sealed at rest, in either suite. Names and contacts are planted
 * through the API (a case by hand, a public report) and straight into the tables as a release
 * before encryption wrote them (then sealed by the start-up sweep); every table is then read
 * raw, as the owner role, and none of them appears in clear — while the routes that show them
 * today still show them.
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
  const PLANTED = [NAME, CONTACT, LEGACY_NAME, LEGACY_CONTACT, REPORTER, REPORTER_CONTACT]
  let created = ''
  let legacy = ''
  let reportId = ''

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
  })
  afterAll(() => t.close())

  it('seals what was plaintext, once, and then no table holds a planted value in clear', async () => {
    expect(await rawText(t.database)).toContain(LEGACY_NAME)
    const first = await sealPending(t.database, t.cipher)
    expect(first.petitions).toBe(1)
    expect(await sealPending(t.database, t.cipher)).toEqual({
      petitions: 0,
      public_reports: 0,
    })
    const raw = await rawText(t.database)
    for (const planted of PLANTED) expect(raw).not.toContain(planted)
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
    const [row] = await t.database.query<Record<string, string>>(
      `select complainant_name, complainant_contact_index from petitions where id = $1`,
      [created],
    )
    expect(next.cipher.open(row!.complainant_name!, 'petitions.complainant_name')).toBe(NAME)
    expect(row!.complainant_contact_index).toBe(next.cipher.blindIndex(CONTACT, 'contact'))
    // Back to the configured suite for whatever runs after.
    await openFieldCipher(t.database, t.config, dataDir(t.config))
  })
})
