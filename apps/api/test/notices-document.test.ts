import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './build-app.js'
import { login } from './factories.js'
import { unzip } from './dossier-factories.js'
import { issue, noticeWorld, type NoticeWorld } from './notice-factories.js'

let t: TestApp
let w: NoticeWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await noticeWorld(t)
})
afterAll(() => t.close())

async function download(user: { username: string }, id: string) {
  const { accessToken } = await login(t.app, user.username)
  return t.app.inject({
    method: 'GET',
    url: `/api/v1/notices/${id}/document`,
    headers: { authorization: `Bearer ${accessToken}` },
  })
}

describe('the notice as a Word document', () => {
  it('holds the title, number, addressee, body, problems and date in word/document.xml', async () => {
    const n = await issue(w, {
      title: '关于城区黑臭水体整治进度滞后的督办函',
      level: 'supervision',
    })
    const res = await download(w.world.users.unitA, n.id)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('wordprocessingml.document')
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(n.number)}`,
    )
    expect(res.headers['content-disposition']).toContain(
      `filename="notice-${n.year}-${n.seq}.docx"`,
    )
    const entries = await unzip(res.rawPayload)
    const xml = entries.find((e) => e.name === 'word/document.xml')!.data.toString('utf8')
    const [y, m, d] = new Date()
      .toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })
      .split('-')
      .map(Number)
    for (const s of [
      '关于城区黑臭水体整治进度滞后的督办函',
      n.number,
      `${w.world.units.countyA.name}：`,
      '你县城区黑臭水体整治进度滞后于序时进度。',
      '请切实压实责任，加快推进整改。',
      w.problems.pA.code,
      w.problems.pA.title,
      `${y}年${m}月${d}日`,
      '（印章）',
      '方正小标宋简体',
      '仿宋_GB2312',
    ])
      expect(xml, s).toContain(s)
    // The body paragraphs open with a two-character indent.
    expect(xml).toMatch(/w:firstLineChars="200"/)
  })

  it('answers 404 to a unit the notice is not addressed to', async () => {
    const n = await issue(w)
    expect((await download(w.world.users.unitB, n.id)).statusCode).toBe(404)
    expect((await download(w.world.users.auditor, n.id)).statusCode).toBe(200)
  })
})
