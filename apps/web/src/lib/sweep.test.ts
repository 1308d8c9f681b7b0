import { describe, expect, it } from 'vitest'
import { localDay, pendingTargets, rollupText, sweepLightReason } from './sweep'

/** A `t` that shows the key and its values, so the tests read which sentence was chosen. */
const t = (key: string, named?: Record<string, unknown>) =>
  named ? `${key} ${JSON.stringify(named)}` : key
const date = (d: string) => `[${d}]`
const rollup = (pending: number) => ({
  units: 4,
  reported: 4 - pending,
  pending,
  noneFound: 1,
  findings: 3,
  childrenClosed: 1,
})

describe('the reason beside a sweep’s light', () => {
  const at = (dueDate: string, pending: number, status: 'open' | 'closed' = 'open') =>
    sweepLightReason({ status, dueDate, rollup: rollup(pending) }, '2026-11-28', t, date)

  it('counts the days left and the units pending before the due date', () => {
    expect(at('2026-12-01', 2)).toBe(
      'sweep.reasons.pending {"days":3,"date":"[2026-12-01]","pending":2}',
    )
  })
  it('says the due date is today', () => {
    expect(at('2026-11-28', 1)).toBe('sweep.reasons.dueToday {"date":"[2026-11-28]","pending":1}')
  })
  it('counts the days past the due date', () => {
    expect(at('2026-11-20', 2)).toBe(
      'sweep.reasons.overdue {"days":8,"date":"[2026-11-20]","pending":2}',
    )
  })
  it('says every unit has reported, whatever the date', () => {
    expect(at('2026-11-20', 0)).toBe('sweep.reasons.allReported')
  })
  it('says a closed sweep is closed', () => {
    expect(at('2026-11-20', 0, 'closed')).toBe('sweep.reasons.closed')
  })
})

describe('the roll-up and the targets to answer', () => {
  it('puts reported of units, findings and closed children in one line', () => {
    expect(rollupText({ rollup: rollup(1) }, t)).toBe(
      'sweep.rollupLine {"reported":3,"units":4,"findings":3,"closed":1}',
    )
  })

  const unit = (id: string, status: 'pending' | 'found' | 'none') => ({
    unit: { id, code: id, name: id },
    status,
    reportedAt: null,
    reportedBy: null,
    statement: null,
    signedBy: null,
    findings: [],
  })
  const sweep = (status: 'open' | 'closed') =>
    ({ status, units: [unit('a', 'pending'), unit('b', 'none'), unit('c', 'pending')] }) as never

  it('offers the pending targets of an open sweep', () => {
    expect(pendingTargets(sweep('open')).map((u) => u.unit.id)).toEqual(['a', 'c'])
  })
  it('offers none on a closed sweep', () => {
    expect(pendingTargets(sweep('closed'))).toEqual([])
  })
  it('reads a date picker’s local midnight as its calendar day', () => {
    expect(localDay(new Date(2026, 0, 5))).toBe('2026-01-05')
  })
})
