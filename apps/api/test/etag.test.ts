import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './build-app.js'
import { as, client, login, makeWorld } from './factories.js'
import { makeProblem, makeRound } from './ledger-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
type Api = Awaited<ReturnType<typeof as>>
let admin: Api, office: Api, unitA: Api, unitB: Api
let url: string
let officeToken: string

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  admin = await as(t.app, world.users.admin)
  officeToken = (await login(t.app, world.users.office.username)).accessToken
  office = client(t.app, officeToken)
  unitA = await as(t.app, world.users.unitA)
  unitB = await as(t.app, world.users.unitB)
  const round = await makeRound(t.database.db)
  const p = await makeProblem(t.database.db, {
    round,
    leadUnit: world.units.eeb,
    region: world.units.countyA,
  })
  url = `/api/v1/problems/${p.id}`
})
afterAll(() => t.close())

/** `"<version>-<digest>"`: the version If-Match is checked against, and the bytes' digest. */
const ETAG = /^"(\d+)-[\w-]{43}"$/
const versionOf = (etag: unknown) => Number(ETAG.exec(String(etag))?.[1])

describe('ETag and If-None-Match on detail routes', () => {
  it('answers 304 without a body, keeping ETag and Cache-Control, while nothing changed', async () => {
    const first = await office.get(url)
    expect(first.statusCode).toBe(200)
    const etag = first.headers.etag as string
    expect(etag).toMatch(ETAG)
    expect(versionOf(etag)).toBe(first.json<{ version: number }>().version)
    expect(first.headers['cache-control']).toBe('private, no-cache')

    const same = await office.get(url, { 'if-none-match': etag })
    expect(same.statusCode).toBe(304)
    expect(same.body).toBe('')
    expect(same.headers['content-type']).toBeUndefined()
    expect(same.headers.etag).toBe(etag)
    expect(same.headers['cache-control']).toBe('private, no-cache')
    // RFC 9110: weak comparison, lists and `*`.
    expect((await office.get(url, { 'if-none-match': `"x", W/${etag}` })).statusCode).toBe(304)
    expect((await office.get(url, { 'if-none-match': '*' })).statusCode).toBe(304)
    expect((await office.get(url, { 'if-none-match': '"1"' })).statusCode).toBe(200)
    const head = await t.app.inject({
      method: 'HEAD',
      url,
      headers: { authorization: `Bearer ${officeToken}`, 'if-none-match': etag },
    })
    expect(head.statusCode).toBe(304)
    expect(head.headers.etag).toBe(etag)
  })

  it('answers 200 with a new ETag when something the detail embeds changed but its version did not', async () => {
    const before = await office.get(url)
    const etag = before.headers.etag as string
    const unitUrl = `/api/v1/units/${world.units.eeb.id}`
    const unit = await admin.get(unitUrl)
    const renamed = await admin.patch(
      unitUrl,
      { name: '市生态环境局（新）' },
      { 'if-match': unit.headers.etag as string },
    )
    expect(renamed.statusCode, renamed.body).toBe(200)

    const after = await office.get(url, { 'if-none-match': etag })
    expect(after.statusCode).toBe(200)
    expect(after.json()).toMatchObject({ leadUnit: { name: '市生态环境局（新）' } })
    expect(after.headers.etag).not.toBe(etag)
    expect(versionOf(after.headers.etag)).toBe(versionOf(etag))
  })

  it('gives each caller the ETag of what that caller reads (the detail differs by who asks)', async () => {
    const asOffice = await office.get(url)
    const asUnit = await unitA.get(url)
    expect(asUnit.statusCode).toBe(200)
    expect(asUnit.body === asOffice.body).toBe(asUnit.headers.etag === asOffice.headers.etag)
    const other = await unitA.get(url, { 'if-none-match': asUnit.headers.etag as string })
    expect(other.statusCode).toBe(304)
  })

  it('takes the ETag a GET gave as If-Match, the bare version too, and refuses a stale one with 412', async () => {
    const read = await office.get(url)
    const etag = read.headers.etag as string
    const version = versionOf(etag)
    const ok = await office.patch(url, { title: '改过的标题' }, { 'if-match': etag })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(versionOf(ok.headers.etag)).toBe(version + 1)

    const stale = await office.patch(url, { title: '再改' }, { 'if-match': etag })
    expect(stale.statusCode).toBe(412)
    expect(stale.headers['content-type']).toMatch(/problem\+json/)
    expect(stale.headers.etag).toBeUndefined()
    expect((await office.get(url)).json()).toMatchObject({ title: '改过的标题' })

    const bare = await office.patch(url, { title: '再改' }, { 'if-match': `"${version + 1}"` })
    expect(bare.statusCode, bare.body).toBe(200)
    const weak = await office.patch(
      url,
      { title: '三改' },
      { 'if-match': `W/${bare.headers.etag}` },
    )
    expect(weak.statusCode, weak.body).toBe(200)
    // The ETag a write answered names what a GET then reads, byte for byte.
    const next = await office.get(url, { 'if-none-match': weak.headers.etag as string })
    expect(next.statusCode).toBe(304)
  })

  it('never lets a caller who may not read the resource probe it with If-None-Match', async () => {
    const etag = (await office.get(url)).headers.etag as string
    for (const tag of [etag, '*']) {
      const hidden = await unitB.get(url, { 'if-none-match': tag })
      expect(hidden.statusCode).toBe(404)
      expect(hidden.headers.etag).toBeUndefined()
      const anonymous = await client(t.app).get(url, { 'if-none-match': tag })
      expect(anonymous.statusCode).toBe(401)
      expect(anonymous.headers.etag).toBeUndefined()
    }
  })

  it('sets no ETag on lists (no version to name)', async () => {
    const list = await office.get('/api/v1/problems')
    expect(list.statusCode).toBe(200)
    expect(list.headers.etag).toBeUndefined()
  })
})
