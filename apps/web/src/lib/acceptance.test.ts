import {
  ACCEPTANCE_LEVELS,
  ACCEPTANCE_STATUSES,
  DEFAULT_ACCEPTANCE_CRITERIA,
  OBJECTION_RULINGS,
  OUTCOMES,
  PUBLIC_REPORT_STATUSES,
  PUBLICITY_STATUSES,
  REBOUND_STATUSES,
  REPORTER_TYPES,
} from '@rectify/schemas/constants'
import type { Publicity, RoundSettings } from '@rectify/schemas'
import { describe, expect, it } from 'vitest'
import { filenameFromDisposition } from '@/api/http'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'
import {
  buildChecklist,
  calendarDayWarning,
  checkReview,
  cleanCriteria,
  cleanReboundMonths,
  closeBlock,
  dossierFallbackName,
  emptyReview,
  moveItem,
  publicityCountdown,
  reboundDue,
  reviewBody,
  settingsPatch,
  type ReviewDraft,
} from './acceptance'
import {
  excerpt,
  mayRule,
  missingProblemFields,
  newProblemBody,
  newProblemDraft,
  triageActions,
} from './triage'

const criteria = ['整改措施全部落实到位', '整改效果达到规定标准']

function review(overrides: Partial<ReviewDraft> = {}): ReviewDraft {
  return {
    ...emptyReview(criteria, '2026-11-28'),
    checklist: criteria.map((criterion) => ({ criterion, met: true, note: '' })),
    opinion: '整改到位，同意通过',
    ...overrides,
  }
}

describe('the acceptance review form', () => {
  it('starts with one unticked line per criterion, in the application’s order', () => {
    expect(buildChecklist(criteria)).toEqual([
      { criterion: '整改措施全部落实到位', met: false, note: '' },
      { criterion: '整改效果达到规定标准', met: false, note: '' },
    ])
    expect(emptyReview(criteria, '2026-11-28')).toMatchObject({
      checkDate: '2026-11-28',
      decision: 'pass',
    })
  })

  it('passes only with every criterion met', () => {
    expect(checkReview(review())).toEqual({})
    const unmet = review({
      checklist: [
        { criterion: criteria[0]!, met: true, note: '' },
        { criterion: criteria[1]!, met: false, note: '监测数据未达标' },
      ],
    })
    expect(checkReview(unmet)).toEqual({ checklist: 'allMet' })
    expect(checkReview({ ...unmet, decision: 'return', reason: '水质未达标' })).toEqual({})
  })

  it('returns only with a reason, and wants a note on every criterion not met', () => {
    const bare = review({
      decision: 'return',
      checklist: [{ criterion: criteria[0]!, met: false, note: ' ' }],
    })
    expect(checkReview(bare)).toEqual({ checklist: 'unmetNote', reason: 'reason' })
  })

  it('wants an opinion and an on-site check date', () => {
    expect(checkReview(review({ opinion: '  ', checkDate: '' }))).toEqual({
      opinion: 'opinion',
      checkDate: 'checkDate',
    })
  })

  it('sends trimmed text, and the reason only with a return', () => {
    const passing = review({ opinion: ' 同意 ', reason: '草稿里残留的原因' })
    expect(reviewBody(passing)).toEqual({
      checkDate: '2026-11-28',
      checklist: criteria.map((criterion) => ({ criterion, met: true, note: '' })),
      opinion: '同意',
      decision: 'pass',
    })
    expect(reviewBody(review({ decision: 'return', reason: ' 补充材料 ' })).reason).toBe('补充材料')
  })
})

function publicity(overrides: Partial<Publicity> = {}): Publicity {
  return {
    id: 'p1',
    problemId: 'x',
    acceptanceId: 'a',
    status: 'open',
    notice: '公示',
    days: 5,
    startDate: '2026-11-30',
    endDate: '2026-12-04',
    periodOver: false,
    openedBy: { id: null, name: '整改办' },
    openedAt: '2026-11-28T02:00:00Z',
    endedAt: null,
    objections: { total: 0, pending: 0, upheld: 0, rejected: 0 },
    version: 1,
    ...overrides,
  }
}

