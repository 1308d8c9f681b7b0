// @vitest-environment happy-dom
import type { CloseoutFile, Problem } from '@rectify/schemas'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { page, problem, useFakeApi, type FakeApi, type Sent } from '@/test/fake-api'
import { ACCEPTANCE_PAGE_SIZE, useAcceptancesStore } from './acceptances'
import { useCloseoutStore } from './closeout'
import { useProblemStore } from './problem'
import { PUBLICITY_PAGE_SIZE, usePublicityStore } from './publicity'

const record = (version: number, status: string) =>
  ({ id: 'p1', code: 'HB/2026 001', version, status }) as unknown as Problem

/** A close-out file with one application at `version` (the fields the store reads). */
const file = (acceptanceVersion: number, can: Record<string, boolean> = {}) =>
  ({
    acceptances: [{ id: 'a1', version: acceptanceVersion, status: 'pending' }],
    reboundReviews: [{ id: 'rb1', version: 1, status: 'scheduled' }],
    can,
  }) as unknown as CloseoutFile

/** The problem page's reads (the close-out steps read it again after each step). */
function serveProblem(server: FakeApi, ...records: Problem[]) {
  return server
    .on('GET /api/v1/problems/p1', ...records)
    .on('GET /api/v1/problems/p1/measures', { items: [] })
    .on('GET /api/v1/problems/p1/reports', page([]))
    .on('GET /api/v1/problems/p1/extensions', { items: [] })
    .on('GET /api/v1/problems/p1/timeline', { items: [] })
}

const ifMatch = (s: Sent) => s.headers.get('If-Match')

async function openProblem() {
  const problems = useProblemStore()
  await problems.load('p1')
  const closeout = useCloseoutStore()
  await closeout.load('p1')
  return { problems, closeout }
}

