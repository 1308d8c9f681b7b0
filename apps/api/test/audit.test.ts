import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, asc, count, eq, type SQL } from 'drizzle-orm'
import type { AuditEntry, AuditPage, Unit, User } from '@rectify/schemas'
import { auditLog, units } from '../src/db/schema/index.js'
import {
  GENESIS_HASH,
  chainHash,
  chainTemplate,
  recordAudit,
} from '../src/modules/audit/audit.writer.js'
import { cliContext } from '../src/lib/context.js'
import { configureAuditHash } from '../src/lib/crypto/audit-hash.js'
import { sha256Hex } from '../src/lib/hash.js'
import { verifyAuditChain } from '../src/modules/audit/audit.service.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, client, login, makeUnit, makeWorld } from './factories.js'

type Client = Awaited<ReturnType<typeof as>>
type World = Awaited<ReturnType<typeof makeWorld>>

let t: TestApp
let world: World
let admin: Client
let auditor: Client

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  admin = await as(t.app, world.users.admin)
  auditor = await as(t.app, world.users.auditor)
})
afterAll(() => t.close())

const rid = (name: string) => ({ 'x-request-id': name })
const ifMatch = (version: number, requestId: string) => ({
  'if-match': `"${version}"`,
  ...rid(requestId),
})
const byRequest = (requestId: string) =>
  t.database.db.select().from(auditLog).where(eq(auditLog.requestId, requestId))
const allEntries = () => t.database.db.select().from(auditLog).orderBy(asc(auditLog.seq))
const countWhere = async (where: SQL | undefined) =>
  (await t.database.db.select({ n: count() }).from(auditLog).where(where))[0]!.n
/** Raw SQL, several statements in one string (one connection on either driver). */
const execSql = (text: string) =>
  t.database.pglite ? t.database.pglite.exec(text) : t.database.query(text)

