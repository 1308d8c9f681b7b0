import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, files, publicReports } from '../src/db/schema/index.js'
import { PublicKeys } from '../src/modules/public-reports/public-reports.keys.js'
import { TEST_SIGNING_KEY, buildAppOn, createTestApp, type TestApp } from './build-app.js'
import { pdfBytes, pngBytes, upload } from './evidence-factories.js'
import { login, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'
import {
  PUBLIC_TEST_CONFIG,
  challenge,
  publish,
  putInPublicity,
  solve,
  submit,
  uploadPublic,
  wrongNonce,
} from './public-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let published: { id: string }
let hidden: { id: string }
let inPublicity: { id: string }
let publicityId: string
const keys = new PublicKeys(TEST_SIGNING_KEY)

const post = (app: FastifyInstance, payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: payload as object })
const report = (challengeAnswer: { token: string; nonce: string }, more = {}) => ({
  reporterType: 'npc_deputy',
  content: '建议尽快公开整改进展情况。',
  challenge: challengeAnswer,
  ...more,
})
const reportRow = async (code: string) =>
  (await t.database.db.select().from(publicReports).where(eq(publicReports.trackingCode, code)))[0]!
/** Every entry under a directory, recursively. */
const listAll = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? [`${e.name}/`, ...listAll(join(dir, e.name))] : [e.name],
  )

beforeAll(async () => {
  t = await createTestApp(PUBLIC_TEST_CONFIG)
  const { db } = t.database
  world = await makeWorld(db)
  const round = await makeRound(db)
  const make = () =>
    makeProblem(db, {
      round,
      leadUnit: world.units.eeb,
      region: world.units.countyA,
      status: 'in_progress',
    })
  published = await make()
  hidden = await make()
  inPublicity = await make()
  await publish(db, published.id, inPublicity.id)
  publicityId = await putInPublicity(db, inPublicity.id)
})
afterAll(() => t.close())

describe('the proof-of-work challenge', () => {
  it('issues a signed, expiring challenge of the configured difficulty, never cached', async () => {
    const res = await t.app.inject({ url: '/api/v1/public/challenge' })
    expect(res.json()).toMatchObject({ difficulty: 4, salt: expect.any(String) })
    expect(res.headers['cache-control']).toBe('no-store')
    expect((await challenge(t.app)).salt).not.toBe(res.json().salt)
  })

  it('takes a report with a solved challenge and gives a 12-character tracking code', async () => {
    const res = await submit(t.app, {})
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/)
  })

  it('refuses a nonce that does not solve the challenge with 422 on /challenge', async () => {
    const c = await challenge(t.app)
    const res = await post(t.app, report({ token: c.token, nonce: wrongNonce(c) }))
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toEqual([
      { path: '/challenge', message: expect.stringMatching(/nonce/) },
    ])
  })

  it('refuses an expired challenge with 422', async () => {
    const c = keys.signChallenge('expired-salt', 4, new Date(Date.now() - 1000))
    const res = await post(t.app, report({ token: c.token, nonce: solve(c) }))
    expect(res.statusCode).toBe(422)
    expect(res.json().errors[0]).toMatchObject({
      path: '/challenge',
      message: expect.stringMatching(/expired/),
    })
  })

  it('refuses a forged token: an easier difficulty, or another key', async () => {
    const c = await challenge(t.app)
    const [salt, , expires, mac] = c.token.split('.')
    const easier = { ...c, difficulty: 0, token: `${salt}.0.${expires}.${mac}` }
    const other = new PublicKeys(randomBytes(32)).signChallenge(
      'forged',
      1,
      new Date(Date.now() + 60_000),
    )
    for (const forged of [easier, other]) {
      const res = await post(t.app, report({ token: forged.token, nonce: solve(forged) }))
      expect(res.statusCode).toBe(422)
      expect(res.json().errors[0].path).toBe('/challenge')
    }
    const garbage = await post(t.app, report({ token: 'not-a-token', nonce: '1' }))
    expect(garbage.statusCode).toBe(422)
  })

  it('takes one report per challenge: a replay answers 409 and records nothing', async () => {
    const c = await challenge(t.app)
    const answer = { token: c.token, nonce: solve(c) }
    expect((await post(t.app, report(answer))).statusCode).toBe(201)
    const before = await t.database.db.select({ n: count() }).from(publicReports)
    const replay = await post(t.app, report(answer, { content: '同一个挑战再提交一次。' }))
    expect(replay.statusCode).toBe(409)
    expect(await t.database.db.select({ n: count() }).from(publicReports)).toEqual(before)
  })
})

