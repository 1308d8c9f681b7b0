import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/client.js'
import { seedProvince } from '../src/seed/province.js'
import { openTestDatabase } from './database.js'

/**
 * The province profile (`seed --profile province`, the bench's BENCH_PROFILE=province) makes the
 * reports it states — problems × measures × reports per measure, 1,000,000 at the defaults — even
 * though draft problems report nothing. A small size, the same arithmetic.
 */
let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(() => database.close())

describe('the province seed', () => {
  it('makes exactly problems × measures × reports per measure reports, none on a draft', async () => {
    const r = await seedProvince(database, {
      problems: 70,
      measuresPerProblem: 5,
      reportsPerMeasure: 4,
    })
    expect(r).toMatchObject({ problems: 70, measures: 350, reports: 1400 })
    const [drafts] = await database.query<{ n: string }>(
      `select count(*) as n from progress_reports r join problems p on p.id = r.problem_id
        where p.status = 'draft'`,
    )
    expect(Number(drafts!.n)).toBe(0)
    // The dashboards' rollup is merged: no delta left for a copy of the seed to read.
    const [rollup] = await database.query<{ deltas: string; merged: string }>(
      `select count(*) filter (where not merged) as deltas, count(*) filter (where merged) as merged
         from problem_rollup`,
    )
    expect(Number(rollup!.deltas)).toBe(0)
    expect(Number(rollup!.merged)).toBeGreaterThan(0)
  })
})
