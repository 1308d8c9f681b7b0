import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { CHART_BOX, chartPoints, percentY, stepPath } from './progress-chart'
import {
  hasPublicFilters,
  normalizeTrackingCode,
  parsePublicFilters,
  parseReportPreset,
  PUBLIC_PAGE_SIZE,
  reportPresetQuery,
  toPublicLocation,
  toPublicProblemsQuery,
} from './public-query'
import {
  contentLength,
  explainRefusal,
  fieldOfPath,
  needsNewChallenge,
  PHOTO_MAX_BYTES,
  photoProblem,
  reportBody,
  type ReportDraft,
  waitSeconds,
} from './public-report'

const REGION = '0b9d4c1e-6a3f-4e2b-9c1d-2f3e4a5b6c7d'

describe('public board filters in the URL', () => {
  it('reads q, status, domain and region, and drops values the API would refuse', () => {
    expect(
      parsePublicFilters({ q: ' 污水 ', status: 'closed', domain: 'water', region: REGION }),
    ).toEqual({ q: '污水', status: 'closed', domain: 'water', region: REGION })
    expect(
      parsePublicFilters({ q: '', status: 'secret', domain: 'moon', region: 'not-an-id' }),
    ).toEqual({ q: undefined, status: undefined, domain: undefined, region: undefined })
    expect(parsePublicFilters({ q: 'x'.repeat(150) }).q).toHaveLength(100)
  })

  it('round-trips the filters through the URL, leaving unused ones out', () => {
    const filters = { q: '河道', status: 'publicity', domain: undefined, region: REGION } as const
    const location = toPublicLocation(filters)
    expect(location).toEqual({ q: '河道', status: 'publicity', region: REGION })
    expect(parsePublicFilters(location)).toEqual(filters)
    expect(toPublicLocation({})).toEqual({})
  })

  it('asks the API for one page of the filtered list, with the cursor after the first', () => {
    expect(toPublicProblemsQuery({})).toEqual({ limit: PUBLIC_PAGE_SIZE })
    expect(toPublicProblemsQuery({ status: 'closed', domain: 'air' }, 'c2')).toEqual({
      limit: PUBLIC_PAGE_SIZE,
      status: 'closed',
      domain: 'air',
      cursor: 'c2',
    })
  })

  it('knows whether any filter is in use', () => {
    expect(hasPublicFilters(parsePublicFilters({}))).toBe(false)
    expect(hasPublicFilters(parsePublicFilters({ domain: 'soil' }))).toBe(true)
  })
})

describe('the report form preset', () => {
  it('takes the problem from the query, and an objection only with its problem', () => {
    expect(parseReportPreset({ problem: REGION, objection: '1' })).toEqual({
      problemId: REGION,
      objection: true,
    })
    expect(parseReportPreset({ problem: REGION })).toEqual({ problemId: REGION, objection: false })
    expect(parseReportPreset({ objection: '1' })).toEqual({
      problemId: undefined,
      objection: false,
    })
    expect(parseReportPreset({ problem: 'junk', objection: '1' }).objection).toBe(false)
    expect(parseReportPreset(reportPresetQuery(REGION, true))).toEqual({
      problemId: REGION,
      objection: true,
    })
  })
})

describe('tracking codes', () => {
  it('accepts what people type: spaces, dashes, lower case', () => {
    expect(normalizeTrackingCode(' ab12-cd34 ')).toBe('AB12CD34')
    expect(normalizeTrackingCode('AB 12 CD 34 EF')).toBe('AB12CD34EF')
  })

  it('refuses what cannot be a code', () => {
    expect(normalizeTrackingCode('')).toBeUndefined()
    expect(normalizeTrackingCode('AB12')).toBeUndefined()
    expect(normalizeTrackingCode('AB12CD34#')).toBeUndefined()
    expect(normalizeTrackingCode('A'.repeat(21))).toBeUndefined()
    expect(normalizeTrackingCode(null)).toBeUndefined()
  })
})

describe('progress chart points', () => {
  const plotLeft = CHART_BOX.left
  const plotRight = CHART_BOX.width - CHART_BOX.right
  const top = CHART_BOX.top
  const bottom = CHART_BOX.height - CHART_BOX.bottom

  it('places points by date and percent, in date order', () => {
    const points = chartPoints([
      { period: '2026-03', percent: 100, date: '2026-03-31' },
      { period: '2026-01', percent: 0, date: '2026-01-01' },
      { period: '2026-02', percent: 50, date: '2026-02-15' },
    ])
    expect(points.map((p) => p.period)).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(points[0]).toMatchObject({ x: plotLeft, y: bottom })
    expect(points[2]).toMatchObject({ x: plotRight, y: top })
    expect(points[1]!.y).toBe((top + bottom) / 2)
    // 45 of 89 days along.
    expect(points[1]!.x).toBeCloseTo(plotLeft + ((plotRight - plotLeft) * 45) / 89, 0)
  })

  it('centres a lone point, spreads points of one date, and clamps percentages', () => {
    const [lone] = chartPoints([{ period: 'p', percent: 140, date: '2026-05-01' }])
    expect(lone).toMatchObject({ x: (plotLeft + plotRight) / 2, y: top, percent: 100 })
    const same = chartPoints([
      { period: 'a', percent: -5, date: '2026-05-01' },
      { period: 'b', percent: 20, date: '2026-05-01' },
    ])
    expect(same.map((p) => p.x)).toEqual([plotLeft, plotRight])
    expect(same[0]!.y).toBe(bottom)
    expect(chartPoints([])).toEqual([])
  })

  it('draws steps: across at the old value, then up to the new one', () => {
    const points = chartPoints([
      { period: 'a', percent: 0, date: '2026-01-01' },
      { period: 'b', percent: 100, date: '2026-01-11' },
    ])
    expect(stepPath(points)).toBe(`M${plotLeft} ${bottom} H${plotRight} V${top}`)
    expect(stepPath([])).toBe('')
    expect(percentY(50)).toBe((top + bottom) / 2)
  })
})

