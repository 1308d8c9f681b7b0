import { describe, expect, it } from 'vitest'
import { shanghaiDate, periodOf } from '../../lib/dates.js'
import {
  measurePlanned,
  problemLight,
  problemPlanned,
  type MeasureFacts,
  type ProblemFacts,
} from './lights.js'

const measure = (o: Partial<MeasureFacts> = {}): MeasureFacts => ({
  id: '00000000-0000-7000-8000-000000000001',
  startDate: '2026-01-01',
  deadline: '2026-12-31',
  weight: 1,
  status: 'in_progress',
  percent: 0,
  milestones: [],
  ...o,
})
const problem = (o: Partial<ProblemFacts> = {}): ProblemFacts => ({
  status: 'in_progress',
  deadline: '2026-12-31',
  reportedProgress: 0,
  measures: [],
  ...o,
})

describe('planned progress', () => {
  it('is the elapsed share of the span without milestones', () => {
    const m = measure({ startDate: '2026-01-01', deadline: '2026-01-11' })
    expect(measurePlanned(m, '2025-12-31')).toBe(0)
    expect(measurePlanned(m, '2026-01-01')).toBe(0)
    expect(measurePlanned(m, '2026-01-06')).toBe(50)
    expect(measurePlanned(m, '2026-01-11')).toBe(100)
    expect(measurePlanned(m, '2026-03-01')).toBe(100)
  })

  it('is the weight of milestones due by then, counting the due day', () => {
    const m = measure({
      milestones: [
        { name: '方案制定', dueDate: '2026-03-01', weight: 10, doneDate: null },
        { name: '工程实施', dueDate: '2026-09-01', weight: 70, doneDate: null },
        { name: '自查自验', dueDate: '2026-12-01', weight: 20, doneDate: null },
      ],
    })
    expect(measurePlanned(m, '2026-02-28')).toBe(0)
    expect(measurePlanned(m, '2026-03-01')).toBe(10)
    expect(measurePlanned(m, '2026-09-01')).toBe(80)
    expect(measurePlanned(m, '2026-12-01')).toBe(100)
  })

  it('shares equally among unweighted milestones', () => {
    const m = measure({
      milestones: [
        { name: 'a', dueDate: '2026-02-01', weight: null, doneDate: null },
        { name: 'b', dueDate: '2026-03-01', weight: null, doneDate: null },
        { name: 'c', dueDate: '2026-04-01', weight: null, doneDate: null },
        { name: 'd', dueDate: '2026-05-01', weight: null, doneDate: null },
      ],
    })
    expect(measurePlanned(m, '2026-03-15')).toBe(50)
  })

  it('weights measures within a problem', () => {
    const p = problem({
      measures: [
        measure({ startDate: '2026-01-01', deadline: '2026-01-11', weight: 3 }), // 100 on 01-11
        measure({ startDate: '2026-01-11', deadline: '2026-01-21', weight: 1 }), // 0 on 01-11
      ],
    })
    expect(problemPlanned(p, '2026-01-11')).toBe(75)
  })
})

describe('lights', () => {
  it('turns red the day after the deadline, not on it', () => {
    const p = problem({ deadline: '2026-06-30', reportedProgress: 100 })
    expect(problemLight(p, '2026-06-30').color).toBe('blue')
    const late = problemLight(p, '2026-07-01')
    expect(late.color).toBe('red')
    expect(late.reasons[0]).toMatchObject({ code: 'overdue', days: 1 })
  })

  it('is blue within the window (inclusive) and green outside it', () => {
    const p = problem({ deadline: '2026-07-16', reportedProgress: 100 })
    expect(problemLight(p, '2026-07-01').color).toBe('blue')
    expect(problemLight(p, '2026-07-01').reasons[0]).toMatchObject({
      code: 'deadline_near',
      days: 15,
    })
    expect(problemLight(p, '2026-06-30').color).toBe('green')
  })

  it('turns yellow only when progress trails by more than the tolerance', () => {
    const m = measure({ startDate: '2026-01-01', deadline: '2026-01-11' })
    const at = '2026-01-06' // planned 50
    expect(problemLight(problem({ measures: [m], reportedProgress: 40 }), at).color).toBe('green') // exactly 10 behind
    const y = problemLight(problem({ measures: [m], reportedProgress: 39.9 }), at)
    expect(y.color).toBe('yellow')
    expect(y.reasons[0]).toMatchObject({ code: 'behind', planned: 50, reported: 39.9 })
  })

  it('turns yellow when a milestone is missed and red when a measure is overdue', () => {
    const m = measure({
      deadline: '2026-12-31',
      percent: 100,
      milestones: [{ name: '工程实施', dueDate: '2026-05-31', weight: null, doneDate: null }],
    })
    const p = problem({ measures: [m], reportedProgress: 100 })
    expect(problemLight(p, '2026-05-31').color).toBe('green')
    expect(problemLight(p, '2026-06-01').reasons[0]).toMatchObject({
      code: 'milestone_missed',
      milestone: '工程实施',
    })
    const overdueMeasure = problem({
      measures: [measure({ deadline: '2026-03-31', percent: 100 })],
      reportedProgress: 100,
    })
    expect(problemLight(overdueMeasure, '2026-04-01').color).toBe('red')
    expect(problemLight(overdueMeasure, '2026-04-01').reasons[0]!.code).toBe('measure_overdue')
  })

  it('is green once the problem is up for acceptance, whatever the dates', () => {
    expect(
      problemLight(problem({ status: 'acceptance', deadline: '2020-01-01' }), '2026-01-01').color,
    ).toBe('green')
  })
})

describe('dates', () => {
  it('takes today in Asia/Shanghai: 16:00 UTC is already tomorrow', () => {
    expect(shanghaiDate(new Date('2026-06-30T15:59:59Z'))).toBe('2026-06-30')
    expect(shanghaiDate(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01')
  })
  it('names months and ISO weeks', () => {
    expect(periodOf('2026-09-15')).toBe('2026-09')
    expect(periodOf('2026-09-10', 'week')).toBe('2026-W37')
    expect(periodOf('2027-01-01', 'week')).toBe('2026-W53')
  })
})
