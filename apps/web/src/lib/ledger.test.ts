import type { LightInfo, Measure, Problem, ProgressReport } from '@rectify/schemas'
import { describe, expect, it } from 'vitest'
import { formatDate } from '@/i18n/format'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'
import { FIRST_PAGE, nextTarget, previousTarget, stackAt, type CursorStack } from './cursor-stack'
import {
  ledgerLocationQuery,
  parseLedgerFilters,
  parseLedgerPaging,
  toProblemsQuery,
} from './ledger-query'
import { lightReasonLines, lightReasonText, type ReasonContext } from './light'
import { addDays, currentPeriod, daysBetween, formatPeriod, shanghaiToday } from './period'
import {
  checkMeasure,
  emptyMeasure,
  fromMeasure,
  rebaseDraft,
  updateBody,
  type MeasureDraft,
} from './plan'
import {
  extendableMeasures,
  mayExtendWhole,
  mayReview,
  planAccess,
  problemActions,
  reportableMeasures,
  type Viewer,
} from './problem-access'

type Tree = { [key: string]: string | Tree }

/** A `t` over the real messages with `{name}` interpolation, as vue-i18n does it. */
function translator(messages: Tree) {
  return (key: string, named: Record<string, unknown> = {}) => {
    const found = key
      .split('.')
      .reduce<string | Tree | undefined>(
        (node, part) => (typeof node === 'object' ? node[part] : undefined),
        messages,
      )
    if (typeof found !== 'string') throw new Error(`missing message ${key}`)
    return found.replace(/\{(\w+)\}/g, (_, name: string) => String(named[name]))
  }
}

const zh: ReasonContext = {
  t: translator(zhCN as unknown as Tree),
  date: (d) => formatDate(d, 'zh-CN'),
}
const english: ReasonContext = {
  t: translator(en as unknown as Tree),
  date: (d) => formatDate(d, 'en'),
}

describe('light reasons in words', () => {
  it('says how far behind the planned progress the report is', () => {
    expect(lightReasonText({ code: 'behind', planned: 60, reported: 35 }, zh)).toBe(
      '计划进度 60%，实际进度 35%，滞后 25 个百分点',
    )
    expect(lightReasonText({ code: 'behind', planned: 33.3, reported: 10 }, zh)).toBe(
      '计划进度 33.3%，实际进度 10%，滞后 23.3 个百分点',
    )
    expect(lightReasonText({ code: 'behind', planned: 60, reported: 35 }, english)).toBe(
      'Planned 60%, reported 35%: 25 points behind',
    )
  })

  it('counts the days overdue and left, with the deadline as people read dates', () => {
    expect(lightReasonText({ code: 'overdue', days: 20, date: '2026-11-08' }, zh)).toBe(
      '已逾期 20 天（整改时限 2026年11月8日）',
    )
    expect(lightReasonText({ code: 'deadline_near', days: 9, date: '2026-12-07' }, zh)).toBe(
      '距整改时限还有 9 天（2026年12月7日）',
    )
    expect(lightReasonText({ code: 'deadline_near', days: 0, date: '2026-11-28' }, zh)).toBe(
      '今天是整改时限（2026年11月28日）',
    )
  })

  it('names the missed milestone and, when known, the measure', () => {
    expect(
      lightReasonText({ code: 'milestone_missed', milestone: '招标采购', date: '2026-04-12' }, zh),
    ).toBe('节点“招标采购”已于 2026年4月12日到期未完成')
    const named = { ...zh, measureName: (id: string) => (id === 'm1' ? '建设污水管网' : undefined) }
    expect(
      lightReasonText(
        { code: 'measure_overdue', measureId: 'm1', days: 3, date: '2026-11-25' },
        named,
      ),
    ).toBe('措施“建设污水管网”已逾期 3 天（完成时限 2026年11月25日）')
    expect(
      lightReasonText(
        { code: 'measure_overdue', measureId: 'm2', days: 3, date: '2026-11-25' },
        named,
      ),
    ).toBe('有整改措施已逾期 3 天（完成时限 2026年11月25日）')
  })

  it('reads each distinct reason once', () => {
    const light: LightInfo = {
      color: 'red',
      asOf: '2026-11-28',
      reasons: [
        { code: 'overdue', days: 20, date: '2026-11-08' },
        { code: 'measure_overdue', measureId: 'a', days: 20, date: '2026-11-08' },
        { code: 'measure_overdue', measureId: 'b', days: 20, date: '2026-11-08' },
      ],
    }
    expect(lightReasonLines(light, zh)).toEqual([
      '已逾期 20 天（整改时限 2026年11月8日）',
      '有整改措施已逾期 20 天（完成时限 2026年11月8日）',
    ])
    expect(
      lightReasonLines({ ...light, color: 'green', reasons: [{ code: 'on_track' }] }, zh),
    ).toEqual(['按序时进度推进'])
  })
})

