import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './build-app.js'
import { login, makeWorld } from './factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let token: string

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  token = (await login(t.app, world.users.admin.username)).accessToken
})
afterAll(() => t.close())

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...headers } })

describe('ETag and If-None-Match', () => {
  it('answers 304 without a body while the version is current, 200 once it changed', async () => {
    const url = `/api/v1/units/${world.units.countyA.id}`
    const first = await get(url)
    expect(first.statusCode).toBe(200)
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"\d+"$/)

    const same = await get(url, { 'if-none-match': etag })
    expect(same.statusCode).toBe(304)
    expect(same.body).toBe('')
    expect(same.headers.etag).toBe(etag)
    expect((await get(url, { 'if-none-match': `"x", W/${etag}` })).statusCode).toBe(304)
    expect((await get(url, { 'if-none-match': '"999"' })).statusCode).toBe(200)

    const changed = await t.app.inject({
      method: 'PATCH',
      url,
      payload: { name: `${first.json().name}（改）` },
      headers: { authorization: `Bearer ${token}`, 'if-match': etag },
    })
    expect(changed.statusCode).toBe(200)
    const after = await get(url, { 'if-none-match': etag })
    expect(after.statusCode).toBe(200)
    expect(after.headers.etag).not.toBe(etag)
  })

  it('never answers 304 to a caller who may not read the resource', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/units/${world.units.countyA.id}`,
      headers: { 'if-none-match': '*' },
    })
    expect(res.statusCode).toBe(401)
  })
})
