import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { openDatabase, type Database } from '../src/db/client.js'
import { isDatabaseUnavailable } from '../src/lib/db-unavailable.js'
import { problems } from '../src/db/schema/index.js'
import { TEST_SIGNING_KEY, testConfig } from './build-app.js'
import { TEMPLATE_DB, withDatabase } from './database.js'
import { as, makeWorld } from './factories.js'
import { makeMeasure, makeProblem, makeRound } from './ledger-factories.js'

/**
 * DATABASE_READ_URL routes the reads that tolerate lag to a second pool. A streaming replica is
 * too heavy for CI, so the "replica" here is a copy of the primary's database taken after the
 * seed and reached as a role that may only read: a problem written to the primary afterwards is
 * the replica's lag made permanent. What counts it says where each route read: the ledger (the
 * primary) sees the late problem, the dashboard, rankings, public board and exports (the
 * replica) do not, and an export's audit entry lands on the primary.
 */
const url = process.env.TEST_DATABASE_URL
const READER = 'rectify_test_reader'
const YEAR = 2025

describe.skipIf(!url)('reads routed to a replica (PostgreSQL)', () => {
  const suffix = Math.random().toString(36).slice(2, 10)
  const primaryName = `rectify_test_primary_${suffix}`
  const replicaName = `rectify_test_replica_${suffix}`
  let admin: pg.Client
  let database: Database
  let app: FastifyInstance
  let world: Awaited<ReturnType<typeof makeWorld>>
  let round: { id: string }
  type Api = Awaited<ReturnType<typeof as>>
  let office: Api, unitA: Api

  const onReplica = async <T>(text: string) => {
    const c = new pg.Client({ connectionString: withDatabase(url!, replicaName) })
    await c.connect()
    try {
      return (await c.query(text)).rows as T[]
    } finally {
      await c.end()
    }
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`create database ${primaryName} template ${TEMPLATE_DB}`)
    const primaryUrl = withDatabase(url!, primaryName)
    // The seed, then the copy: the replica holds what the primary held at this point.
    const seed = await openDatabase({ databaseUrl: primaryUrl, poolSize: 2 })
    world = await makeWorld(seed.db)
    round = await makeRound(seed.db)
    const due = `${YEAR}-06-30`
    for (const leadUnit of [world.units.eeb, world.units.eeb, world.units.countyA]) {
      const problem = await makeProblem(seed.db, {
        round,
        leadUnit,
        status: 'in_progress',
        deadline: due,
      })
      await makeMeasure(seed.db, { problem, unit: leadUnit })
    }
    await seed.db.update(problems).set({ public: true })
    await seed.close()
    await admin.query(`create database ${replicaName} template ${primaryName}`)
    await admin.query(`do $$ begin create role ${READER} login password 'reader';
      exception when duplicate_object then null; end $$`)
    await onReplica(`grant usage on schema public to ${READER};
      grant select on all tables in schema public to ${READER};
      grant insert on rounds to ${READER}`)
    const replicaUrl = new URL(withDatabase(url!, replicaName))
    replicaUrl.username = READER
    replicaUrl.password = 'reader'
    database = await openDatabase({
      databaseUrl: primaryUrl,
      readUrl: replicaUrl.toString(),
      poolSize: 4,
    })
    app = await buildApp(testConfig(), { database, signingKey: TEST_SIGNING_KEY })
    await app.ready()
    office = await as(app, world.users.office)
    unitA = await as(app, world.users.unitA)
    // Written after the copy: on the primary only, as if the replica had not replayed it yet.
    const late = await makeProblem(database.db, {
      round,
      leadUnit: world.units.eeb,
      status: 'in_progress',
      deadline: due,
    })
    await makeMeasure(database.db, { problem: late, unit: world.units.eeb })
    await database.db.update(problems).set({ public: true })
  })
  afterAll(async () => {
    await app?.close()
    await database?.close()
    for (const name of [replicaName, primaryName])
      await admin?.query(`drop database if exists ${name} with (force)`)
    await admin?.end()
  })

  const get = async (api: Api, path: string) => {
    const res = await api.get(`/api/v1/${path}`)
    expect(res.statusCode, res.body).toBe(200)
    return res
  }

  it('opens a second, read-only pool on DATABASE_READ_URL', async () => {
    expect(database.reads).toBe('replica')
    expect(database.readDb).not.toBe(database.db)
    const res = await database.readDb.execute(
      sql`select current_database() as db, current_user as who,
                 current_setting('default_transaction_read_only') as ro`,
    )
    const [row] = (res as unknown as { rows: { db: string; who: string; ro: string }[] }).rows
    expect(row).toEqual({ db: replicaName, who: READER, ro: 'on' })
    // The role may insert into rounds here; the session refuses it all the same (25006).
    const refused = await database.readDb
      .execute(sql`insert into rounds (id, name) values (gen_random_uuid(), 'x')`)
      .then(
        () => null,
        (err: { code?: string; cause?: { code?: string } }) => err.cause?.code ?? err.code,
      )
    expect(refused).toBe('25006')
  })

  it('reports the replica beside readiness: here a copy, not a standby', async () => {
    const res = await app.inject({ url: '/api/v1/ready' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'ready',
      replica: { reachable: true, standby: false, behindBytes: null },
    })
  })

  it('serves the ledger from the primary and the dashboard from the replica', async () => {
    const ledger = (await get(office, `problems?round=${round.id}`)).json<{ total: number }>()
    expect(ledger.total).toBe(4)
    const overview = await get(office, `dashboard/overview?round=${round.id}`)
    expect(overview.json<{ total: { count: number } }>().total.count).toBe(3)
    // The object scope applies on the replica as on the primary: county A sees its own.
    const own = await get(unitA, `dashboard/overview?round=${round.id}`)
    expect(own.json<{ total: { count: number } }>().total.count).toBe(1)
    const byUnit = await get(office, `dashboard/breakdown?by=unit&round=${round.id}`)
    const eeb = byUnit
      .json<{ rows: { key: string; counts: { total: number } }[] }>()
      .rows.find((r) => r.key === world.units.eeb.id)
    expect(eeb?.counts.total).toBe(2)
  })

  it('ranks and publishes from the replica', async () => {
    const rankings = await get(office, `rankings?year=${YEAR}&metric=completion&minCount=1`)
    const rows = rankings.json<{ ranked: { unitId: string; denominator: number }[] }>().ranked
    expect(rows.find((r) => r.unitId === world.units.eeb.id)?.denominator).toBe(2)
    const board = await app.inject({ url: '/api/v1/public/problems?limit=50' })
    expect(board.statusCode, board.body).toBe(200)
    expect(board.json<{ total: number }>().total).toBe(3)
  })

  it('exports rows from the replica and audits the download on the primary', async () => {
    const res = await office.get(`/api/v1/exports/problems?round=${round.id}`)
    expect(res.statusCode, res.body).toBe(200)
    const measures = await office.get(`/api/v1/exports/measures?round=${round.id}`)
    expect(measures.statusCode, measures.body).toBe(200)
    const audited = await database.query<{ action: string; after: { rows: number } }>(
      `select action, after from audit_log where action in ('export.problems', 'export.downloaded')
        order by action`,
    )
    expect(audited).toEqual([
      {
        action: 'export.downloaded',
        after: expect.objectContaining({ what: 'measures', rows: 3 }),
      },
      // Counted on the replica: three problems and their three measures, not the primary's four.
      { action: 'export.problems', after: expect.objectContaining({ rows: 3 }) },
    ])
    expect(await onReplica(`select 1 from audit_log where action like 'export.%'`)).toHaveLength(0)
  })

  it('with the replica unreachable answers those routes 503 and serves the rest', async () => {
    const cut = await openDatabase({
      databaseUrl: withDatabase(url!, primaryName),
      readUrl: 'postgres://nobody:x@127.0.0.1:1/rectify',
      poolSize: 2,
    })
    const other = await buildApp(testConfig(), { database: cut, signingKey: TEST_SIGNING_KEY })
    try {
      const api = await as(other, world.users.office)
      const dashboard = await api.get(`/api/v1/dashboard/overview?round=${round.id}`)
      expect(dashboard.statusCode, dashboard.body).toBe(503)
      expect(dashboard.headers['retry-after']).toMatch(/^\d+$/)
      expect((await api.get(`/api/v1/problems?round=${round.id}`)).statusCode).toBe(200)
      // Every instance shares the replica: its loss is reported, not made a reason to stop serving.
      const ready = await other.inject({ url: '/api/v1/ready' })
      expect(ready.statusCode, ready.body).toBe(200)
      expect(ready.json()).toMatchObject({
        status: 'ready',
        replica: { reachable: false, standby: null, behindBytes: null },
      })
    } finally {
      await other.close()
      await cut.close()
    }
  })

  it('without DATABASE_READ_URL reads where it writes', async () => {
    const single = await openDatabase({ databaseUrl: withDatabase(url!, primaryName), poolSize: 1 })
    try {
      expect(single.reads).toBe('primary')
      expect(single.readDb).toBe(single.db)
    } finally {
      await single.close()
    }
  })
})