describe('ledger URL ↔ filters', () => {
  const round = '01a22053-43df-7000-929c-61466b9f9ed1'

  it('reads the filters from a link and drops what the API would refuse', () => {
    const filters = parseLedgerFilters({
      round,
      status: 'in_progress',
      light: 'purple',
      q: ' 污水 ',
      overdue: 'true',
      region: 'not-an-id',
      sort: '-deadline',
    })
    expect(filters).toMatchObject({
      round,
      status: 'in_progress',
      q: '污水',
      overdue: 'true',
      sort: '-deadline',
    })
    expect(filters.light).toBeUndefined()
    expect(filters.region).toBeUndefined()
  })

  it('turns filters and page into the API query (overdue as a boolean, 50 per page)', () => {
    const filters = parseLedgerFilters({ light: 'red', overdue: 'false' })
    expect(toProblemsQuery(filters, { page: 3, cursor: 'abc' })).toEqual({
      light: 'red',
      overdue: false,
      limit: 50,
      cursor: 'abc',
    })
    expect(toProblemsQuery(parseLedgerFilters({}))).toEqual({ limit: 50 })
  })

  it('filters closed problems by outcome and rebounds, as the API spells them', () => {
    const filters = parseLedgerFilters({ outcome: 'not_rectified', rebound: 'true' })
    expect(toProblemsQuery(filters)).toEqual({
      outcome: 'not_rectified',
      rebound: true,
      limit: 50,
    })
    expect(parseLedgerFilters({ outcome: 'fixed', rebound: 'false' })).toMatchObject({
      outcome: undefined,
      rebound: undefined,
    })
  })

  it('writes a link that reads back to the same list, page included', () => {
    const filters = parseLedgerFilters({ status: 'draft', q: '黑臭水体', sort: 'light' })
    const query = ledgerLocationQuery(filters, { page: 2, cursor: 'c2' })
    expect(query).toEqual({
      status: 'draft',
      q: '黑臭水体',
      sort: 'light',
      page: '2',
      cursor: 'c2',
    })
    const back = query as Record<string, string>
    expect(parseLedgerFilters(back)).toEqual(filters)
    expect(parseLedgerPaging(back)).toEqual({ page: 2, cursor: 'c2' })
  })

  it('treats a page without its cursor as the first page', () => {
    expect(parseLedgerPaging({ page: '4' })).toEqual({ page: 1, cursor: undefined })
    expect(parseLedgerPaging({ page: 'x', cursor: 'c' })).toEqual({ page: 1, cursor: undefined })
  })
})

describe('cursor stack', () => {
  it('walks forward and back through pages it has seen', () => {
    let stack: CursorStack = FIRST_PAGE
    expect(previousTarget(stack)).toBeNull()
    const toTwo = nextTarget(stack, 'c2')!
    expect(toTwo).toEqual({ page: 2, cursor: 'c2' })
    stack = stackAt(stack, toTwo.page, toTwo.cursor)
    stack = stackAt(stack, 3, 'c3')
    expect(stack).toEqual([null, 'c2', 'c3'])
    expect(previousTarget(stack)).toEqual({ page: 2, cursor: 'c2' })
    stack = stackAt(stack, 2, 'c2')
    expect(stack).toEqual([null, 'c2'])
    expect(previousTarget(stack)).toEqual({ page: 1, cursor: null })
    expect(stackAt(stack, 1, null)).toEqual(FIRST_PAGE)
  })

  it('has no next page when the server gave no cursor', () => {
    expect(nextTarget([null, 'c2'], null)).toBeNull()
  })

  it('goes back to the first page from a link to a page whose predecessors it never saw', () => {
    const stack = stackAt(FIRST_PAGE, 4, 'c4')
    expect(stack).toHaveLength(4)
    expect(previousTarget(stack)).toEqual({ page: 1, cursor: null })
    expect(nextTarget(stack, 'c5')).toEqual({ page: 5, cursor: 'c5' })
  })
})

