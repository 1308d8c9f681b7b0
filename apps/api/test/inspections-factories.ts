import { expect } from 'vitest'
import type { client } from './factories.js'
import { shanghaiDate } from '../src/lib/dates.js'

type Api = ReturnType<typeof client>

/** Plans an inspection as the office; returns its body (id, version ...). */
export async function planInspection(
  office: Api,
  o: {
    kind: 'routine' | 'unannounced'
    targetUnitIds: string[]
    title?: string
    plannedDate?: string
  },
) {
  const res = await office.post('/api/v1/inspections', {
    title:
      o.title ?? (o.kind === 'unannounced' ? '明察暗访：城区黑臭水体' : '例行督查：污水处理厂'),
    kind: o.kind,
    plannedDate: o.plannedDate ?? shanghaiDate(),
    team: '市督查室 王敏、市生态环境局 李强',
    sites: [{ name: '城东污水处理厂', address: '城东路1号' }],
    targetUnitIds: o.targetUnitIds,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ id: string; version: number; status: string }>()
}

/** Completes an inspection today. */
export async function completeInspection(office: Api, i: { id: string; version: number }) {
  const res = await office.post(
    `/api/v1/inspections/${i.id}/complete`,
    { doneDate: shanghaiDate(), summary: '现场检查发现问题2个。' },
    { 'if-match': `"${i.version}"` },
  )
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ id: string; version: number; status: string }>()
}

/** Plans an inspection and, with `done`, completes it (or cancels it with `cancelled`). */
export async function inspectionIn(
  office: Api,
  o: {
    kind: 'routine' | 'unannounced'
    targetUnitIds: string[]
    status: 'planned' | 'done' | 'cancelled'
  },
) {
  const planned = await planInspection(office, o)
  if (o.status === 'done') return completeInspection(office, planned)
  if (o.status === 'cancelled') {
    const res = await office.post(
      `/api/v1/inspections/${planned.id}/cancel`,
      {},
      {
        'if-match': `"${planned.version}"`,
      },
    )
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ id: string; version: number; status: string }>()
  }
  return planned
}