describe('a read cancelled by the replica', () => {
  const pgError = (code: string, message: string, routine: string) =>
    Object.assign(new Error(message), { code, routine })

  it('is answered as the database being unavailable (503, retry), not as a conflict', () => {
    // PostgreSQL 15's words; the routine is what a server with translated messages still sends.
    const cancelled = pgError(
      '40001',
      'canceling statement due to conflict with recovery',
      'ProcessInterrupts',
    )
    expect(isDatabaseUnavailable(cancelled)).toBe(true)
    expect(isDatabaseUnavailable({ cause: cancelled })).toBe(true)
    expect(
      isDatabaseUnavailable(pgError('40001', '由于与恢复冲突, 取消语句', 'ProcessInterrupts')),
    ).toBe(true)
    expect(
      isDatabaseUnavailable(
        pgError(
          '40P01',
          'canceling statement due to conflict with recovery',
          'ProcessRecoveryConflictInterrupt',
        ),
      ),
    ).toBe(true)
    // Two transactions of the primary colliding stay a 409 the client resolves.
    expect(
      isDatabaseUnavailable(
        pgError('40001', 'could not serialize access due to concurrent update', 'ExecUpdate'),
      ),
    ).toBe(false)
    expect(isDatabaseUnavailable(pgError('40P01', 'deadlock detected', 'DeadLockReport'))).toBe(
      false,
    )
  })
})

describe('DATABASE_READ_URL without a primary', () => {
  it('is refused: the embedded database has no replica', async () => {
    await expect(openDatabase({ readUrl: 'postgres://r@127.0.0.1/x' })).rejects.toThrow(
      /DATABASE_URL/,
    )
  })
})