describe('publicity and close-out', () => {
  it.each([
    ['2026-11-28', { state: 'upcoming', days: 2 }],
    ['2026-12-01', { state: 'running', days: 3 }],
    ['2026-12-04', { state: 'lastDay', days: 0 }],
    ['2026-12-07', { state: 'over', days: 3 }],
  ] as const)('on %s the countdown reads %j', (today, expected) => {
    expect(publicityCountdown(publicity(), today)).toEqual(expected)
  })

  it('trusts the API that the period is over, and names ended and withdrawn notices', () => {
    expect(publicityCountdown(publicity({ periodOver: true }), '2026-12-04').state).toBe('over')
    expect(publicityCountdown(publicity({ status: 'overturned' }), '2026-12-01').state).toBe(
      'overturned',
    )
  })

  it('says why 销号 must wait: objections first, then the period', () => {
    const pending = { total: 2, pending: 1, upheld: 0, rejected: 1 }
    expect(closeBlock(publicity({ periodOver: true, objections: pending }))).toBe(
      'objectionsPending',
    )
    expect(closeBlock(publicity())).toBe('periodRunning')
    expect(closeBlock(publicity({ periodOver: true }))).toBeNull()
    expect(closeBlock(undefined)).toBeNull()
  })
})

describe('rebound reviews', () => {
  it('flags scheduled reviews past their due date, due within 30 days, or later', () => {
    const scheduled = (dueDate: string) => ({ status: 'scheduled' as const, dueDate })
    expect(reboundDue(scheduled('2026-11-27'), '2026-11-28')).toBe('overdue')
    expect(reboundDue(scheduled('2026-11-28'), '2026-11-28')).toBe('dueSoon')
    expect(reboundDue(scheduled('2026-12-28'), '2026-11-28')).toBe('dueSoon')
    expect(reboundDue(scheduled('2026-12-29'), '2026-11-28')).toBe('later')
    expect(reboundDue({ status: 'passed', dueDate: '2026-01-01' }, '2026-11-28')).toBe('done')
  })
})

describe('round settings', () => {
  it('trims criteria, drops empty lines and refuses an empty, repeated or oversized list', () => {
    expect(cleanCriteria([' 整改到位 ', '', '建立长效机制'])).toEqual({
      criteria: ['整改到位', '建立长效机制'],
      error: null,
    })
    expect(cleanCriteria(['  ']).error).toBe('criteriaEmpty')
    expect(cleanCriteria(['甲', ' 甲']).error).toBe('criteriaDuplicate')
    expect(cleanCriteria(['长'.repeat(201)]).error).toBe('criteriaTooLong')
    expect(cleanCriteria(Array.from({ length: 21 }, (_, i) => `第${i}条`)).error).toBe(
      'criteriaTooMany',
    )
  })

  it('moves a criterion up or down, staying inside the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
  })

  it('keeps rebound months whole, 1–60, once each and in order', () => {
    expect(cleanReboundMonths([12, 3, 3, 0, 61, 1.5])).toEqual([3, 12])
  })

  it('sends every setting for a new round and only what changed on an edit', () => {
    const before: RoundSettings = {
      acceptanceLevels: ['county', 'city'],
      publicityDays: 5,
      criteria: [...DEFAULT_ACCEPTANCE_CRITERIA],
      reboundMonths: [3, 12],
    }
    expect(settingsPatch(null, before)).toEqual(before)
    expect(settingsPatch(before, { ...before })).toEqual({})
    expect(
      settingsPatch(before, { ...before, publicityDays: 7, acceptanceLevels: ['city'] }),
    ).toEqual({ publicityDays: 7, acceptanceLevels: ['city'] })
  })
})

describe('the holiday calendar', () => {
  it('warns about an entry that changes nothing', () => {
    // 2026-10-03 is a Saturday, 2026-10-08 a Thursday.
    expect(calendarDayWarning({ date: '2026-10-03', kind: 'holiday' })).toBe('holidayOnWeekend')
    expect(calendarDayWarning({ date: '2026-10-08', kind: 'workday' })).toBe('workdayOnWeekday')
    expect(calendarDayWarning({ date: '2026-10-08', kind: 'holiday' })).toBeNull()
    expect(calendarDayWarning({ date: '2026-10-10', kind: 'workday' })).toBeNull()
  })
})