describe('the report form rules', () => {
  const draft: ReportDraft = {
    reporterType: 'journalist',
    name: '  ',
    contact: ' 13800000000 ',
    content: '  河道有黑臭水体  ',
    problemId: undefined,
    objection: true,
  }
  const answer = { token: 't', nonce: '42' }

  it('accepts JPEG, PNG and WebP photos up to 5 MB only', () => {
    expect(photoProblem({ type: 'image/jpeg', size: PHOTO_MAX_BYTES })).toBeNull()
    expect(photoProblem({ type: 'image/webp', size: 10 })).toBeNull()
    expect(photoProblem({ type: 'image/png', size: PHOTO_MAX_BYTES + 1 })).toBe('size')
    expect(photoProblem({ type: 'image/gif', size: 10 })).toBe('type')
    expect(photoProblem({ type: 'application/pdf', size: 10 })).toBe('type')
  })

  it('sends trimmed text, leaves blank optional fields out, and objects only about a problem', () => {
    expect(reportBody(draft, [], answer)).toEqual({
      reporterType: 'journalist',
      contact: '13800000000',
      content: '河道有黑臭水体',
      challenge: answer,
    })
    const photo = { id: REGION, token: 'p', name: 'a.jpg', size: 1, mimeType: 'image/jpeg' }
    expect(reportBody({ ...draft, problemId: REGION }, [photo], answer)).toMatchObject({
      problemId: REGION,
      objection: true,
      photos: [{ id: REGION, token: 'p' }],
    })
    expect(contentLength(draft.content)).toBe(7)
  })

  it('solves a new challenge after a replay (409) or a refused challenge, not after other errors', () => {
    const refusal = (status: number, code: string, paths: string[] = []) =>
      new ApiError({
        type: 'x',
        title: code,
        status,
        code,
        errors: paths.map((path) => ({ path, message: 'm' })),
      })
    expect(needsNewChallenge(refusal(409, 'duplicate'))).toBe(true)
    expect(needsNewChallenge(refusal(422, 'unprocessable', ['/challenge']))).toBe(true)
    expect(needsNewChallenge(refusal(422, 'validation', ['/challenge', '/content']))).toBe(false)
    expect(needsNewChallenge(refusal(422, 'validation', ['/content']))).toBe(false)
    expect(needsNewChallenge(refusal(429, 'rate_limited'))).toBe(false)
    expect(needsNewChallenge(new Error('x'))).toBe(false)
    expect(fieldOfPath('/photos/2')).toBe('photos')
  })

  it('tells how long to wait after a 429, from the header or else the detail', () => {
    const limited = (detail: string, retryAfter?: number) =>
      new ApiError({ type: 'x', title: 't', status: 429, code: 'rate_limited', detail }, retryAfter)
    expect(waitSeconds(limited('Too many requests; retry after 30 s', 12))).toBe(12)
    expect(waitSeconds(limited('Too many requests; retry after 30 s'))).toBe(30)
    expect(waitSeconds(limited('Too many requests'))).toBeUndefined()
  })

  it('words a refusal next to its fields: the objection at the problem, photos at the photos', () => {
    const t = (key: string, named?: Record<string, unknown>) =>
      named ? `${key} ${JSON.stringify(named)}` : key
    const messageOf = () => 'why'
    const unprocessable = new ApiError({
      type: 'x',
      title: 't',
      status: 422,
      code: 'unprocessable',
      errors: [
        { path: '/objection', message: 'm' },
        { path: '/photos/1', message: 'm' },
        { path: '/content', message: 'm' },
      ],
    })
    expect(explainRefusal(unprocessable, t, messageOf, 'too short')).toEqual({
      fields: {
        problem: 'publicBoard.report.errors.notOpen',
        photos: 'publicBoard.report.errors.photoRejected',
        content: 'too short',
      },
      general: null,
    })
    const limited = new ApiError({ type: 'x', title: 't', status: 429, code: 'rate_limited' }, 9)
    expect(explainRefusal(limited, t, messageOf).general).toBe(
      'publicBoard.report.errors.rateLimited {"seconds":9}',
    )
    const unknownField = new ApiError({
      type: 'x',
      title: 't',
      status: 422,
      code: 'validation',
      errors: [{ path: '/extra', message: 'm' }],
    })
    expect(explainRefusal(unknownField, t, messageOf)).toEqual({
      fields: {},
      general: 'publicBoard.report.errors.failed {"reason":"why"}',
    })
    expect(
      explainRefusal(
        new ApiError({ type: 'x', title: 't', status: 409, code: 'duplicate' }),
        t,
        messageOf,
      ).general,
    ).toBe('publicBoard.report.errors.challenge')
  })
})
