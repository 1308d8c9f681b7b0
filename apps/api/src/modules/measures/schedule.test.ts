import { describe, expect, it } from 'vitest'
import { daysBetween } from '../../lib/dates.js'
import { SCHEDULE_TEMPLATES, reverseSchedule, type ScheduleTemplate } from './schedule.js'

describe('reverse scheduling (倒排工期)', () => {
  it('lays the standard template backwards from the deadline by its shares', () => {
    // A 100-day span: 15 / 55 / 15 / 15 → due 15, 70, 85 and 100 days after the start.
    expect(reverseSchedule('2026-01-01', '2026-04-11').milestones).toEqual([
      { name: '方案制定', dueDate: '2026-01-16', weight: 15 },
      { name: '工程实施', dueDate: '2026-03-12', weight: 55 },
      { name: '自查自验', dueDate: '2026-03-27', weight: 15 },
      { name: '申请验收', dueDate: '2026-04-11', weight: 15 },
    ])
  })

  it.each(Object.keys(SCHEDULE_TEMPLATES) as ScheduleTemplate[])(
    '%s: weights add up to 100, the last is due on the deadline',
    (template) => {
      const { milestones } = reverseSchedule('2026-03-01', '2026-11-30', template)
      expect(milestones.reduce((s, m) => s + (m.weight ?? 0), 0)).toBe(100)
      expect(milestones.at(-1)!.dueDate).toBe('2026-11-30')
      expect(milestones.map((m) => m.name).every((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true)
    },
  )

  it('snaps to whole days, keeps the order and never falls before the start', () => {
    for (let span = 0; span <= 40; span++) {
      const start = '2026-02-20'
      const deadline = new Date(Date.UTC(2026, 1, 20 + span)).toISOString().slice(0, 10)
      for (const template of Object.keys(SCHEDULE_TEMPLATES) as ScheduleTemplate[]) {
        const due = reverseSchedule(start, deadline, template).milestones.map((m) => m.dueDate)
        for (const d of due) {
          expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/)
          expect(daysBetween(start, d)).toBeGreaterThanOrEqual(0)
          expect(daysBetween(d, deadline)).toBeGreaterThanOrEqual(0)
        }
        expect([...due].sort()).toEqual(due)
        expect(due.at(-1)).toBe(deadline)
      }
    }
  })

  it('puts every milestone on the day when start and deadline coincide', () => {
    const { milestones } = reverseSchedule('2026-06-30', '2026-06-30')
    expect(new Set(milestones.map((m) => m.dueDate))).toEqual(new Set(['2026-06-30']))
  })

  it('rounds the shares counted back from the deadline, not from the start', () => {
    // 10 days, standard: 15 % of 10 = 1.5 days for each of the last two stages.
    const due = reverseSchedule('2026-01-01', '2026-01-11').milestones.map((m) => m.dueDate)
    expect(due).toEqual(['2026-01-02', '2026-01-08', '2026-01-09', '2026-01-11'])
  })
})