describe('what a report may name', () => {
  it('refuses an unpublished problem exactly as one that does not exist', async () => {
    const a = await submit(t.app, { problemId: hidden.id })
    const b = await submit(t.app, { problemId: '01890000-0000-7000-8000-000000000000' })
    expect(a.statusCode).toBe(422)
    expect(a.json().errors).toEqual([{ path: '/problemId', message: expect.any(String) }])
    expect(a.json().errors).toEqual(b.json().errors)
    expect(a.json().detail).toBe(b.json().detail)
  })

  it('takes an objection only while the close-out notice is open', async () => {
    const refused = await submit(t.app, { problemId: published.id, objection: true })
    expect(refused.statusCode).toBe(422)
    const res = await submit(t.app, { problemId: inPublicity.id, objection: true })
    expect(res.statusCode, res.body).toBe(201)
    expect(await reportRow(res.json().trackingCode)).toMatchObject({
      status: 'objection',
      ruling: 'pending',
      publicityId,
      problemId: inPublicity.id,
    })
  })

  it('keeps a hash of the IP, not the IP, and audits without name or contact', async () => {
    const res = await submit(t.app, { name: '李四海', contact: 'li@example.cn' })
    const row = await reportRow(res.json().trackingCode)
    expect(row).toMatchObject({ status: 'new' })
    expect(JSON.stringify(row)).not.toMatch(/李四海|li@example/)
    expect(t.cipher.open(row.name!, 'public_reports.name')).toBe('李四海')
    expect(t.cipher.open(row.contact!, 'public_reports.contact')).toBe('li@example.cn')
    expect(row.ipHash).toMatch(/^[\w-]{43}$/)
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, row.id))
    expect(entry).toMatchObject({ action: 'public_report.submitted', actorType: 'anonymous' })
    expect(entry!.after).toMatchObject({ hasContact: true, hasName: true })
    expect(JSON.stringify(entry!.after)).not.toMatch(/李四海|li@example/)
  })
})

describe('photos', () => {
  it('attaches an uploaded photo to the report, on the token it was given', async () => {
    const up = await uploadPublic(t.app, { filename: '现场.png', data: pngBytes(4) })
    expect(up.statusCode, up.body).toBe(201)
    const { id, token } = up.json()
    expect(up.json()).toMatchObject({ mimeType: 'image/png', name: '现场.png' })
    const res = await submit(t.app, { photos: [{ id, token }] })
    expect(res.statusCode, res.body).toBe(201)
    const row = await reportRow(res.json().trackingCode)
    const [file] = await t.database.db.select().from(files).where(eq(files.id, id))
    expect(file).toMatchObject({
      ownerType: 'public_report',
      ownerId: row.id,
      problemId: null,
      uploadedBy: null,
    })
    // Attached once: the same photo cannot go with a second report.
    expect((await submit(t.app, { photos: [{ id, token }] })).statusCode).toBe(422)
  })

  it('refuses a forged token, and a ledger upload even with a valid token', async () => {
    const up = (await uploadPublic(t.app, { filename: 'a.png', data: pngBytes(3) })).json()
    const forged = await submit(t.app, { photos: [{ id: up.id, token: 'A'.repeat(43) }] })
    expect(forged.statusCode).toBe(422)
    expect(forged.json().errors).toEqual([{ path: '/photos/0', message: expect.any(String) }])
    const { accessToken } = await login(t.app, world.users.unitA.username)
    const ledger = (
      await upload(t.app, accessToken, { filename: 'b.png', data: pngBytes(3) })
    ).json()
    const res = await submit(t.app, {
      photos: [{ id: ledger.id, token: keys.photoToken(ledger.id) }],
    })
    expect(res.statusCode).toBe(422)
  })

  it('refuses a PDF (415) and an oversized image (413), keeping nothing on disk or in the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rectify-public-'))
    const small = await buildAppOn(t.database, {
      ...PUBLIC_TEST_CONFIG,
      PUBLIC_FILE_MAX_BYTES: 2048,
      DATA_DIR: dataDir,
    })
    try {
      const before = await t.database.db.select({ n: count() }).from(files)
      const pdf = await uploadPublic(small, { filename: 'doc.pdf', data: pdfBytes() })
      expect(pdf.statusCode).toBe(415)
      expect(pdf.json().code).toBe('unsupported_media_type')
      const big = Buffer.concat([pngBytes(2), randomBytes(5000)])
      const tooBig = await uploadPublic(small, { filename: 'big.png', data: big })
      expect(tooBig.statusCode).toBe(413)
      expect(await t.database.db.select({ n: count() }).from(files)).toEqual(before)
      expect(listAll(join(dataDir, 'files'))).toEqual([])
    } finally {
      await small.close()
    }
  })
})

describe('tracking', () => {
  it('answers a new report as received, and 404 for an unknown code', async () => {
    const code = (await submit(t.app, {})).json().trackingCode
    const res = await t.app.inject({ url: `/api/v1/public/reports/${code}` })
    expect(res.json()).toEqual({
      trackingCode: code,
      createdAt: expect.any(String),
      status: 'received',
      reply: null,
      repliedAt: null,
      problem: null,
    })
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/)
    expect((await t.app.inject({ url: '/api/v1/public/reports/ZZZZZZZZZZZZ' })).statusCode).toBe(
      404,
    )
  })
})
