import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, extensions, measures, milestones, problems } from '../src/db/schema/index.js'
import { addDays, shanghaiDate } from '../src/lib/dates.js'
import { uuidv7 } from '../src/lib/ids.js'
import { createTestApp, type TestApp } from './build-app.js'
import { as, makeUser, makeWorld } from './factories.js'
import { makeMeasure, makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
type Api = Awaited<ReturnType<typeof as>>
let lead: Api, unitA: Api, unitB: Api, townA: Api, eebStaff: Api
let round: { id: string }
const today = shanghaiDate()

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  lead = await as(t.app, world.users.lead)
  unitA = await as(t.app, world.users.unitA)
  unitB = await as(t.app, world.users.unitB)
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

describe('the effect preview', () => {
  it('is the office’s: every unit gets the same 403 for a request as for none, so nothing is revealed', async () => {
    const office = await as(t.app, world.users.office)
    const { p } = await shared()
    const asked = await ask(lead, p.id, { requestedDeadline: addDays(today, 90), reason: '征地' })
    expect(asked.statusCode, asked.body).toBe(201)
    const real = `/api/v1/extensions/${asked.json().id}/effect`
    const none = `/api/v1/extensions/${uuidv7()}/effect`
    expect((await office.get(real)).statusCode).toBe(200)
    expect((await office.get(none)).statusCode).toBe(404)
    // The lead unit that asked, the co-responsible county A, its township (which cannot see the
    // problem) and county B (another county): the route is the office's, refused before any
    // lookup, with the same answer whether the request exists or not.
    for (const [name, who] of Object.entries({ lead, unitA, townA, unitB, eebStaff })) {
      const [a, b] = [await who.get(real), await who.get(none)]
      expect([a.statusCode, b.statusCode], name).toEqual([403, 403])
      expect(a.json().code).toBe(b.json().code)
      expect(a.body).not.toContain(p.id)
    }
  })
})

describe('a granted problem-level extension', () => {
  it('carries the measures due with the problem and their open milestones, audited', async () => {
    const office = await as(t.app, world.users.office)
    const { p, own, leads } = await shared()
    const early = await makeMeasure(db(), {
      problem: p,
      unit: world.units.countyA,
      deadline: addDays(today, 10),
    })
    const [open, done] = await db()
      .insert(milestones)
      .values([
        { id: uuidv7(), measureId: own.id, seq: 1, name: '清淤', dueDate: addDays(today, 20) },
        {
          id: uuidv7(),
          measureId: own.id,
          seq: 2,
          name: '设计',
          dueDate: addDays(today, -5),
          doneDate: addDays(today, -6),
        },
      ])
      .returning()
    const asked = await ask(lead, p.id, { requestedDeadline: addDays(today, 90), reason: '征地' })
    const preview = await office.get(`/api/v1/extensions/${asked.json().id}/effect`)
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json()).toEqual({
      problem: { from: addDays(today, 30), to: addDays(today, 90) },
      measures: [own, leads].map((m) => ({
        id: m.id,
        seq: 1,
        content: '措施',
        from: addDays(today, 30),
        to: addDays(today, 90),
        milestones:
          m === own
            ? [{ id: open!.id, name: '清淤', from: addDays(today, 20), to: addDays(today, 80) }]
            : [],
      })),
    })
    expect((await lead.get(`/api/v1/extensions/${asked.json().id}/effect`)).statusCode).toBe(403)
    expect((await unitB.get(`/api/v1/extensions/${asked.json().id}/effect`)).statusCode).toBe(403)
    const granted = await office.post(
      `/api/v1/extensions/${asked.json().id}/decision`,
      { decision: 'grant', reason: '同意' },
      { 'if-match': '"1"' },
    )
    expect(granted.statusCode, granted.body).toBe(200)
    const ms = await db().select().from(measures).where(eq(measures.problemId, p.id))
    const byId = (id: string) => ms.find((m) => m.id === id)!
    for (const m of [own, leads])
      expect(byId(m.id)).toMatchObject({
        deadline: addDays(today, 90),
        originalDeadline: addDays(today, 30),
      })
    expect(byId(early.id)).toMatchObject({ deadline: addDays(today, 10), originalDeadline: null })
    const stones = await db().select().from(milestones).where(eq(milestones.measureId, own.id))
    expect(stones.find((s) => s.id === open!.id)!.dueDate).toBe(addDays(today, 80))
    expect(stones.find((s) => s.id === done!.id)!.dueDate).toBe(addDays(today, -5))
    const moved = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'measure.deadline_extended'))
    expect(moved.map((a) => a.entityId).sort()).toEqual([own.id, leads.id].sort())
    const problem = (await office.get(`/api/v1/problems/${p.id}`)).json()
    expect(problem).toMatchObject({ deadline: addDays(today, 90), overdue: false })
    // The public board shows the original deadline beside the new one, as the ledger does.
    await db().update(problems).set({ public: true }).where(eq(problems.id, p.id))
    const board = await t.app.inject({ url: `/api/v1/public/problems/${p.id}` })
    expect(board.json().problem).toMatchObject({
      deadline: addDays(today, 90),
      originalDeadline: addDays(today, 30),
    })
  })
})
