import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './build-app.js'
import {
  closeoutWorld,
  problemIn,
  problemVersion,
  STATES,
  WHO,
  type CloseoutWorld,
} from './acceptance-factories.js'

/**
 * `can.apply` in a problem's close-out file is what the application itself accepts: for every
 * state a problem passes through and every caller, the file's word and the answer to
 * POST /problems/{id}/acceptances agree (true ⇔ 201; false ⇔ a 4xx that changed nothing).
 */

let t: TestApp
let w: CloseoutWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await closeoutWorld(t)
})
afterAll(() => t.close())

describe('can.apply is what applying accepts', () => {
  it.each(STATES)('a problem in %s, for every caller', async (state) => {
    const seen: string[] = []
    for (const who of WHO) {
      const p = await problemIn(t, w, state)
      const file = await w.api[who].get(`/api/v1/problems/${p.id}/acceptance`)
      const can = file.statusCode === 200 ? file.json().can.apply : false
      const v = await problemVersion(t, p.id)
      const res = await w.api[who].post(
        `/api/v1/problems/${p.id}/acceptances`,
        { selfCheck: '已按方案完成全部整改措施，自验合格。' },
        { 'if-match': `"${v}"` },
      )
      expect(res.statusCode === 201, `${state} as ${who}: can.apply ${can}, ${res.body}`).toBe(can)
      if (!can) expect(res.statusCode).toBeGreaterThanOrEqual(400)
      if (state === 'in_progress_unready' && who === 'lead')
        expect(res.json()).toMatchObject({ status: 409, code: 'not_ready' })
      if (can) seen.push(who)
    }
    // The only caller who may apply is the lead unit, and only once the work is reported done
    // (an immediate problem straight from draft).
    expect(seen).toEqual(['in_progress', 'draft_immediate'].includes(state) ? ['lead'] : [])
  })
})
