import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './build-app.js'
import { unzip } from './dossier-factories.js'
import { issue, noticeWorld, type NoticeWorld } from './notice-factories.js'

let t: TestApp
let w: NoticeWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await noticeWorld(t)
})
afterAll(() => t.close())

async function summary(who: keyof NoticeWorld['api'], problemId: string) {
  const res = await w.api[who].get(`/api/v1/problems/${problemId}/dossier`)
  expect(res.statusCode, res.body).toBe(200)
  const entries = await unzip(res.rawPayload)
  return entries.find((e) => e.name === 'index.html')!.data.toString('utf8')
}

describe('the dossier', () => {
  it('carries the notices naming the problem that the exporter may read, with number, level and reply', async () => {
    const toCounty = await issue(w, { title: '关于城区黑臭水体整治的提醒函' })
    await w.api.unitA.post(
      `/api/v1/notices/${toCounty.id}/reply`,
      { text: '已完成截污纳管工程，水质明显好转。' },
      { 'if-match': `"${toCounty.version}"` },
    )
    await issue(w, {
      level: 'warning',
      unitId: w.world.units.eeb.id,
      title: '关于牵头推进黑臭水体整治的警示函',
    })
    const office = await summary('office', w.problems.pA.id)
    expect(office).toContain('督办情况')
    expect(office).toContain(toCounty.number)
    expect(office).toContain('提醒函')
    expect(office).toContain('已完成截污纳管工程')
    expect(office).toContain('关于牵头推进黑臭水体整治的警示函')
    // The county reads its own notice, never one addressed to another unit.
    const county = await summary('unitA', w.problems.pA.id)
    expect(county).toContain('关于城区黑臭水体整治的提醒函')
    expect(county).not.toContain('关于牵头推进黑臭水体整治的警示函')
  })

  it('says so when no notice names the problem', async () => {
    expect(await summary('office', w.problems.pB.id)).toContain('无督办记录。')
  })
})
