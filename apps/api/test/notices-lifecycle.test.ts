import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events, files, inboxMessages } from '../src/db/schema/index.js'
import { addDays } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import { login } from './factories.js'
import { pdfBytes, upload } from './evidence-factories.js'
import { ifMatch, issue, noticeWorld, today, type NoticeWorld } from './notice-factories.js'

let t: TestApp
let w: NoticeWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await noticeWorld(t)
})
afterAll(() => t.close())

const db = () => t.database.db
const eventTypes = async (id: string) =>
  (await db().select().from(events).where(eq(events.entityId, id))).map((e) => e.type)
const reply = (api: NoticeWorld['api']['unitA'], id: string, v: number, body: object = {}) =>
  api.post(
    `/api/v1/notices/${id}/reply`,
    { text: '已制定整改方案，正在推进。', ...body },
    ifMatch(v),
  )

async function uploadAs(user: { username: string }, name = '整改情况报告.pdf') {
  const { accessToken } = await login(t.app, user.username)
  const res = await upload(t.app, accessToken, { filename: name, data: pdfBytes() })
  return { token: accessToken, file: res.json<{ id: string }>() }
}

describe('replying to a notice', () => {
  it('is the addressed unit’s: another county 404, the office 403, the county’s township 404', async () => {
    const n = await issue(w)
    expect((await reply(w.api.unitB, n.id, 1)).statusCode).toBe(404)
    expect((await reply(w.api.townA, n.id, 1)).statusCode).toBe(404)
    expect((await reply(w.api.office, n.id, 1)).statusCode).toBe(403)
    expect(
      (await w.api.unitA.post(`/api/v1/notices/${n.id}/reply`, { text: '回复' })).statusCode,
    ).toBe(428)
    expect((await reply(w.api.unitA, n.id, 2)).statusCode).toBe(412)
  })

  it('records the text and evidence, messages the office and emits notice.replied', async () => {
    const n = await issue(w)
    const { token, file } = await uploadAs(w.world.users.unitA)
    const res = await reply(w.api.unitA, n.id, 1, { fileIds: [file.id] })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'replied',
      version: 2,
      reply: { text: '已制定整改方案，正在推进。', by: { id: w.world.users.unitA.id } },
      can: { reply: false, close: false },
    })
    expect(res.json().reply.files.map((f: { id: string }) => f.id)).toEqual([file.id])
    const [f] = await db().select().from(files).where(eq(files.id, file.id))
    expect(f).toMatchObject({ ownerType: 'notice_reply', ownerId: n.id })
    expect(await eventTypes(n.id)).toEqual(['notice.issued', 'notice.replied'])
    const toOffice = await db()
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.userId, w.world.users.office.id))
    expect(toOffice.some((m) => m.entityId === n.id && m.title.includes('已回复'))).toBe(true)
    // The evidence is read like the notice.
    const get = (tok: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/files/${file.id}`,
        headers: { authorization: `Bearer ${tok}` },
      })
    expect((await get(token)).statusCode).toBe(200)
    expect(
      (await get((await login(t.app, w.world.users.office.username)).accessToken)).statusCode,
    ).toBe(200)
    expect(
      (await get((await login(t.app, w.world.users.unitB.username)).accessToken)).statusCode,
    ).toBe(404)
    // Once replied, a second reply is a conflict.
    expect((await reply(w.api.unitA, n.id, 2)).statusCode).toBe(409)
  })

  it('refuses a file someone else uploaded with 422', async () => {
    const n = await issue(w)
    const { file } = await uploadAs(w.world.users.office)
    expect((await reply(w.api.unitA, n.id, 1, { fileIds: [file.id] })).statusCode).toBe(422)
  })
})

describe('closing a notice', () => {
  it('only closes a replied notice, as the office', async () => {
    const n = await issue(w)
    const close = (api: NoticeWorld['api']['office'], v: number) =>
      api.post(`/api/v1/notices/${n.id}/close`, { note: '整改到位，同意办结' }, ifMatch(v))
    expect((await close(w.api.office, 1)).statusCode).toBe(409)
    await reply(w.api.unitA, n.id, 1)
    expect((await close(w.api.unitA, 2)).statusCode).toBe(403)
    expect((await close(w.api.office, 1)).statusCode).toBe(412)
    const res = await close(w.api.office, 2)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'closed',
      closeNote: '整改到位，同意办结',
      version: 3,
    })
    expect(await eventTypes(n.id)).toEqual(['notice.issued', 'notice.replied', 'notice.closed'])
    expect((await close(w.api.office, 3)).statusCode).toBe(409)
  })
})

describe('escalating a notice', () => {
  it('walks reminder → supervision → warning → listed with new numbers, and refuses past listed', async () => {
    let n = (await issue(w)) as { id: string; number: string; version: number; level?: string }
    const numbers = [n.number]
    const escalate = (id: string, v: number) =>
      w.api.office.post(
        `/api/v1/notices/${id}/escalate`,
        { body: '整改仍未到位，升级督办。', replyDue: addDays(today(), 5) },
        ifMatch(v),
      )
    for (const level of ['supervision', 'warning', 'listed']) {
      const res = await escalate(n.id, n.version)
      expect(res.statusCode, res.body).toBe(201)
      const next = res.json()
      expect(next).toMatchObject({
        level,
        status: 'issued',
        parent: { id: n.id, status: 'escalated' },
        unit: { id: w.world.units.countyA.id },
        problems: [{ id: w.problems.pA.id }],
      })
      expect(numbers).not.toContain(next.number)
      numbers.push(next.number)
      expect(await eventTypes(n.id)).toContain('notice.escalated')
      n = next
    }
    const top = (await w.api.office.get(`/api/v1/notices/${n.id}`)).json()
    expect(top.chain.map((c: { level: string }) => c.level)).toEqual([
      'reminder',
      'supervision',
      'warning',
      'listed',
    ])
    expect(top.can.escalate).toBe(false)
    expect((await escalate(n.id, n.version)).statusCode).toBe(409)
    // The escalated one cannot be escalated again, nor replied to.
    const first = (await w.api.office.get(`/api/v1/notices/${top.chain[0].id}`)).json()
    expect(first).toMatchObject({ status: 'escalated', child: { level: 'supervision' } })
    expect((await escalate(first.id, first.version)).statusCode).toBe(409)
    expect((await reply(w.api.unitA, first.id, first.version)).statusCode).toBe(409)
  })

  it('refuses a reply date in the past with 422 and a unit with 403', async () => {
    const n = await issue(w)
    const res = await w.api.office.post(
      `/api/v1/notices/${n.id}/escalate`,
      { body: '升级', replyDue: addDays(today(), -1) },
      ifMatch(1),
    )
    expect(res.statusCode).toBe(422)
    const unit = await w.api.unitA.post(
      `/api/v1/notices/${n.id}/escalate`,
      { body: '升级', replyDue: addDays(today(), 3) },
      ifMatch(1),
    )
    expect(unit.statusCode).toBe(403)
  })
})
