import { describe, expect, it } from 'vitest'
import {
  batchProgress,
  defaultDeadline,
  handlingBody,
  handlingDraft,
  mayCallBack,
  mayReportPetition,
  mayReviewPetition,
  missingHandling,
  reopensProblem,
} from './petitions'
import type { Viewer } from './problem-access'

const viewer = (roles: Viewer['roles'], units: string[] = ['county']): Viewer => ({
  roles,
  unitId: units[0] ?? '',
  covers: (id) => units.includes(id),
})
const county = { id: 'county', name: '临湖县', code: 'LH', kind: 'county' } as never

describe('batch progress', () => {
  it('draws closed, partly closed, in handling (submitted included) and not assigned, leaving out empty parts', () => {
    const parts = batchProgress({
      byStatus: { closed: 2, partly_closed: 0, handling: 3, submitted: 1, received: 2 },
    })
    expect(parts.map((p) => [p.part, p.count])).toEqual([
      ['closed', 2],
      ['handling', 4],
      ['received', 2],
    ])
    expect(parts.reduce((sum, p) => sum + p.percent, 0)).toBe(100)
  })

  it('draws nothing for a batch without cases', () => {
    expect(batchProgress({ byStatus: {} })).toEqual([])
  })
})

describe('assignment deadline', () => {
  it('proposes today plus the batch handling days, across a month end', () => {
    expect(defaultDeadline(7, '2026-11-28')).toBe('2026-12-05')
    expect(defaultDeadline(1, '2026-12-31')).toBe('2027-01-01')
  })
})

describe('who does which step on a case', () => {
  const handling = { status: 'handling' as const, handlingUnit: county }

  it('lets the handling unit (or a unit above it) report while handling or partly closed', () => {
    expect(mayReportPetition(handling, viewer(['unit']))).toBe(true)
    expect(mayReportPetition({ ...handling, status: 'partly_closed' }, viewer(['lead_unit']))).toBe(
      true,
    )
    expect(mayReportPetition({ ...handling, status: 'submitted' }, viewer(['unit']))).toBe(false)
    expect(mayReportPetition(handling, viewer(['unit'], ['other']))).toBe(false)
    expect(mayReportPetition({ ...handling, handlingUnit: null }, viewer(['unit']))).toBe(false)
  })

  it('never offers the report to the office, a leader or an auditor', () => {
    expect(mayReportPetition(handling, viewer(['office']))).toBe(false)
    expect(mayReportPetition(handling, viewer(['leader']))).toBe(false)
  })

  it('lets only the office review a submitted case and call back a reviewed one', () => {
    expect(mayReviewPetition({ status: 'submitted' }, viewer(['office']))).toBe(true)
    expect(mayReviewPetition({ status: 'handling' }, viewer(['office']))).toBe(false)
    expect(mayReviewPetition({ status: 'submitted' }, viewer(['leader']))).toBe(false)
    expect(mayCallBack({ status: 'closed' }, viewer(['office']))).toBe(true)
    expect(mayCallBack({ status: 'partly_closed' }, viewer(['office']))).toBe(true)
    expect(mayCallBack({ status: 'submitted' }, viewer(['office']))).toBe(false)
    expect(mayCallBack({ status: 'closed' }, viewer(['auditor']))).toBe(false)
  })

  it('warns of a rebound only when the earlier case has a closed problem', () => {
    const problem = { id: 'p', code: '反馈问题第1项', title: 't', status: 'closed' }
    expect(reopensProblem({ problem })).toBe(true)
    expect(reopensProblem({ problem: { ...problem, status: 'in_progress' } })).toBe(false)
    expect(reopensProblem({ problem: null })).toBe(false)
  })
})

describe('the handling report', () => {
  it('needs a finding, the investigation and the measures', () => {
    expect(missingHandling(handlingDraft())).toEqual(['finding', 'investigation', 'measures'])
    expect(
      missingHandling({
        ...handlingDraft(),
        finding: 'true',
        investigation: ' x ',
        measures: '  ',
      }),
    ).toEqual(['measures'])
  })

  it('sends a blank count as null, not zero, and a zero as zero', () => {
    const body = handlingBody(
      {
        ...handlingDraft(),
        finding: 'partly_true',
        investigation: ' 经现场核查 ',
        measures: '责令停产整改',
        ordersToRectify: 0,
        finesWan: 2.5,
        detained: Number.NaN,
      },
      ['f1'],
    )
    expect(body).toMatchObject({
      finding: 'partly_true',
      investigation: '经现场核查',
      ordersToRectify: 0,
      casesFiled: null,
      finesWan: 2.5,
      detained: null,
      fileIds: ['f1'],
    })
  })

  it('starts again from the last report after a return', () => {
    const draft = handlingDraft({
      finding: 'true',
      investigation: 'a',
      measures: 'b',
      ordersToRectify: 1,
      casesFiled: null,
      finesWan: null,
      detained: null,
      talkedTo: 2,
      heldAccountable: null,
      accountability: '',
      reportedAt: '2026-11-20T02:00:00.000Z',
      reportedBy: { id: null, name: '张三' },
      importedFileId: null,
    })
    expect(draft).toMatchObject({
      finding: 'true',
      ordersToRectify: 1,
      talkedTo: 2,
      casesFiled: null,
    })
    expect(handlingBody(draft, [])).not.toHaveProperty('fileIds')
  })
})
