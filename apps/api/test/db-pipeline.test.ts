import { sql } from 'drizzle-orm'
import pg from 'pg'

const original = pg.Client.prototype.query
import { setImmediate } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '../src/db/client.js'
import { send } from '../src/lib/commit-hooks.js'
import { openTestDatabase, withDatabase } from './database.js'

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[]

/**
 * Statements sent on one connection (db/client.ts: pg's pipeline mode) and the ones a
 * transaction awaits only with its COMMIT (lib/commit-hooks.ts `send`), on the database the
 * suite runs on: PostgreSQL with TEST_DATABASE_URL, else PGlite (where `send` simply awaits).
 */
describe('pipelined statements', () => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase()
    await database.query('create table pipeline_probe (n int primary key)')
  })
  afterAll(() => database.close())

  it('answers queries sent at once on a transaction, each with its own result, in order', async () => {
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(w.message)
    process.on('warning', onWarning)
    try {
      const values = await database.db.transaction((tx) =>
        Promise.all(
          [1, 2, 3, 4].map(async (n) => {
            const r = await tx.execute(sql`select ${n}::int as n, pg_sleep(0.01)`)
            return rowsOf<{ n: number }>(r)[0]!.n
          }),
        ),
      )
      expect(values).toEqual([1, 2, 3, 4])
    } finally {
      process.off('warning', onWarning)
    }
    expect(warnings.filter((m) => m.includes('already executing a query'))).toEqual([])
  })

  it('fails the transaction with a sent statement’s own error, and commits nothing', async () => {
    const write = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into pipeline_probe values (1)`)
      await send(tx, tx.execute(sql`insert into pipeline_probe values (1 / 0)`))
      await send(tx, tx.execute(sql`insert into pipeline_probe values (2)`))
      // Awaited behind the failed ones: the aborted transaction refuses it (on PostgreSQL).
      await tx.execute(sql`insert into pipeline_probe values (3)`)
      return 'done'
    })
    const err = (await write.catch((e: unknown) => e)) as {
      code?: string
      cause?: { code?: string }
    }
    // 22012 division_by_zero, not 25P02 in_failed_sql_transaction from the statement after it.
    expect(err.cause?.code ?? err.code).toBe('22012')
    expect(await database.query('select n from pipeline_probe')).toEqual([])
  })

  it('commits what a sent statement wrote', async () => {
    await database.db.transaction(async (tx) => {
      await send(tx, tx.execute(sql`insert into pipeline_probe values (7)`))
    })
    expect(await database.query('select n from pipeline_probe')).toEqual([{ n: 7 }])
  })

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'on PostgreSQL, sends COMMIT while a sent statement still runs',
    async () => {
      // A session of its own on the file's database holds the lock the sent statement waits on.
      const [db] = await database.query<{ name: string }>('select current_database() name')
      const blocker = new pg.Client({
        connectionString: withDatabase(process.env.TEST_DATABASE_URL!, db!.name),
      })
      await blocker.connect()
      const sent: string[] = []
      const query = vi.spyOn(pg.Client.prototype, 'query')
      query.mockImplementation(function (this: pg.Client, ...args: unknown[]) {
        const text = (args[0] as { text?: string }).text ?? args[0]
        if (typeof text === 'string') sent.push(text)
        return Reflect.apply(original, this, args) as never
      })
      try {
        await blocker.query('select pg_advisory_lock(7263000042)')
        const write = database.db.transaction(async (tx) => {
          await send(tx, tx.execute(sql`select pg_advisory_xact_lock(7263000042)`))
          await send(tx, tx.execute(sql`insert into pipeline_probe values (8)`))
        })
        // The sent lock waits on the blocker, and COMMIT is already on its way behind it.
        for (let i = 0; i < 1000 && !sent.includes('commit'); i++) await setImmediate()
        expect(sent.slice(-3)).toEqual([
          'select pg_advisory_xact_lock(7263000042)',
          'insert into pipeline_probe values (8)',
          'commit',
        ])
        await blocker.query('select pg_advisory_unlock(7263000042)')
        await write
        expect(await database.query('select n from pipeline_probe where n = 8')).toEqual([{ n: 8 }])
      } finally {
        query.mockRestore()
        await blocker.end()
      }
    },
  )
})
