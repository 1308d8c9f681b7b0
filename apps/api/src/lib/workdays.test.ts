import { describe, expect, it } from 'vitest'
import {
  firstWorkingDayFrom,
  isWorkingDay,
  nextWorkingDay,
  periodEnd,
  weekday,
  type WorkCalendar,
} from './workdays.js'

/** 2026 国庆 and 中秋 as the State Council arranged them: Oct 1–7 off, Sep 20 (Sun) and Oct 10 (Sat) worked. */
const NATIONAL_DAY_2026: WorkCalendar = new Map([
  ['2026-09-20', 'workday'],
  ['2026-09-25', 'holiday'],
  ['2026-10-01', 'holiday'],
  ['2026-10-02', 'holiday'],
  ['2026-10-05', 'holiday'],
  ['2026-10-06', 'holiday'],
  ['2026-10-07', 'holiday'],
  ['2026-10-10', 'workday'],
])
const NONE: WorkCalendar = new Map()

describe('working days', () => {
  it('knows the day of the week', () => {
    expect(weekday('2026-10-01')).toBe(4) // Thursday
    expect(weekday('2026-11-29')).toBe(0) // Sunday
    expect(weekday('1969-12-31')).toBe(3) // Wednesday, before the epoch
  })

  it('counts Monday to Friday and skips weekends', () => {
    expect(isWorkingDay('2026-11-27', NONE)).toBe(true) // Friday
    expect(isWorkingDay('2026-11-28', NONE)).toBe(false) // Saturday
    // 5 working days from Wednesday 2026-11-25: Wed Thu Fri, Mon Tue.
    expect(periodEnd('2026-11-25', 5, NONE)).toBe('2026-12-01')
    expect(periodEnd('2026-11-23', 5, NONE)).toBe('2026-11-27')
  })

  it('skips configured holidays and counts make-up weekend working days', () => {
    expect(isWorkingDay('2026-10-01', NATIONAL_DAY_2026)).toBe(false)
    expect(isWorkingDay('2026-10-10', NATIONAL_DAY_2026)).toBe(true)
    expect(isWorkingDay('2026-09-20', NATIONAL_DAY_2026)).toBe(true)
    // From Monday 2026-09-28: Mon Tue Wed, the holiday week, then Thu 10-08 and Fri 10-09.
    expect(periodEnd('2026-09-28', 5, NATIONAL_DAY_2026)).toBe('2026-10-09')
    // One more day lands on the make-up Saturday.
    expect(periodEnd('2026-09-28', 6, NATIONAL_DAY_2026)).toBe('2026-10-10')
    // Without the calendar the same period ends in the holiday week.
    expect(periodEnd('2026-09-28', 5, NONE)).toBe('2026-10-02')
    // The make-up Sunday before counts: Sat 09-19 is off, Sun 09-20 worked.
    expect(periodEnd('2026-09-19', 1, NATIONAL_DAY_2026)).toBe('2026-09-20')
    expect(periodEnd('2026-09-24', 2, NATIONAL_DAY_2026)).toBe('2026-09-28')
  })

  it('starts counting at the next working day when the start is a weekend', () => {
    expect(firstWorkingDayFrom('2026-11-28', NONE)).toBe('2026-11-30')
    expect(periodEnd('2026-11-28', 5, NONE)).toBe('2026-12-04')
  })

  it('starts counting after the holiday when the start is a holiday', () => {
    expect(firstWorkingDayFrom('2026-10-01', NATIONAL_DAY_2026)).toBe('2026-10-08')
    expect(periodEnd('2026-10-01', 3, NATIONAL_DAY_2026)).toBe('2026-10-10')
  })

  it('ends a one-day period on its first working day', () => {
    expect(periodEnd('2026-11-27', 1, NONE)).toBe('2026-11-27')
    expect(periodEnd('2026-10-03', 1, NATIONAL_DAY_2026)).toBe('2026-10-08')
  })

  it('gives the next working day strictly after a date', () => {
    expect(nextWorkingDay('2026-11-27', NONE)).toBe('2026-11-30')
    expect(nextWorkingDay('2026-11-25', NONE)).toBe('2026-11-26')
    expect(nextWorkingDay('2026-09-30', NATIONAL_DAY_2026)).toBe('2026-10-08')
  })

  it('refuses a period that is not a positive number of days', () => {
    expect(() => periodEnd('2026-11-27', 0, NONE)).toThrow(RangeError)
  })
})
