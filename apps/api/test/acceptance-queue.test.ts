import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptances } from '../src/db/schema/index.js'
import { createTestApp, type TestApp } from './build-app.js'
import {
  closeoutWorld,
  latestAcceptance,
  problemIn,
  type CloseoutWorld,
} from './acceptance-factories.js'

let t: TestApp
let w: CloseoutWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await closeoutWorld(t)
})
afterAll(() => t.close())

describe('what the caller may do (can) and the review queue', () => {
  it('tells each caller their next step', async () => {
    const inProgress = await problemIn(t, w, 'in_progress')
    const county = await problemIn(t, w, 'county_review')
    const city = await problemIn(t, w, 'city_review')
    const can = async (who: keyof CloseoutWorld['api'], id: string) =>
      (await w.api[who].get(`/api/v1/problems/${id}/acceptance`)).json().can
    expect(await can('lead', inProgress.id)).toMatchObject({ apply: true, review: null })
    expect(await can('office', inProgress.id)).toMatchObject({ apply: false, review: null })
    const a = (await latestAcceptance(t, county.id))!
    const countyLevel = { acceptanceId: a.id, level: 0, levelKind: 'county' }
    expect((await can('countyLead', county.id)).review).toEqual(countyLevel)
    expect((await can('office', county.id)).review).toEqual(countyLevel)
    expect(await can('lead', county.id)).toMatchObject({ apply: false, review: null })
    expect(await can('unit', county.id)).toMatchObject({
      apply: false,
      review: null,
      openPublicity: false,
      close: false,
      downloadDossier: true,
    })
    expect((await can('officeOwn', county.id)).review).toBeNull()
    expect((await can('countyLead', city.id)).review).toBeNull()
    expect((await can('office', city.id)).review).toMatchObject({ level: 1, levelKind: 'city' })
  })

  it('lists in awaitingMe exactly the applications whose can.review names the caller', async () => {
    await problemIn(t, w, 'county_review')
    await problemIn(t, w, 'city_review')
    for (const who of ['office', 'officeOwn', 'countyLead', 'lead', 'unit'] as const) {
      const page = (await w.api[who].get('/api/v1/acceptances?awaitingMe=true&limit=200')).json()
      const listed = page.items.map((x: { problem: { id: string } }) => x.problem.id).sort()
      const all = (await w.api[who].get('/api/v1/acceptances?status=in_review&limit=200')).json()
      const mine: string[] = []
      for (const x of all.items) {
        const file = (await w.api[who].get(`/api/v1/problems/${x.problem.id}/acceptance`)).json()
        if (file.can.review) mine.push(x.problem.id)
      }
      expect(listed, who).toEqual(mine.sort())
      if (who === 'office' || who === 'countyLead') expect(listed.length, who).toBeGreaterThan(0)
    }
  })

  it('pages the list with a cursor and refuses a forged one', async () => {
    const first = (await w.api.office.get('/api/v1/acceptances?limit=2')).json()
    expect(first.items).toHaveLength(2)
    const next = (
      await w.api.office.get(`/api/v1/acceptances?limit=2&cursor=${first.nextCursor}`)
    ).json()
    expect(next.items[0].acceptance.id < first.items[1].acceptance.id).toBe(true)
    expect(next.total).toBe(first.total)
    const forged = Buffer.from(JSON.stringify(['x'])).toString('base64url')
    expect((await w.api.office.get(`/api/v1/acceptances?cursor=${forged}`)).statusCode).toBe(400)
    const rows = await t.database.db.select().from(acceptances)
    expect(first.total).toBe(rows.length)
  })
})
