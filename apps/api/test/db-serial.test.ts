import { sql } from 'drizzle-orm'
import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/client.js'
import { serializeQueries } from '../src/db/serial.js'

/**
 * A transaction's connection runs the queries sent to it at once one after another (see
 * src/db/serial.ts): read helpers that Promise.all their parts work on a transaction as on the pool.
 */
describe('serializeQueries', () => {
  it('runs promise-style queries one at a time, in call order, past a failure', async () => {
    let running = 0
    let most = 0
    const started: string[] = []
    const fake = {
      query: async (text: string) => {
        started.push(text)
        running++
        most = Math.max(most, running)
        await new Promise((r) => setTimeout(r, 5))
        running--
        if (text === 'bad') throw new Error('bad query')
        return { rows: [text] }
      },
    }
    serializeQueries(fake as unknown as pg.PoolClient)
    const q = fake.query as (t: string) => Promise<{ rows: string[] }>
    const results = await Promise.allSettled([q('a'), q('bad'), q('b'), q('c')])
    expect(most).toBe(1)
    expect(started).toEqual(['a', 'bad', 'b', 'c'])
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.rows[0] : 'failed'))).toEqual([
      'a',
      'failed',
      'b',
      'c',
    ])
  })

  it('passes callback-style calls straight through', () => {
    const calls: unknown[][] = []
    const fake = { query: (...args: unknown[]) => calls.push(args) }
    serializeQueries(fake as unknown as pg.PoolClient)
    const cb = () => undefined
    ;(fake.query as (...a: unknown[]) => unknown)('select 1', [], cb)
    expect(calls).toEqual([['select 1', [], cb]])
  })
})

const url = process.env.TEST_DATABASE_URL

describe.skipIf(!url)('a transaction on PostgreSQL', () => {
  it('answers queries sent at once, each with its own result, and pg never queues them', async () => {
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(w.message)
    process.on('warning', onWarning)
    const database = await openDatabase({ databaseUrl: url!, poolSize: 2 })
    try {
      const values = await database.db.transaction((tx) =>
        Promise.all(
          [1, 2, 3, 4].map(async (n) => {
            const r = await tx.execute(sql`select ${n}::int as n, pg_sleep(0.01)`)
            return (r as unknown as { rows: { n: number }[] }).rows[0]!.n
          }),
        ),
      )
      expect(values).toEqual([1, 2, 3, 4])
    } finally {
      await database.close()
      process.off('warning', onWarning)
    }
    expect(warnings.filter((m) => m.includes('already executing a query'))).toEqual([])
  })
})
