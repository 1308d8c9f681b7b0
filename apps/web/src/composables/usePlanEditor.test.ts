// @vitest-environment happy-dom
/**
 * The plan editor (整改方案): the rules beside each measure's fields, and what saving sends —
 * each record with its own version, only what changed, and a 412 answered by laying the user's
 * edits over the newer plan.
 */
import type { Measure, Problem } from '@rectify/schemas'
import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { page, problem, useFakeApi, type FakeApi, type Sent } from '@/test/fake-api'
import { withSetup } from '@/test/mount'
import { usePlanEditor } from './usePlanEditor'

const record = (version: number, target = '消除黑臭，水质达到V类') =>
  ({
    id: 'p1',
    code: 'HB-1',
    version,
    target,
    deadline: '2099-06-30',
    status: 'in_progress',
  }) as unknown as Problem

const measure = (version: number, over: Partial<Measure> = {}) =>
  ({
    id: 'm1',
    problemId: 'p1',
    version,
    content: '截污纳管',
    unit: { id: 'unit1', code: 'HB', name: '市水务局' },
    personName: '李四',
    startDate: '2099-01-01',
    deadline: '2099-03-31',
    weight: 1,
    milestones: [],
    ...over,
  }) as unknown as Measure

function servePlan(server: FakeApi, records: Problem[], plans: Measure[][]) {
  return server
    .on('GET /api/v1/problems/p1', ...records)
    .on('GET /api/v1/problems/p1/measures', ...plans.map((items) => ({ items })))
    .on('GET /api/v1/units', page([]))
}

const ifMatch = (s: Sent) => s.headers.get('If-Match')
const t = (key: string) => i18n.global.t(key)

describe('the plan editor', () => {
  const server = useFakeApi()

  it('shows in Chinese what a new measure still needs, and sends nothing', async () => {
    servePlan(server, [record(3)], [[measure(2)]])
    const plan = withSetup(() => usePlanEditor())
    await plan.load('p1')
    plan.addMeasure()
    const before = server.sent.length

    expect(await plan.save()).toBe(false)
    const added = plan.form.drafts[1]!
    expect(plan.issues.value[added.key]?.map((i) => t(i.key))).toEqual([
      '请填写整改措施',
      '请选择责任单位',
    ])
    expect(plan.issues.value[plan.form.drafts[0]!.key]).toBeUndefined()
    expect(server.sent).toHaveLength(before)
  })

  it('refuses a measure due after the problem, naming the problem’s deadline', async () => {
    servePlan(server, [record(3)], [[measure(2)]])
    const plan = withSetup(() => usePlanEditor())
    await plan.load('p1')
    plan.form.drafts[0]!.deadline = '2099-12-31'
    expect(await plan.save()).toBe(false)
    const [issue] = plan.issues.value['m1']!
    expect(issue!.field).toBe('deadline')
    expect(i18n.global.t(issue!.key, issue!.named ?? {})).toBe(
      '完成时限不能晚于问题的整改时限（2099-06-30）',
    )
  })

  it('saves the target, a changed measure and a new one, each with its own version, then reads the plan again', async () => {
    servePlan(
      server,
      [record(3), record(4)],
      [[measure(2)], [measure(3), measure(1, { id: 'm2' })]],
    )
      .on('PATCH /api/v1/problems/p1', record(4, '消除黑臭，水质稳定达到V类'))
      .on('PATCH /api/v1/measures/m1', measure(3, { content: '截污纳管（一期）' }))
      .on('POST /api/v1/problems/p1/measures', measure(1, { id: 'm2' }))
    const plan = withSetup(() => usePlanEditor())
    await plan.load('p1')
    plan.form.target = ' 消除黑臭，水质稳定达到V类 '
    plan.form.drafts[0]!.content = '截污纳管（一期）'
    plan.addMeasure()
    Object.assign(plan.form.drafts[1]!, {
      content: '清淤疏浚',
      unitId: 'unit2',
      startDate: '2099-02-01',
      deadline: '2099-05-31',
    })

    expect(await plan.save()).toBe(true)
    const [target] = server.to('PATCH /api/v1/problems/p1')
    expect(ifMatch(target!)).toBe('"3"')
    expect(target!.body).toEqual({ target: '消除黑臭，水质稳定达到V类' })
    const [changed] = server.to('PATCH /api/v1/measures/m1')
    expect(ifMatch(changed!)).toBe('"2"')
    expect(changed!.body).toEqual({ content: '截污纳管（一期）' })
    const [created] = server.to('POST /api/v1/problems/p1/measures')
    expect(created!.body).toMatchObject({
      content: '清淤疏浚',
      unitId: 'unit2',
      startDate: '2099-02-01',
      deadline: '2099-05-31',
    })
    expect(server.routes().slice(-2)).toEqual([
      'GET /api/v1/problems/p1',
      'GET /api/v1/problems/p1/measures',
    ])
  })

  it('on 412 keeps the edit, lays it over the newer measure after a reload, and sends its version', async () => {
    const newer = measure(5, { deadline: '2099-04-30' })
    servePlan(server, [record(3)], [[measure(2)], [newer], [measure(6)]]).on(
      'PATCH /api/v1/measures/m1',
      problem(412, 'precondition_failed'),
      measure(6, { content: '截污纳管（一期）', deadline: '2099-04-30' }),
    )
    const plan = withSetup(() => usePlanEditor())
    await plan.load('p1')
    plan.form.drafts[0]!.content = '截污纳管（一期）'

    expect(await plan.save()).toBe(false)
    expect(plan.stale.value).toBe('stale')
    await plan.reload()
    expect(plan.stale.value).toBe('reloaded')
    expect(plan.form.drafts[0]).toMatchObject({
      content: '截污纳管（一期）',
      deadline: '2099-04-30',
      version: 5,
    })

    expect(await plan.save()).toBe(true)
    const patches = server.to('PATCH /api/v1/measures/m1')
    expect(patches.map(ifMatch)).toEqual(['"2"', '"5"'])
    expect(patches[1]!.body).toEqual({ content: '截污纳管（一期）' })
    expect(plan.stale.value).toBe('no')
  })
})
