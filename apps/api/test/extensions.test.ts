import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extensions } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeUser, makeWorld } from './factories.js'
import { makeMeasure, makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
type Api = Awaited<ReturnType<typeof as>>
let lead: Api, unitA: Api, townA: Api, eebStaff: Api
let round: { id: string }
const today = shanghaiDate()

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  lead = await as(t.app, world.users.lead)
  unitA = await as(t.app, world.users.unitA)
  townA = await as(t.app, world.users.townA)
  // Staff of the lead unit without the lead-unit role still speak for the lead unit.
  eebStaff = await as(
    t.app,
    await makeUser(t.database.db, { unit: world.units.eeb, roles: ['unit'] }),
  )
  round = await makeRound(t.database.db)
})
afterAll(() => t.close())

const db = () => t.database.db
const ask = (who: Api, id: string, b: object) => who.post(`/api/v1/problems/${id}/extensions`, b)

/** A problem led by the ecology bureau with county A co-responsible: one measure each. */
async function shared() {
  const p = await makeProblem(db(), {
    round,
    leadUnit: world.units.eeb,
    region: world.units.countyA,
    coUnits: [world.units.countyA],
    status: 'in_progress',
    deadline: 30,
  })
  const own = await makeMeasure(db(), {
    problem: p,
    unit: world.units.countyA,
    deadline: addDays(today, 30),
  })
  const leads = await makeMeasure(db(), {
    problem: p,
    unit: world.units.eeb,
    deadline: addDays(today, 30),
  })
  return { p, own, leads }
}

describe('who may ask for an extension', () => {
  const later = { requestedDeadline: addDays(today, 90), reason: '征地协调未完成' }

  it.each([
    ['the lead unit, for the whole problem', 'lead', 'whole', 201, null],
    ['staff of the lead unit, for the whole problem', 'eebStaff', 'whole', 201, null],
    ['the lead unit, for a co-unit’s measure', 'lead', 'own', 201, null],
    ['a co-responsible unit, for the whole problem', 'unitA', 'whole', 403, 'not_lead_unit'],
    ['a co-responsible unit, for its own measure', 'unitA', 'own', 201, null],
    ['a co-responsible unit, for the lead unit’s measure', 'unitA', 'leads', 403, 'forbidden'],
    [
      'a township below the co-unit, which cannot see the problem',
      'townA',
      'own',
      404,
      'not_found',
    ],
  ] as const)('%s (%s, %s) → %i', async (_name, who, target, status, code) => {
    const { p, own, leads } = await shared()
    const caller = { lead, eebStaff, unitA, townA }[who]
    const measureId = target === 'own' ? own.id : target === 'leads' ? leads.id : undefined
    const res = await ask(caller, p.id, { ...later, ...(measureId ? { measureId } : {}) })
    expect(res.statusCode, res.body).toBe(status)
    if (code) expect(res.json().code).toBe(code)
    const rows = await db().select().from(extensions).where(eq(extensions.problemId, p.id))
    expect(rows).toHaveLength(status === 201 ? 1 : 0)
  })

  it.each([' ', '   ', '\u3000\u3000', '\n\t '])(
    'refuses a reason of only white space (%j) with 422 naming the field',
    async (reason) => {
      const { p } = await shared()
      const res = await ask(lead, p.id, { requestedDeadline: addDays(today, 90), reason })
      expect(res.statusCode).toBe(422)
      expect(res.json()).toMatchObject({
        code: 'validation',
        errors: [{ path: '/reason', message: 'must hold text, not only spaces' }],
      })
      expect(
        await db().select().from(extensions).where(eq(extensions.problemId, p.id)),
      ).toHaveLength(0)
    },
  )
})