describe('the close-out store', () => {
  const server = useFakeApi()
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.restoreAllMocks())

  it('reads the file of the problem with what the viewer may do now', async () => {
    server.on('GET /api/v1/problems/p1/acceptance', file(1, { apply: true }))
    const closeout = useCloseoutStore()
    await closeout.load('p1')
    expect(closeout.file?.can).toEqual({ apply: true })
    expect(closeout.problemId).toBe('p1')
    expect(closeout.loading).toBe(false)
  })

  it('applies with the problem’s version, then reads the file and the problem again', async () => {
    serveProblem(server, record(7, 'in_progress'), record(8, 'acceptance_review'))
      .on('GET /api/v1/problems/p1/acceptance', file(1), file(1, { review: true }))
      .on('POST /api/v1/problems/p1/acceptances', { id: 'a1', version: 1 })
    const { problems, closeout } = await openProblem()
    await closeout.apply(problems.problem!, { selfCheck: '已完成截污纳管', fileIds: ['f1'] })

    const [apply] = server.to('POST /api/v1/problems/p1/acceptances')
    expect(ifMatch(apply!)).toBe('"7"')
    expect(apply!.body).toEqual({ selfCheck: '已完成截污纳管', fileIds: ['f1'] })
    expect(problems.problem?.status).toBe('acceptance_review')
    expect(closeout.file?.can).toEqual({ review: true })
  })

  it('reviews an application with the application’s own version', async () => {
    serveProblem(server, record(8, 'acceptance_review'))
      .on('GET /api/v1/problems/p1/acceptance', file(2))
      .on('POST /api/v1/acceptances/a1/reviews', { id: 'rv1' })
    const { closeout } = await openProblem()
    const body = {
      checkDate: '2026-03-02',
      checklist: [{ criterion: '水体无黑臭', met: false, note: '局部仍有异味' }],
      opinion: '佐证材料不全',
      decision: 'return' as const,
      reason: '补充水质监测报告',
    }
    await closeout.review(closeout.file!.acceptances[0]!, body)
    const [review] = server.to('POST /api/v1/acceptances/a1/reviews')
    expect(ifMatch(review!)).toBe('"2"')
    expect(review!.body).toEqual(body)
  })

  it('after a 412 on a review, reads the application again to retry on its new version', async () => {
    serveProblem(server, record(8, 'acceptance_review'))
      .on('GET /api/v1/problems/p1/acceptance', file(2), file(3))
      .on('POST /api/v1/acceptances/a1/reviews', problem(412, 'precondition_failed'))
    const { closeout } = await openProblem()
    const error = await closeout
      .review(closeout.file!.acceptances[0]!, {
        checkDate: '2026-03-02',
        checklist: [{ criterion: '水体无黑臭', met: true, note: '' }],
        opinion: '同意通过',
        decision: 'pass',
      })
      .catch((e: unknown) => e)
    expect((error as ApiError).code).toBe('precondition_failed')
    expect(server.to('GET /api/v1/problems/p1/acceptance')).toHaveLength(1)

    const latest = await closeout.refetchAcceptance('a1')
    expect(latest.version).toBe(3)
    await expect(closeout.refetchAcceptance('gone')).rejects.toBeNull()
  })

  it('opens publicity and closes out with the problem’s version', async () => {
    serveProblem(server, record(9, 'accepted'), record(10, 'publicity'), record(11, 'closed'))
      .on('GET /api/v1/problems/p1/acceptance', file(3))
      .on('POST /api/v1/problems/p1/publicity', { id: 'pub1' })
      .on('POST /api/v1/problems/p1/closeout', { id: 'c1' })
    const { problems, closeout } = await openProblem()
    await closeout.openPublicity(problems.problem!, { notice: '拟销号公示', days: 5 })
    await closeout.close(problems.problem!, { outcome: 'rectified' })

    expect(ifMatch(server.to('POST /api/v1/problems/p1/publicity')[0]!)).toBe('"9"')
    expect(ifMatch(server.to('POST /api/v1/problems/p1/closeout')[0]!)).toBe('"10"')
    expect(problems.problem?.status).toBe('closed')
  })

  it('lets a refused close-out (409 while publicity runs) reach the caller, reading nothing', async () => {
    serveProblem(server, record(10, 'publicity'))
      .on('GET /api/v1/problems/p1/acceptance', file(3))
      .on('POST /api/v1/problems/p1/closeout', problem(409, 'publicity_running'))
    const { problems, closeout } = await openProblem()
    const before = server.sent.length
    await expect(closeout.close(problems.problem!, { outcome: 'rectified' })).rejects.toMatchObject(
      {
        status: 409,
        code: 'publicity_running',
      },
    )
    expect(server.sent).toHaveLength(before + 1)
    expect(problems.problem?.version).toBe(10)
  })

  it('records a rebound review with the review’s version', async () => {
    serveProblem(server, record(11, 'closed'), record(12, 'in_progress'))
      .on('GET /api/v1/problems/p1/acceptance', file(3))
      .on('POST /api/v1/rebound-reviews/rb1', { id: 'rb1', version: 2 })
    const { problems, closeout } = await openProblem()
    const body = {
      source: 'office' as const,
      checkDate: '2026-09-01',
      result: 'fail' as const,
      findings: '返黑返臭',
    }
    await closeout.recordRebound(closeout.file!.reboundReviews[0]!, body)
    const [rebound] = server.to('POST /api/v1/rebound-reviews/rb1')
    expect(ifMatch(rebound!)).toBe('"1"')
    expect(rebound!.body).toEqual(body)
    expect(problems.problem?.status).toBe('in_progress')
  })

  it('saves the dossier under the server’s name, or a safe name of the problem code', async () => {
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download)
    })
    server.on(
      'GET /api/v1/problems/p1/dossier',
      new Response(new Uint8Array([80, 75]), {
        headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%8D%B7.zip" },
      }),
      new Response(new Uint8Array([80, 75])),
    )
    const closeout = useCloseoutStore()
    await closeout.downloadDossier({ id: 'p1', code: 'HB/2026 001' })
    await closeout.downloadDossier({ id: 'p1', code: 'HB/2026 001' })
    expect(saved).toEqual(['卷.zip', '一案一档-HB_2026_001.zip'])
    expect(closeout.downloading).toBe(false)
  })
})

describe('the acceptance queue and the publicity board', () => {
  const server = useFakeApi()
  beforeEach(() => setActivePinia(createPinia()))

  it('search with the URL’s filters, and load more with the same filters and the cursor', async () => {
    server
      .on(
        'GET /api/v1/acceptances',
        page([{ acceptance: { id: 'a1' } }], 'n1', 2),
        page([{ acceptance: { id: 'a2' } }]),
      )
      .on('GET /api/v1/publicity', page([{ id: 'pub1' }]))
    const queue = useAcceptancesStore()
    await queue.search({ awaitingMe: true })
    await queue.loadMore()
    expect(server.to('GET /api/v1/acceptances').map((s) => s.query)).toEqual([
      { awaitingMe: 'true', limit: String(ACCEPTANCE_PAGE_SIZE) },
      { awaitingMe: 'true', limit: String(ACCEPTANCE_PAGE_SIZE), cursor: 'n1' },
    ])
    expect(queue.items.map((a) => a.acceptance.id)).toEqual(['a1', 'a2'])
    expect(queue.hasMore).toBe(false)

    const board = usePublicityStore()
    await board.search({ status: 'open' })
    expect(server.to('GET /api/v1/publicity')[0]!.query).toEqual({
      status: 'open',
      limit: String(PUBLICITY_PAGE_SIZE),
    })
    expect(board.total).toBe(1)
  })
})
