import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import { auditLog, idempotencyKeys, units } from '../src/db/schema/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, etagFor, makeUnit, makeUser, makeWorld } from './factories.js'

type Client = Awaited<ReturnType<typeof as>>
type World = Awaited<ReturnType<typeof makeWorld>>

let t: TestApp
let world: World
let admin: Client
let otherAdmin: Client

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  admin = await as(t.app, world.users.admin)
  otherAdmin = await as(
    t.app,
    await makeUser(t.database.db, { unit: world.units.city, roles: ['admin'] }),
  )
})
afterAll(() => t.close())

const key = (k: string) => ({ 'idempotency-key': k })
const unitBody = (code: string, parentId: string | null = null) => ({
  code,
  name: `单位${code}`,
  kind: 'department',
  parentId,
})
const byCode = (code: string) => t.database.db.select().from(units).where(eq(units.code, code))

describe('Idempotency-Key on POST', () => {
  it('replays a retry with the same key and body: same status, body and headers, and one unit only', async () => {
    const first = await admin.post('/api/v1/units', unitBody('IDEM-1'), key('k-1'))
    const retry = await admin.post('/api/v1/units', unitBody('IDEM-1'), key('k-1'))
    expect(first.statusCode).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    expect(retry.statusCode).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.body).toBe(first.body)
    expect(retry.headers.location).toBe(first.headers.location)
    expect(retry.headers.etag).toMatch(etagFor(1))
    expect(retry.headers['content-type']).toBe(first.headers['content-type'])
    const rows = await byCode('IDEM-1')
    expect(rows).toHaveLength(1)
    expect(
      await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'unit.created'), eq(auditLog.entityId, rows[0]!.id))),
    ).toHaveLength(1)
  })

  it('answers the same key with another body with 422 idempotency_mismatch and creates nothing', async () => {
    expect((await admin.post('/api/v1/units', unitBody('IDEM-2'), key('k-2'))).statusCode).toBe(201)
    const res = await admin.post('/api/v1/units', unitBody('IDEM-2B'), key('k-2'))
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('idempotency_mismatch')
    expect(await byCode('IDEM-2B')).toHaveLength(0)
    expect(await byCode('IDEM-2')).toHaveLength(1)
  })

  it('keeps keys per caller: another admin with the same key runs its own request', async () => {
    expect((await admin.post('/api/v1/units', unitBody('IDEM-3'), key('k-3'))).statusCode).toBe(201)
    const other = await otherAdmin.post('/api/v1/units', unitBody('IDEM-3B'), key('k-3'))
    expect(other.statusCode).toBe(201)
    expect(other.headers['idempotent-replayed']).toBeUndefined()
    expect(await byCode('IDEM-3B')).toHaveLength(1)
    // The same body under the other caller's key is run, not replayed: the code is taken.
    const same = await otherAdmin.post('/api/v1/units', unitBody('IDEM-3'), key('k-3-other'))
    expect(same.statusCode).toBe(409)
    expect(same.headers['idempotent-replayed']).toBeUndefined()
    expect(await byCode('IDEM-3')).toHaveLength(1)
  })

  it('replays a refused request (422) as the same 422, even once the cause is gone', async () => {
    const closed = await makeUnit(t.database.db, { parent: world.units.city })
    await t.database.db.update(units).set({ active: false }).where(eq(units.id, closed.id))
    const first = await admin.post('/api/v1/units', unitBody('IDEM-4', closed.id), key('k-4'))
    expect(first.statusCode).toBe(422)
    expect(first.json().errors).toEqual([
      { path: '/parentId', message: 'the parent unit is deactivated' },
    ])

    await t.database.db.update(units).set({ active: true }).where(eq(units.id, closed.id))
    const retry = await admin.post('/api/v1/units', unitBody('IDEM-4', closed.id), key('k-4'))
    expect(retry.statusCode).toBe(422)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(retry.body).toBe(first.body)
    expect(await byCode('IDEM-4')).toHaveLength(0)
    // Under a fresh key the same request now succeeds, so the 422 above was a replay.
    expect(
      (await admin.post('/api/v1/units', unitBody('IDEM-4', closed.id), key('k-4-fresh')))
        .statusCode,
    ).toBe(201)
  })

  it('does not remember a request the schema refused, so the key stays free for the corrected body', async () => {
    const bad = await admin.post(
      '/api/v1/units',
      { ...unitBody('IDEM-5'), path: '/x/' },
      key('k-5'),
    )
    expect(bad.statusCode).toBe(422)
    expect(bad.json().code).toBe('validation')
    const fixed = await admin.post('/api/v1/units', unitBody('IDEM-5'), key('k-5'))
    expect(fixed.statusCode).toBe(201)
    expect(await byCode('IDEM-5')).toHaveLength(1)
  })

  it('creates one unit when the same key is sent twice at once', async () => {
    const answers = await Promise.all(
      [0, 1].map(() => admin.post('/api/v1/units', unitBody('IDEM-6'), key('k-6'))),
    )
    const outcomes = answers
      .map((r) =>
        r.headers['idempotent-replayed'] ? `${r.statusCode} replayed` : `${r.statusCode}`,
      )
      .sort()
    expect([
      ['201', '201 replayed'],
      ['201', '409'],
    ]).toContainEqual(outcomes)
    const conflict = answers.find((r) => r.statusCode === 409)
    if (conflict) expect(conflict.json().code).toBe('idempotency_in_progress')
    expect(await byCode('IDEM-6')).toHaveLength(1)
  })

  it('runs every POST without a key', async () => {
    expect((await admin.post('/api/v1/units', unitBody('IDEM-7'))).statusCode).toBe(201)
    const again = await admin.post('/api/v1/units', unitBody('IDEM-7'))
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('duplicate')
  })

  /** The database going away: what a dropped connection throws. */
  const lost = () => new Error('Connection terminated unexpectedly')
  const createdAudits = (unitId: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'unit.created'), eq(auditLog.entityId, unitId)))
  /**
   * Runs `send` with the first store of an answer (the plugin's db.update of idempotencyKeys,
   * after the write's COMMIT) replaced by `store`, which may call the real `update`.
   */
  async function withAnswerStore<T>(
    store: (update: () => ReturnType<typeof t.database.db.update>) => unknown,
    send: () => Promise<T>,
  ): Promise<T> {
    const { db } = t.database
    const update = db.update.bind(db)
    let taken = false
    const spy = vi.spyOn(db, 'update').mockImplementation(((table: unknown) => {
      if (table !== idempotencyKeys || taken) return update(table as never)
      taken = true
      return store(() => update(idempotencyKeys))
    }) as typeof db.update)
    try {
      return await send()
    } finally {
      spy.mockRestore()
    }
  }
  /** Creates unit `code` with key `k` while `spies` stand in; they are restored whatever happens. */
  async function postWhile(spies: { mockRestore(): void }[], code: string, k: string) {
    try {
      return await admin.post('/api/v1/units', unitBody(code), key(k))
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  }
  /** As if the retry came after the in-flight reservation counts as abandoned (60 s). */
  const ageReservation = (k: string) =>
    t.database.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '2 minutes'` })
      .where(eq(idempotencyKeys.key, k))

  it('answers a committed write as done, and never runs it twice, when its response could not be stored', async () => {
    // The write commits, then the database goes away before the response is remembered.
    const first = await withAnswerStore(
      () => {
        throw lost()
      },
      () => admin.post('/api/v1/units', unitBody('IDEM-8'), key('k-8')),
    )
    // The write committed: the client is told so, though the answer could not be remembered.
    expect(first.statusCode, first.body).toBe(201)
    const [unit] = await byCode('IDEM-8')
    expect(first.json().id).toBe(unit!.id)
    expect(unit).toBeDefined()

    await ageReservation('k-8')
    const retry = await admin.post('/api/v1/units', unitBody('IDEM-8'), key('k-8'))
    expect(retry.statusCode, retry.body).toBe(409)
    expect(retry.json().code).toBe('idempotency_done')
    expect(await byCode('IDEM-8')).toHaveLength(1)
    expect(await createdAudits(unit!.id)).toHaveLength(1)
  })

  it('tells a retry to wait, not that the write is done, while the first request is still storing its answer', async () => {
    // The moment between the first request's COMMIT (the key marked done in it) and its answer
    // being stored: a concurrent retry lands here.
    let retry: Awaited<ReturnType<typeof admin.post>> | undefined
    const first = await withAnswerStore(
      (update) => ({
        set: (values: never) => ({
          where: async (where: never) => {
            retry = await admin.post('/api/v1/units', unitBody('IDEM-12'), key('k-12'))
            return update().set(values).where(where)
          },
        }),
      }),
      () => admin.post('/api/v1/units', unitBody('IDEM-12'), key('k-12')),
    )
    expect(first.statusCode, first.body).toBe(201)
    expect(retry?.statusCode, retry?.body).toBe(409)
    expect(retry?.json().code).toBe('idempotency_in_progress')
    const later = await admin.post('/api/v1/units', unitBody('IDEM-12'), key('k-12'))
    expect(later.headers['idempotent-replayed']).toBe('true')
    expect(await byCode('IDEM-12')).toHaveLength(1)
  })

  it('runs a retry once when the first attempt failed before its write committed', async () => {
    const { db } = t.database
    const spy = vi.spyOn(db, 'transaction').mockRejectedValueOnce(lost())
    const first = await postWhile([spy], 'IDEM-9', 'k-9')
    expect(first.statusCode, first.body).toBe(503)
    expect(await byCode('IDEM-9')).toHaveLength(0)
    const retry = await admin.post('/api/v1/units', unitBody('IDEM-9'), key('k-9'))
    expect(retry.statusCode, retry.body).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBeUndefined()
    const again = await admin.post('/api/v1/units', unitBody('IDEM-9'), key('k-9'))
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await byCode('IDEM-9')).toHaveLength(1)
  })

  it('runs a retry at once when the database was still gone as the failure was answered', async () => {
    // The write fails and so does freeing its key (the embedded database restarting, say): the
    // reservation stays behind, and this process frees it on the retry, not 60 s later.
    const { db } = t.database
    const remove = db.delete.bind(db)
    const transaction = vi.spyOn(db, 'transaction').mockRejectedValueOnce(lost())
    const release = vi.spyOn(db, 'delete').mockImplementation(((table: unknown) => {
      if (table === idempotencyKeys) throw lost()
      return remove(table as never)
    }) as typeof db.delete)
    const first = await postWhile([transaction, release], 'IDEM-13', 'k-13')
    expect(first.statusCode, first.body).toBe(503)
    expect(
      await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'k-13')),
    ).toHaveLength(1)
    const retry = await admin.post('/api/v1/units', unitBody('IDEM-13'), key('k-13'))
    expect(retry.statusCode, retry.body).toBe(201)
    const again = await admin.post('/api/v1/units', unitBody('IDEM-13'), key('k-13'))
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await byCode('IDEM-13')).toHaveLength(1)
  })

  it('answers a retry at once that the write is done when it committed before its request failed', async () => {
    // COMMIT reached the database, then the connection was lost before its answer came back:
    // the request is answered 503, and its write (with the key's mark) is in the database.
    const { db } = t.database
    const transaction = db.transaction.bind(db)
    const spy = vi.spyOn(db, 'transaction').mockImplementationOnce((async (
      ...args: Parameters<typeof db.transaction>
    ) => {
      await transaction(...args)
      throw lost()
    }) as typeof db.transaction)
    const first = await postWhile([spy], 'IDEM-14', 'k-14')
    expect(first.statusCode, first.body).toBe(503)
    const [unit] = await byCode('IDEM-14')
    expect(unit).toBeDefined()
    // This process answered the first request: nothing is still storing an answer, so the
    // retry is not told to wait a minute, and the write is not run again.
    for (const attempt of [1, 2]) {
      const retry = await admin.post('/api/v1/units', unitBody('IDEM-14'), key('k-14'))
      expect(retry.statusCode, `${attempt}: ${retry.body}`).toBe(409)
      expect(retry.json().code).toBe('idempotency_done')
    }
    expect(await byCode('IDEM-14')).toHaveLength(1)
    expect(await createdAudits(unit!.id)).toHaveLength(1)
  })

  it('marks a key done in the transaction of the write it guards, and only then', async () => {
    const row = async (k: string) =>
      (await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, k)))[0]
    expect((await admin.post('/api/v1/units', unitBody('IDEM-10'), key('k-10'))).statusCode).toBe(
      201,
    )
    expect((await row('k-10'))?.committedAt).toBeInstanceOf(Date)
    // Refused before anything was written: remembered, but not as a write.
    const refused = await admin.post('/api/v1/units', unitBody('IDEM-10'), key('k-11'))
    expect(refused.statusCode).toBe(409)
    expect(await row('k-11')).toMatchObject({ status: 409, committedAt: null })
  })
})