describe('the dossier download', () => {
  it('names the file as the server says, Chinese names included', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="dossier-1.zip"; filename*=UTF-8''%E4%B8%80%E6%A1%88%E4%B8%80%E6%A1%A3.zip`,
      ),
    ).toBe('一案一档.zip')
    expect(filenameFromDisposition('attachment; filename="dossier-1.zip"')).toBe('dossier-1.zip')
    expect(filenameFromDisposition('attachment; filename=plain.zip')).toBe('plain.zip')
    expect(filenameFromDisposition('attachment')).toBeNull()
    expect(filenameFromDisposition(null)).toBeNull()
  })

  it('falls back to a safe name from the problem code', () => {
    expect(dossierFallbackName('反馈问题第12项 / 水')).toBe('一案一档-反馈问题第12项_水.zip')
  })
})

describe('public report triage', () => {
  it('offers the steps the API takes from each status', () => {
    expect(triageActions({ status: 'new' })).toEqual([
      'reply',
      'link',
      'open_problem',
      'mark_objection',
    ])
    expect(triageActions({ status: 'linked' })).toEqual(['reply', 'mark_objection'])
    expect(triageActions({ status: 'converted' })).toEqual(['reply'])
    expect(triageActions({ status: 'objection' })).toEqual([])
  })

  it('rules only a pending objection', () => {
    expect(mayRule({ status: 'objection', ruling: 'pending' })).toBe(true)
    expect(mayRule({ status: 'objection', ruling: 'rejected' })).toBe(false)
    expect(mayRule({ status: 'new', ruling: null })).toBe(false)
  })

  it('opens a problem from a report with its text as the description', () => {
    const draft = newProblemDraft({ content: ' 河道有黑臭水体 ' }, 'r1')
    expect(missingProblemFields(draft)).toEqual([
      'code',
      'title',
      'domain',
      'mode',
      'deadline',
      'leadUnitId',
    ])
    const full = {
      ...draft,
      code: 'GZ-01',
      title: '黑臭水体',
      domain: 'water' as const,
      mode: 'time_bound' as const,
      deadline: '2027-06-30',
      leadUnitId: 'u1',
    }
    expect(missingProblemFields(full)).toEqual([])
    expect(newProblemBody(full)).toEqual({
      roundId: 'r1',
      code: 'GZ-01',
      title: '黑臭水体',
      description: '河道有黑臭水体',
      nature: 'individual',
      domain: 'water',
      mode: 'time_bound',
      deadline: '2027-06-30',
      leadUnitId: 'u1',
    })
  })

  it('shortens a long report to one line for the list', () => {
    expect(excerpt('第一行\n第二行')).toBe('第一行 第二行')
    expect(excerpt('长'.repeat(70))).toBe(`${'长'.repeat(60)}…`)
  })
})

describe('验收销号 messages', () => {
  type Tree = { [key: string]: string | Tree }
  const get = (tree: unknown, key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree)

  it('names every value of the close-out stages in both languages', () => {
    const keys = [
      ...ACCEPTANCE_STATUSES.map((v) => `acceptance.statuses.${v}`),
      ...ACCEPTANCE_LEVELS.map((v) => `acceptance.levels.${v}`),
      ...PUBLICITY_STATUSES.map((v) => `publicity.statuses.${v}`),
      ...OUTCOMES.map((v) => `closeout.outcomes.${v}`),
      ...REBOUND_STATUSES.map((v) => `rebound.statuses.${v}`),
      ...REPORTER_TYPES.map((v) => `triage.reporterTypes.${v}`),
      ...PUBLIC_REPORT_STATUSES.map((v) => `triage.statuses.${v}`),
      ...OBJECTION_RULINGS.map((v) => `triage.rulings.${v}`),
    ]
    for (const key of keys) {
      expect(typeof get(zhCN, key), key).toBe('string')
      expect(typeof get(en, key), key).toBe('string')
    }
  })

  it("uses UX.md's words", () => {
    expect(get(zhCN, 'publicity.statuses.open')).toBe('公示中')
    expect(get(zhCN, 'closeout.outcomes.rectified')).toBe('整改到位')
    expect(get(zhCN, 'closeout.outcomes.not_rectified')).toBe('未整改到位')
    expect(get(zhCN, 'publicity.objections')).toBe('异议')
    expect(get(zhCN, 'dossier.download')).toBe('下载一案一档')
    expect(get(zhCN, 'acceptanceNav.publicReports')).toBe('群众监督')
  })
})
