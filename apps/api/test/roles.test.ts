import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { openDatabase, type Database } from '../src/db/client.js'
import { RoleSetupError, ensureRuntimeRole } from '../src/db/roles.js'
import { TEST_SIGNING_KEY, createTestApp, testConfig, type TestApp } from './build-app.js'
import { login, makeWorld } from './factories.js'

/**
 * The runtime role on PostgreSQL: it can use the application, but on audit_log only add and
 * read — never alter, disable a trigger, update, delete or truncate. PGlite has one superuser
 * and no roles to test, so this file runs in the PostgreSQL pass only.
 */
const url = process.env.TEST_DATABASE_URL
let t: TestApp
let runtimeUrl: string
let runtime: pg.Client
const role = `rectify_rt_${randomBytes(4).toString('hex')}`

describe.skipIf(!url)('the runtime database role (PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestApp()
    await makeWorld(t.database.db)
    const [row] = await t.database.query<{ db: string }>('select current_database() as db')
    const u = new URL(url!)
    u.username = role
    u.password = 'runtime-secret'
    u.pathname = `/${row!.db}`
    runtimeUrl = u.toString()
    await ensureRuntimeRole(t.database, runtimeUrl)
    runtime = new pg.Client({ connectionString: runtimeUrl })
    await runtime.connect()
  })
  afterAll(async () => {
    await runtime?.end()
    await t?.close()
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`drop role if exists ${role}`)
    await admin.end()
  })

  const refused = async (sql: string) => {
    await runtime.query('begin')
    try {
      const err = await runtime.query(sql).then(
        () => null,
        (e: Error & { code?: string }) => e,
      )
      expect(err, sql).not.toBeNull()
      // 42501 insufficient_privilege; 42501 also for "must be owner of table".
      expect(err!.code, `${sql}: ${err!.message}`).toBe('42501')
    } finally {
      await runtime.query('rollback')
    }
  }

  it.each([
    'alter table audit_log disable trigger all',
    'alter table audit_log disable trigger audit_log_no_update_delete',
    'alter table audit_log add column x int',
    'drop trigger audit_log_no_truncate on audit_log',
    `update audit_log set action = 'x'`,
    'delete from audit_log',
    'truncate audit_log',
    'create table evil (id int)',
  ])('refuses %s', (sql) => refused(sql))

  it('adds to and reads the audit log, and is no superuser owning nothing', async () => {
    const n = await runtime.query('select count(*)::int as n from audit_log')
    expect(n.rows[0].n).toBeGreaterThanOrEqual(0)
    const attrs = await runtime.query(
      `select rolsuper, (select count(*)::int from pg_class where relowner = r.oid) as owned
         from pg_roles r where rolname = current_user`,
    )
    expect(attrs.rows[0]).toEqual({ rolsuper: false, owned: 0 })
  })

  it('runs the API: ready, and a login that writes a session and its audit entry', async () => {
    const database: Database = await openDatabase({ databaseUrl: runtimeUrl, poolSize: 2 })
    const app = await buildApp(testConfig(), { database, signingKey: TEST_SIGNING_KEY })
    try {
      await app.ready()
      expect((await app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode).toBe(200)
      const [user] = await t.database.query<{ username: string }>(
        `select username from users where 'office' = any(roles) limit 1`,
      )
      await login(app, user!.username)
    } finally {
      await app.close()
      await database.close()
    }
  })

  it('grants again idempotently, and refuses a runtime role that is the owner itself', async () => {
    await ensureRuntimeRole(t.database, runtimeUrl)
    await expect(ensureRuntimeRole(t.database, url!)).rejects.toBeInstanceOf(RoleSetupError)
  })
})
