import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Problem } from '@rectify/schemas'
import { petitions, problems } from '../src/db/schema/index.js'
import { ORDERED_CASES, chineseNumeral } from '../src/lib/natural-sort.cases.js'
import { naturalKey } from '../src/lib/natural-sort.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeWorld } from './factories.js'
import { makeProblem, makeRound, qs } from './ledger-factories.js'

/** The rows of a raw query (node-postgres and PGlite both answer `{ rows }`). */
const rowsOf = <R>(res: unknown) => (res as { rows: R[] }).rows

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
})
afterAll(() => t.close())

describe('rectify_natural_key (the database side of lib/natural-sort.ts)', () => {
  it('computes exactly the TypeScript key for every case and some awkward strings', async () => {
    const codes = [
      ...Object.values(ORDERED_CASES).flat(),
      '',
      ' ',
      '　全角空格',
      '😀第1项',
      'x'.repeat(40) + '9'.repeat(40),
      '零零七',
      '千千',
      'ＡＢＣ-１２３',
    ]
    const rows = rowsOf<{ k: string }>(
      await t.database.db.execute(
        sql`select rectify_natural_key(c) as k from unnest(${sql.param(codes)}::text[]) with ordinality as x(c, n) order by n`,
      ),
    )
    expect(rows.map((r) => r.k)).toEqual(codes.map(naturalKey))
  })

  it('fills problems.code_key and petitions.receipt_key on every write, whoever writes', async () => {
    const db = t.database.db
    const round = await makeRound(db)
    const p = await makeProblem(db, { round, leadUnit: world.units.eeb, code: '第十二项' })
    expect(p.codeKey).toBe(naturalKey('第十二项'))
    await db.update(problems).set({ code: '第3项' }).where(eq(problems.id, p.id))
    const [after] = await db.select().from(problems).where(eq(problems.id, p.id))
    expect(after!.codeKey).toBe(naturalKey('第3项'))
    const [ddl] = rowsOf<{ g: string }>(
      await db.execute(
        sql`select is_generated as g from information_schema.columns where table_name = 'petitions' and column_name = 'receipt_key'`,
      ),
    )
    expect(ddl!.g).toBe('ALWAYS')
    expect(petitions.receiptKey.name).toBe('receipt_key')
  })
})

describe('GET /problems?sort=code', () => {
  it('lists 第1项..第20项 and (一)..(十二) in natural order, across pages, both ways', async () => {
    const db = t.database.db
    const round = await makeRound(db)
    const items = Array.from({ length: 20 }, (_, i) => `第${i + 1}项`)
    const brackets = Array.from({ length: 12 }, (_, i) => `（${chineseNumeral(i + 1)}）`)
    // Inserted in text order, which is the wrong order: 第1项, 第10项, 第11项 …
    for (const code of [...items, ...brackets].sort())
      await makeProblem(db, { round, leadUnit: world.units.eeb, code })
    const office = await as(t.app, world.users.office)
    for (const sort of ['code', '-code']) {
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const res = await office.get(
          `/api/v1/problems${qs({ round: round.id, sort, limit: 7, cursor })}`,
        )
        expect(res.statusCode, res.body).toBe(200)
        const page = res.json<{ items: Problem[]; nextCursor: string | null }>()
        seen.push(...page.items.map((p) => p.code))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      // （ is read as ( and sorts before 第.
      const expected = [...brackets, ...items]
      expect(seen).toEqual(sort === 'code' ? expected : [...expected].reverse())
    }
  })

  it('runs on the code key index', async () => {
    const db = t.database.db
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`)
      return rowsOf<{ 'QUERY PLAN': string }>(
        await tx.execute(sql`explain select id from problems order by code_key, id limit 50`),
      )
    })
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/problems_code_key_idx/)
  })
})