/** Every entry a client's audit query returns, walking all pages. */
async function walk(
  c: Client,
  query: string,
  limit = 2,
): Promise<{ items: AuditEntry[]; totals: number[] }> {
  const items: AuditEntry[] = []
  const totals: number[] = []
  let cursor: string | null = null
  do {
    const res = await c.get(
      `/api/v1/audit?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
    )
    expect(res.statusCode).toBe(200)
    const page = res.json<AuditPage>()
    items.push(...page.items)
    totals.push(page.total)
    cursor = page.nextCursor
  } while (cursor)
  return { items, totals }
}

async function expectChainIntact() {
  const rows = await allEntries()
  rows.forEach((r, i) => {
    expect(r.seq).toBe(BigInt(i + 1))
    expect(r.prevHash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]!.hash)
  })
  expect(await verifyAuditChain(t.database)).toEqual({ ok: true, checked: rows.length })
  return rows
}

describe('what the audit log records', () => {
  it('records every write with actor, action, entity, request id, ip and the changed fields only', async () => {
    const created = (
      await admin.post(
        '/api/v1/units',
        { code: 'AUD-1', name: '审计测试', kind: 'other', parentId: world.units.city.id },
        rid('w-unit-create'),
      )
    ).json<Unit>()
    await admin.patch(
      `/api/v1/units/${created.id}`,
      { name: '审计测试改' },
      ifMatch(1, 'w-unit-rename'),
    )
    await admin.patch(
      `/api/v1/units/${created.id}`,
      { parentId: world.units.countyA.id },
      ifMatch(2, 'w-unit-move'),
    )
    await admin.patch(
      `/api/v1/units/${created.id}`,
      { active: false },
      ifMatch(3, 'w-unit-deactivate'),
    )
    const user = (
      await admin.post(
        '/api/v1/users',
        {
          username: 'aud.user',
          displayName: '甲',
          unitId: world.units.countyA.id,
          roles: ['unit'],
          password: 'Qz7!river-bend',
        },
        rid('w-user-create'),
      )
    ).json<User>()
    await admin.patch(
      `/api/v1/users/${user.id}`,
      { displayName: '乙' },
      ifMatch(1, 'w-user-rename'),
    )
    await login(t.app, 'aud.user', 'Qz7!river-bend')
    await admin.patch(
      `/api/v1/users/${user.id}`,
      { status: 'disabled' },
      ifMatch(2, 'w-user-disable'),
    )
    await admin.post(
      `/api/v1/users/${world.users.townA.id}/password`,
      { password: 'Nw8%lake-shore' },
      rid('w-user-reset'),
    )

    const expected: [string, string, string, string, object | null, object | null][] = [
      [
        'w-unit-create',
        'unit.created',
        'unit',
        created.id,
        null,
        { code: 'AUD-1', name: '审计测试', parentId: world.units.city.id },
      ],
      [
        'w-unit-rename',
        'unit.updated',
        'unit',
        created.id,
        { name: '审计测试' },
        { name: '审计测试改' },
      ],
      [
        'w-unit-move',
        'unit.updated',
        'unit',
        created.id,
        { parentId: world.units.city.id },
        { parentId: world.units.countyA.id },
      ],
      [
        'w-unit-deactivate',
        'unit.updated',
        'unit',
        created.id,
        { active: true },
        { active: false },
      ],
      [
        'w-user-create',
        'user.created',
        'user',
        user.id,
        null,
        { username: 'aud.user', roles: ['unit'] },
      ],
      [
        'w-user-rename',
        'user.updated',
        'user',
        user.id,
        { displayName: '甲' },
        { displayName: '乙' },
      ],
      [
        'w-user-disable',
        'user.disabled',
        'user',
        user.id,
        { status: 'active' },
        { status: 'disabled', sessionsEnded: 1 },
      ],
      [
        'w-user-reset',
        'user.password_reset',
        'user',
        world.users.townA.id,
        null,
        { sessionsEnded: 0 },
      ],
    ]
    for (const [requestId, action, entityType, entityId, before, after] of expected) {
      const entries = await byRequest(requestId)
      expect(entries, requestId).toHaveLength(1)
      const e = entries[0]!
      expect(e, requestId).toMatchObject({
        actorType: 'user',
        actorId: world.users.admin.id,
        actorName: world.users.admin.username,
        action,
        entityType,
        entityId,
        ip: '127.0.0.1',
      })
      if (action.endsWith('.created')) {
        expect(e.before).toBeNull()
        expect(e.after).toMatchObject(after!)
      } else {
        expect(e.before, requestId).toEqual(before)
        expect(e.after, requestId).toEqual(after)
      }
    }
  })

  it('links every entry to the previous one in one contiguous chain, which verifies', async () => {
    const rows = await expectChainIntact()
    expect(rows.length).toBeGreaterThan(10)
    const { items } = await walk(auditor, '', 200)
    expect(items.map((e) => e.seq)).toEqual(rows.map((r) => r.seq.toString()).reverse())
    items.slice(0, -1).forEach((e, i) => expect(e.prevHash).toBe(items[i + 1]!.hash))
  })

  it('records a forbidden attempt as authz.denied and creates nothing', async () => {
    const office = await as(t.app, world.users.office)
    const res = await office.post(
      '/api/v1/units',
      { code: 'DENIED', name: '越权', kind: 'other', parentId: null },
      rid('w-denied'),
    )
    expect(res.statusCode).toBe(403)
    expect(await byRequest('w-denied')).toMatchObject([
      {
        action: 'authz.denied',
        actorId: world.users.office.id,
        entityType: 'route',
        entityId: 'POST /api/v1/units',
      },
    ])
    expect(await t.database.db.select().from(units).where(eq(units.code, 'DENIED'))).toHaveLength(0)
  })

  it('records a failed login as auth.login_failed, for a known and an unknown username', async () => {
    const anon = client(t.app)
    expect(
      (
        await anon.post(
          '/api/v1/auth/login',
          { username: world.users.unitB.username, password: 'wrong' },
          rid('w-fail-known'),
        )
      ).statusCode,
    ).toBe(401)
    expect(
      (
        await anon.post(
          '/api/v1/auth/login',
          { username: 'nobody.here', password: 'wrong' },
          rid('w-fail-unknown'),
        )
      ).statusCode,
    ).toBe(401)
    expect(await byRequest('w-fail-known')).toMatchObject([
      {
        action: 'auth.login_failed',
        actorType: 'anonymous',
        entityId: world.users.unitB.id,
        after: { username: world.users.unitB.username.toLowerCase(), failures: 1 },
      },
    ])
    expect(await byRequest('w-fail-unknown')).toMatchObject([
      { action: 'auth.login_failed', entityId: null, after: { username: 'nobody.here' } },
    ])
  })
})

describe('the append-only log', () => {
  it.each([
    ['UPDATE', `update audit_log set action = 'forged' where seq = 1`],
    ['DELETE', 'delete from audit_log where seq = 1'],
    ['TRUNCATE', 'truncate audit_log'],
  ])('refuses %s and leaves every row intact', async (_op, statement) => {
    const before = await allEntries()
    await expect(t.database.query(statement)).rejects.toThrow(/append-only/)
    expect(await allEntries()).toEqual(before)
  })

  it('keeps one contiguous, verifiable chain under twenty concurrent writers', async () => {
    const targets = await Promise.all(
      Array.from({ length: 10 }, () => makeUnit(t.database.db, { parent: world.units.eeb })),
    )
    const answers = await Promise.all([
      ...targets.map((u, i) =>
        admin.patch(`/api/v1/units/${u.id}`, { name: `并发${i}` }, ifMatch(1, `c-rename-${i}`)),
      ),
      ...targets.map((_, i) =>
        admin.post(
          '/api/v1/units',
          { code: `CONC-${i}`, name: `并发新${i}`, kind: 'other', parentId: world.units.eeb.id },
          rid(`c-create-${i}`),
        ),
      ),
    ])
    expect(answers.map((r) => r.statusCode).sort()).toEqual([
      ...Array(10).fill(200),
      ...Array(10).fill(201),
    ])
    for (let i = 0; i < 10; i++) {
      expect(await byRequest(`c-rename-${i}`)).toHaveLength(1)
      expect(await byRequest(`c-create-${i}`)).toHaveLength(1)
    }
    await expectChainIntact()
  })
})

describe('the append at the end of the transaction', () => {
  const ctx = cliContext('audit-test')
  const awkward = {
    text: '引号 " 反斜杠 \\ 换行\n制表\t 😀 \u2028 </script>',
    nested: { b: [1, 2.5, -0.001, 1e21, true, null], a: { z: '', y: 'ü' } },
  }

  it('cuts the canonical form at the fields only the append knows', () => {
    const fields = {
      actorType: 'cli',
      actorId: null,
      actorName: 'cli:x',
      unitId: null,
      action: 'test.awkward',
      entityType: 'test',
      entityId: 'e"1',
      before: null,
      after: awkward,
      requestId: null,
      ip: '127.0.0.1',
      userAgent: 'ua',
    }
    const [p0, p1, p2, p3] = chainTemplate(fields)
    const at = '2026-12-06T01:02:03.004Z'
    const prevHash = 'ab'.repeat(32)
    expect(chainHash({ ...fields, at, prevHash, seq: '42' })).toBe(
      sha256Hex(prevHash + p0 + at + p1 + prevHash + p2 + '42' + p3),
    )
  })

  it('hashes in the database exactly what verification recomputes, awkward text included', async () => {
    await t.database.db.transaction((tx) =>
      recordAudit(
        tx,
        ctx,
        { action: 'test.awkward', entityType: 'test', entityId: 'a-1', after: awkward },
        { action: 'test.awkward', entityType: 'test', entityId: 'a-2', before: awkward },
      ),
    )
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'test.awkward'))
      .orderBy(asc(auditLog.seq))
    expect(rows.map((r) => r.entityId)).toEqual(['a-1', 'a-2'])
    expect(rows[1]!.seq).toBe(rows[0]!.seq + 1n)
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash)
    expect(rows[0]!.after).toEqual(awkward)
    await expectChainIntact()
  })

  it('writes what a transaction recorded only if it commits, however early it recorded it', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await recordAudit(tx, ctx, { action: 'test.rolled_back', entityType: 'test' })
        await tx.select().from(units).limit(1)
        throw new Error('fails after recording')
      }),
    ).rejects.toThrow('fails after recording')
    expect(await countWhere(eq(auditLog.action, 'test.rolled_back'))).toBe(0)

    await t.database.db.transaction(async (tx) => {
      await recordAudit(tx, ctx, { action: 'test.early', entityType: 'test', entityId: 'first' })
      await tx.select().from(units).limit(1)
      await recordAudit(tx, ctx, { action: 'test.early', entityType: 'test', entityId: 'second' })
    })
    const early = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'test.early'))
      .orderBy(asc(auditLog.seq))
    expect(early.map((r) => r.entityId)).toEqual(['first', 'second'])
    await expectChainIntact()
  })

  // PGlite has one connection: two open transactions at once need PostgreSQL.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'takes no lock while a transaction works: another commits its entry meanwhile',
    async () => {
      let release!: () => void
      const held = new Promise<void>((r) => (release = r))
      let recorded!: () => void
      const hasRecorded = new Promise<void>((r) => (recorded = r))
      const slow = t.database.db.transaction(async (tx) => {
        await recordAudit(tx, ctx, { action: 'test.slow', entityType: 'test' })
        recorded()
        await held
      })
      await hasRecorded
      // With the old lock taken at recordAudit, this would wait for `slow` to end: it would hang.
      await t.database.db.transaction((tx) =>
        recordAudit(tx, ctx, { action: 'test.quick', entityType: 'test' }),
      )
      release()
      await slow
      const [quick] = await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'test.quick'))
      const [slowRow] = await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'test.slow'))
      expect(quick!.seq).toBeLessThan(slowRow!.seq)
      await expectChainIntact()
    },
  )

  it('computes SM3 in the database as Node does (GB/T 32905), on hostile text', async () => {
    const texts = [
      '',
      'abc',
      'a'.repeat(64),
      awkward.text,
      '𠮷'.repeat(40) + '\u2028',
      JSON.stringify(awkward),
    ]
    for (const text of texts) {
      const [row] = await t.database.query<{ h: string }>(
        `select encode(digest(convert_to($1, 'UTF8'), 'sm3'), 'hex') as h`,
        [text],
      )
      expect(row!.h, text).toBe(createHash('sm3').update(text, 'utf8').digest('hex'))
    }
  })

  it('links new entries with SM3 after CRYPTO_SUITE=sm, and the chain verifies across the change', async () => {
    await t.database.db.transaction((tx) =>
      recordAudit(tx, ctx, { action: 'test.suite', entityType: 'test', entityId: 'intl-1' }),
    )
    await configureAuditHash(t.database, 'sm')
    try {
      await t.database.db.transaction((tx) =>
        recordAudit(
          tx,
          ctx,
          { action: 'test.suite', entityType: 'test', entityId: 'sm-1', after: awkward },
          { action: 'test.suite', entityType: 'test', entityId: 'sm-2', before: awkward },
        ),
      )
    } finally {
      await configureAuditHash(t.database, 'intl')
    }
    await t.database.db.transaction((tx) =>
      recordAudit(tx, ctx, { action: 'test.suite', entityType: 'test', entityId: 'intl-2' }),
    )
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'test.suite'))
      .orderBy(asc(auditLog.seq))
    expect(rows.map((r) => [r.entityId, r.hashAlg])).toEqual([
      ['intl-1', 'sha256'],
      ['sm-1', 'sm3'],
      ['sm-2', 'sm3'],
      ['intl-2', 'sha256'],
    ])
    for (const r of rows) {
      const { hash, hashAlg, seq, at, ...rest } = r
      const fields = { ...rest, seq: seq.toString(), at: at.toISOString() }
      expect(chainHash(fields, hashAlg as 'sha256' | 'sm3')).toBe(hash)
      // The other function does not give the stored hash: the algorithm is not a formality.
      expect(chainHash(fields, hashAlg === 'sm3' ? 'sha256' : 'sm3')).not.toBe(hash)
    }
    await expectChainIntact()
  })
})

describe('GET /api/v1/audit', () => {
  it.each(['auditor', 'office'] as const)('answers %s with the log, newest first', async (who) => {
    const c = await as(t.app, world.users[who])
    const res = await c.get('/api/v1/audit?limit=5')
    expect(res.statusCode, res.body).toBe(200)
    const page = res.json<AuditPage>()
    expect(page.total).toBe(await countWhere(undefined))
    const seqs = page.items.map((e) => Number(e.seq))
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a))
  })

  it.each(['unitA', 'lead', 'leader', 'admin'] as const)(
    'refuses %s with 403 and records the attempt',
    async (who) => {
      const c = await as(t.app, world.users[who])
      const res = await c.get('/api/v1/audit', rid(`deny-audit-${who}`))
      expect(res.statusCode).toBe(403)
      expect(await byRequest(`deny-audit-${who}`)).toMatchObject([
        { action: 'authz.denied', actorId: world.users[who].id, entityId: 'GET /api/v1/audit' },
      ])
    },
  )

  it('filters by action', async () => {
    const { items, totals } = await walk(auditor, '&action=unit.updated')
    expect(items.length).toBe(await countWhere(eq(auditLog.action, 'unit.updated')))
    expect(items.length).toBeGreaterThan(0)
    expect(new Set(items.map((e) => e.action))).toEqual(new Set(['unit.updated']))
    expect(totals[0]).toBe(items.length)
  })

  it('filters by entity type and id', async () => {
    const id = world.units.countyA.id
    const unit = await admin.get(`/api/v1/units/${id}`)
    await admin.patch(
      `/api/v1/units/${id}`,
      { name: '甲县（新）' },
      ifMatch(unit.json().version, 'f-entity'),
    )
    const { items } = await walk(auditor, `&entityType=unit&entityId=${id}`)
    expect(items.length).toBe(
      await countWhere(and(eq(auditLog.entityType, 'unit'), eq(auditLog.entityId, id))),
    )
    expect(items.map((e) => e.requestId)).toContain('f-entity')
    for (const e of items) expect(e).toMatchObject({ entityType: 'unit', entityId: id })
  })

  it('filters by actor, by id or by name', async () => {
    const byId = await walk(auditor, `&actor=${world.users.admin.id}`, 50)
    const byName = await walk(auditor, `&actor=${world.users.admin.username}`, 50)
    expect(byId.items.length).toBe(await countWhere(eq(auditLog.actorId, world.users.admin.id)))
    for (const e of byId.items) expect(e.actorId).toBe(world.users.admin.id)
    expect(byName.items.map((e) => e.seq)).toEqual(byId.items.map((e) => e.seq))
  })

  it('names a person and their unit as they are now, and leaves the entry as written', async () => {
    const byId = await walk(auditor, `&actor=${world.users.admin.id}`, 50)
    expect(byId.items.length).toBeGreaterThan(0)
    for (const e of byId.items)
      expect(e).toMatchObject({
        actorName: world.users.admin.username,
        actorDisplayName: world.users.admin.displayName,
        actorUnitName: '测试市',
      })
    // A failed login has no person behind it: nothing is resolved, the stored name stands.
    const failed = await walk(auditor, '&action=auth.login_failed', 50)
    expect(failed.items.length).toBeGreaterThan(0)
    for (const e of failed.items)
      expect(e).toMatchObject({ actorDisplayName: null, actorUnitName: null })
    expect((await verifyAuditChain(t.database)).ok).toBe(true)
  })

  it('filters by a time window', async () => {
    await admin.patch(
      `/api/v1/units/${world.units.townA.id}`,
      { name: '早' },
      ifMatch(1, 'f-before'),
    )
    await new Promise((r) => setTimeout(r, 20))
    const from = new Date().toISOString()
    await admin.patch(
      `/api/v1/units/${world.units.townA.id}`,
      { name: '中' },
      ifMatch(2, 'f-inside'),
    )
    const to = new Date().toISOString()
    await new Promise((r) => setTimeout(r, 20))
    await admin.patch(
      `/api/v1/units/${world.units.townA.id}`,
      { name: '晚' },
      ifMatch(3, 'f-after'),
    )
    const { items } = await walk(auditor, `&from=${from}&to=${to}`)
    const ids = items.map((e) => e.requestId)
    expect(ids).toContain('f-inside')
    expect(ids).not.toContain('f-before')
    expect(ids).not.toContain('f-after')
    for (const e of items) expect(e.at >= from && e.at <= to).toBe(true)
  })

  it('pages with a cursor through every matching entry exactly once', async () => {
    const { items, totals } = await walk(auditor, '&entityType=unit', 3)
    const expected = await t.database.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'unit'))
    const seqs = items.map((e) => e.seq)
    expect(new Set(seqs).size).toBe(seqs.length)
    expect(new Set(seqs)).toEqual(new Set(expected.map((r) => r.seq.toString())))
    expect(new Set(totals)).toEqual(new Set([expected.length]))
    expect(seqs.map(Number)).toEqual([...seqs.map(Number)].sort((a, b) => b - a))
  })
})

describe('tampering', () => {
  it('is found by verification at the altered entry, and the chain holds again once restored', async () => {
    const [target] = await byRequest('w-unit-rename')
    const n = target!.seq
    const original = JSON.stringify(target!.after).replace(/'/g, "''")
    const set = (json: string) =>
      execSql(
        `SET session_replication_role = replica; UPDATE audit_log SET after = '${json}'::jsonb WHERE seq = ${n}; SET session_replication_role = origin;`,
      )

    await set(JSON.stringify({ name: '篡改' }))
    expect((await byRequest('w-unit-rename'))[0]!.after).toEqual({ name: '篡改' })
    const broken = await verifyAuditChain(t.database)
    expect(broken.ok).toBe(false)
    expect(broken.broken?.seq).toBe(String(n))
    expect(broken.checked).toBe(Number(n) - 1)

    await set(original)
    await expectChainIntact()
    await expect(
      t.database.query('update audit_log set action = $1 where seq = 1', ['forged']),
    ).rejects.toThrow(/append-only/)
  })
})