describe('periods and days in Asia/Shanghai', () => {
  it('is already tomorrow in Shanghai at 17:00 UTC', () => {
    expect(shanghaiToday(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01')
    expect(currentPeriod(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12')
  })

  it('counts and moves calendar days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01')
    expect(daysBetween('2026-11-08', '2026-11-28')).toBe(20)
  })

  it('names months and weeks in both languages', () => {
    expect(formatPeriod('2026-09', 'zh-CN')).toBe('2026年9月')
    expect(formatPeriod('2026-W37', 'zh-CN')).toBe('2026年第37周')
    expect(formatPeriod('2026-09', 'en')).toBe('Sep 2026')
  })
})

const unitRef = (id: string) => ({ id, code: id, name: id })

function problem(overrides: Partial<Problem> = {}): Problem {
  return {
    id: 'p1',
    roundId: 'r1',
    code: '反馈问题第1项',
    title: '污水处理厂超标排放',
    description: '',
    source: 'feedback',
    nature: 'individual',
    domain: 'water',
    region: unitRef('county'),
    mode: 'time_bound',
    target: '',
    deadline: '2027-06-30',
    originalDeadline: null,
    leadLeader: null,
    leadUnit: unitRef('eeb'),
    coUnits: [unitRef('county')],
    collectiveUnits: '',
    responsiblePersons: [],
    parentId: null,
    public: false,
    status: 'draft',
    rebound: false,
    outcome: null,
    closedOn: null,
    plannedProgress: 0,
    reportedProgress: 0,
    overdue: false,
    light: { color: 'green', reasons: [{ code: 'on_track' }], asOf: '2026-11-28' },
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  }
}

function viewer(roles: Viewer['roles'], unitId: string, below: string[] = []): Viewer {
  return { roles, unitId, covers: (id) => id === unitId || below.includes(id) }
}

const eco = viewer(['lead_unit'], 'eeb', ['eeb-office'])
const office = viewer(['office'], 'office')
const county = viewer(['unit'], 'county', ['township'])

describe('who may do what with a problem', () => {
  it.each([
    ['draft', eco, ['submit']],
    ['draft', office, []],
    ['plan_review', office, ['approve', 'return']],
    ['plan_review', eco, []],
    ['in_progress', eco, []],
    ['in_progress', county, []],
    ['closed', office, []],
  ] as const)('a problem in %s offers %o the steps %j', (status, who, steps) => {
    expect(problemActions(problem({ status }), who)).toEqual(steps)
  })

  it('never offers applying for acceptance as a plan step: it is an application of its own', () => {
    expect(problemActions(problem({ mode: 'immediate' }), eco)).toEqual(['submit'])
    expect(problemActions(problem({ status: 'in_progress', mode: 'immediate' }), eco)).toEqual([])
  })

  it('never lets the office approve a plan of its own unit', () => {
    const own = problem({ status: 'plan_review', leadUnit: unitRef('office') })
    expect(problemActions(own, office)).toEqual([])
  })

  it('opens the plan fully to the drafting lead unit and the office, ticking-off only once approved', () => {
    expect(planAccess(problem(), eco)).toBe('full')
    expect(planAccess(problem({ status: 'plan_review' }), eco)).toBe('none')
    expect(planAccess(problem({ status: 'in_progress' }), eco)).toBe('progress')
    expect(planAccess(problem({ status: 'in_progress' }), office)).toBe('full')
    expect(planAccess(problem(), county)).toBe('none')
  })

  const report = (unit: string): Pick<ProgressReport, 'status' | 'unit'> => ({
    status: 'submitted',
    unit: unitRef(unit),
  })
  it('has reports reviewed by the office, or by the lead unit for its co-units, never by their own unit', () => {
    const p = problem({ status: 'in_progress' })
    expect(mayReview(report('county'), p, office)).toBe(true)
    expect(mayReview(report('county'), p, eco)).toBe(true)
    expect(mayReview(report('eeb'), p, eco)).toBe(false)
    expect(mayReview(report('county'), p, county)).toBe(false)
    expect(mayReview({ ...report('county'), status: 'accepted' }, p, office)).toBe(false)
  })

  it('offers a unit only its own measures to report on', () => {
    const measures = [
      { id: 'm1', unit: unitRef('county') },
      { id: 'm2', unit: unitRef('eeb') },
    ] as Measure[]
    expect(reportableMeasures(measures, problem(), county).map((m) => m.id)).toEqual(['m1'])
    expect(reportableMeasures(measures, problem(), eco).map((m) => m.id)).toEqual(['m1', 'm2'])
  })

  it('lets only the lead unit ask to extend the whole problem; a co-unit its own measures', () => {
    const measures = [
      { id: 'm1', unit: unitRef('county') },
      { id: 'm2', unit: unitRef('eeb') },
    ] as Measure[]
    const eebStaff = viewer(['unit'], 'eeb')
    expect(mayExtendWhole(problem(), eco)).toBe(true)
    expect(mayExtendWhole(problem(), eebStaff)).toBe(true)
    expect(mayExtendWhole(problem(), county)).toBe(false)
    expect(extendableMeasures(measures, problem(), county).map((m) => m.id)).toEqual(['m1'])
    expect(extendableMeasures(measures, problem(), eco).map((m) => m.id)).toEqual(['m1', 'm2'])
  })
})

describe('plan checks', () => {
  const draft = (overrides: Partial<MeasureDraft> = {}): MeasureDraft => ({
    ...emptyMeasure('2026-12-01', '2027-06-30'),
    content: '建设污水管网',
    unitId: 'county',
    milestones: [
      { name: '方案制定', dueDate: '2027-01-02', weight: 15, doneDate: null },
      { name: '工程实施', dueDate: '2027-06-30', weight: 85, doneDate: null },
    ],
    ...overrides,
  })

  it('accepts a complete measure', () => {
    expect(checkMeasure(draft(), '2027-06-30', '2026-11-28')).toEqual([])
  })

  it('puts each problem next to its field', () => {
    const fields = (d: MeasureDraft) =>
      checkMeasure(d, '2027-03-31', '2026-11-28').map((i) => `${i.field}:${i.key}`)
    expect(fields(draft({ content: ' ', unitId: null }))).toEqual([
      'content:plan.rules.content',
      'unitId:plan.rules.unit',
      'deadline:plan.rules.afterProblem',
    ])
    expect(
      fields(
        draft({
          deadline: '2027-03-31',
          milestones: [
            { name: '方案制定', dueDate: '2027-01-02', weight: 15, doneDate: '2027-01-02' },
            { name: '', dueDate: '2027-03-31', weight: null, doneDate: null },
            { name: '验收', dueDate: '2027-04-30', weight: 10, doneDate: null },
          ],
        }),
      ),
    ).toEqual([
      'milestones.0.doneDate:plan.rules.doneFuture',
      'milestones.1.name:plan.rules.milestoneName',
      'milestones.2.dueDate:plan.rules.milestoneWithin',
      'milestones.1.weight:plan.rules.weightAll',
    ])
  })

  it('wants weights that add up to 100', () => {
    const issues = checkMeasure(
      draft({
        milestones: [
          { name: 'a', dueDate: '2027-01-02', weight: 15, doneDate: null },
          { name: 'b', dueDate: '2027-06-30', weight: 80, doneDate: null },
        ],
      }),
      '2027-06-30',
      '2026-11-28',
    )
    expect(issues).toEqual([
      { field: 'milestones', key: 'plan.rules.weightSum', named: { sum: 95 } },
    ])
  })

  it('sends only what changed, and only done dates once the plan is approved', () => {
    const saved = savedMeasure()
    const edit = fromMeasure(saved)
    expect(updateBody(edit, saved)).toBeNull()
    edit.content = '建设污水管网 12 公里'
    edit.milestones[0]!.doneDate = '2026-11-20'
    expect(updateBody(edit, saved)).toEqual({
      content: '建设污水管网 12 公里',
      milestones: [
        { name: '方案制定', dueDate: '2027-01-02', weight: null, doneDate: '2026-11-20' },
      ],
    })
    expect(updateBody(edit, saved, 'progress')).toEqual({
      milestones: [
        { name: '方案制定', dueDate: '2027-01-02', weight: null, doneDate: '2026-11-20' },
      ],
    })
  })

  it('after a 412 keeps what the user changed and takes the rest from the newer version', () => {
    const before = savedMeasure()
    const after = { ...savedMeasure(), personName: '王芳', content: '他人修改', version: 4 }
    const edit = { ...fromMeasure(before), content: '我的修改' }
    const rebased = rebaseDraft(edit, before, after)
    expect(rebased).toMatchObject({ content: '我的修改', personName: '王芳', version: 4 })
    expect(updateBody(rebased, after)).toEqual({ content: '我的修改' })
  })
})

function savedMeasure(): Measure {
  return {
    id: 'm1',
    problemId: 'p1',
    seq: 1,
    content: '建设污水管网',
    unit: unitRef('county'),
    personName: '',
    startDate: '2026-12-01',
    deadline: '2027-06-30',
    originalDeadline: null,
    weight: 1,
    status: 'pending',
    percent: 0,
    doneDate: null,
    plannedProgress: 0,
    light: { color: 'green', reasons: [], asOf: '2026-11-28' },
    milestones: [
      { id: 'x', name: '方案制定', dueDate: '2027-01-02', weight: null, doneDate: null },
    ],
    version: 3,
    createdAt: '',
    updatedAt: '',
  }
}
