import type { Problem } from '@rectify/schemas'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { deferred, noContent, page, problem, useFakeApi, type FakeApi } from '@/test/fake-api'
import { PROBLEM_REPORTS_PAGE, useProblemStore } from './problem'

/** The fields the store reads of a problem; the rest of the record passes through untouched. */
const record = (version: number, status = 'in_progress', id = 'p1') =>
  ({ id, code: 'HB-2026-001', title: '某河段黑臭水体', version, status }) as unknown as Problem

/** The server of one problem page: the record, its plan, reports, extensions and timeline. */
function servePage(server: FakeApi, ...records: Problem[]) {
  const id = records[0]!.id
  return server
    .on(`GET /api/v1/problems/${id}`, ...records)
    .on(`GET /api/v1/problems/${id}/measures`, {
      items: [{ id: 'm1', problemId: id, version: 1, content: '截污纳管' }],
    })
    .on(`GET /api/v1/problems/${id}/reports`, page([{ id: 'r1', version: 2 }], 'c2', 21))
    .on(`GET /api/v1/problems/${id}/extensions`, { items: [] })
    .on(`GET /api/v1/problems/${id}/timeline`, { items: [{ at: '2026-03-01T00:00:00Z' }] })
}

const PAGE_READS = [
  'GET /api/v1/problems/p1',
  'GET /api/v1/problems/p1/measures',
  'GET /api/v1/problems/p1/reports',
  'GET /api/v1/problems/p1/extensions',
  'GET /api/v1/problems/p1/timeline',
]

const ifMatch = (s: { headers: Headers }) => s.headers.get('If-Match')

describe('the problem store', () => {
  const server = useFakeApi()
  beforeEach(() => setActivePinia(createPinia()))

  it('loads the record, its plan, the newest reports, extensions and timeline', async () => {
    servePage(server, record(3))
    const store = useProblemStore()
    await store.load('p1')

    expect(server.routes().sort()).toEqual([...PAGE_READS].sort())
    expect(server.to('GET /api/v1/problems/p1/reports')[0]!.query).toEqual({
      limit: String(PROBLEM_REPORTS_PAGE),
    })
    expect(store.problem?.version).toBe(3)
    expect(store.measures.map((m) => m.id)).toEqual(['m1'])
    expect(store.reportsTotal).toBe(21)
    expect(store.reportsCursor).toBe('c2')
    expect(store.loading).toBe(false)
    expect(store.error).toBeNull()
  })

  it('keeps a hidden problem as the error, not as a record (404)', async () => {
    servePage(server, record(3)).on('GET /api/v1/problems/p1', problem(404, 'not_found'))
    const store = useProblemStore()
    await store.load('p1')
    expect(store.problem).toBeNull()
    expect(store.error).toBeInstanceOf(ApiError)
    expect((store.error as ApiError).code).toBe('not_found')
  })

  it('shows the problem opened last when an earlier one answers after it', async () => {
    const slow = deferred<Problem>()
    servePage(server, record(1, 'draft', 'p2'))
    servePage(server, record(3)).on('GET /api/v1/problems/p1', () => slow.promise)
    const store = useProblemStore()
    const first = store.load('p1')
    await store.load('p2')
    slow.resolve(record(3))
    await first
    expect(store.problem?.id).toBe('p2')
  })

  it('sends a step with the version on screen as If-Match, then reads the page again', async () => {
    servePage(server, record(3, 'draft'), record(4, 'pending_review')).on(
      'POST /api/v1/problems/p1/transitions',
      record(4, 'pending_review'),
    )
    const store = useProblemStore()
    await store.load('p1')
    const next = await store.transition('submit')

    const [step] = server.to('POST /api/v1/problems/p1/transitions')
    expect(ifMatch(step!)).toBe('"3"')
    expect(step!.body).toEqual({ action: 'submit' })
    expect(step!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(next.version).toBe(4)
    expect(server.routes().slice(-5).sort()).toEqual([...PAGE_READS].sort())
    expect(store.problem?.status).toBe('pending_review')
  })

  it('sends the reason with a step that returns the plan', async () => {
    servePage(server, record(5, 'pending_review'), record(6, 'returned')).on(
      'POST /api/v1/problems/p1/transitions',
      record(6, 'returned'),
    )
    const store = useProblemStore()
    await store.load('p1')
    await store.transition('return', '措施不具体，请细化到河段')
    expect(server.to('POST /api/v1/problems/p1/transitions')[0]!.body).toEqual({
      action: 'return',
      reason: '措施不具体，请细化到河段',
    })
  })

  it('on 412 throws precondition_failed and keeps the record; after the page reads again the retry sends the new version', async () => {
    servePage(server, record(3, 'draft'), record(4, 'draft'), record(5, 'pending_review')).on(
      'POST /api/v1/problems/p1/transitions',
      problem(412, 'precondition_failed'),
      record(5, 'pending_review'),
    )
    const store = useProblemStore()
    await store.load('p1')

    const error = await store.transition('submit').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('precondition_failed')
    expect(store.problem?.version).toBe(3)
    expect(server.routes()).toHaveLength(6)

    await store.refresh()
    expect(store.problem?.version).toBe(4)
    await store.transition('submit')
    expect(server.to('POST /api/v1/problems/p1/transitions').map(ifMatch)).toEqual(['"3"', '"4"'])
    expect(store.problem?.status).toBe('pending_review')
  })

  it('appends the next page of reports with the cursor of the last one', async () => {
    servePage(server, record(3))
    const store = useProblemStore()
    await store.load('p1')
    server.on('GET /api/v1/problems/p1/reports', page([{ id: 'r0', version: 1 }]))
    await store.moreReports()
    expect(server.to('GET /api/v1/problems/p1/reports')[1]!.query).toEqual({
      limit: String(PROBLEM_REPORTS_PAGE),
      cursor: 'c2',
    })
    expect(store.reports.map((r) => r.id)).toEqual(['r1', 'r0'])
    expect(store.reportsCursor).toBeNull()
  })

  it('edits the plan with each record’s own version: target, measure, deletion', async () => {
    servePage(server, record(3))
      .on('PATCH /api/v1/problems/p1', record(4))
      .on('POST /api/v1/problems/p1/measures', { id: 'm2', version: 1 })
      .on('PATCH /api/v1/measures/m1', { id: 'm1', version: 2 })
      .on('DELETE /api/v1/measures/m1', noContent())
    const store = useProblemStore()
    await store.load('p1')
    await store.updateProblem(3, { deadline: '2026-06-30' })
    const measure = {
      content: '清淤疏浚',
      unitId: 'unit1',
      startDate: '2026-03-01',
      deadline: '2026-05-31',
    }
    await store.createMeasure(measure)
    await store.updateMeasure('m1', 1, { content: '截污纳管（一期）' })
    await store.deleteMeasure('m1', 2)

    expect(ifMatch(server.to('PATCH /api/v1/problems/p1')[0]!)).toBe('"3"')
    expect(store.problem?.version).toBe(4)
    expect(server.to('POST /api/v1/problems/p1/measures')[0]!.body).toEqual(measure)
    expect(ifMatch(server.to('PATCH /api/v1/measures/m1')[0]!)).toBe('"1"')
    expect(ifMatch(server.to('DELETE /api/v1/measures/m1')[0]!)).toBe('"2"')
  })

  it('accepting a report sends its version and reads the page again (the light may move)', async () => {
    servePage(server, record(3), record(4)).on('POST /api/v1/reports/r1/review', {
      id: 'r1',
      version: 3,
      status: 'accepted',
    })
    const store = useProblemStore()
    await store.load('p1')
    await store.review({ id: 'r1', version: 2 }, { decision: 'accept', rating: 'on_schedule' })
    const [review] = server.to('POST /api/v1/reports/r1/review')
    expect(ifMatch(review!)).toBe('"2"')
    expect(review!.body).toEqual({ decision: 'accept', rating: 'on_schedule' })
    expect(store.problem?.version).toBe(4)
  })
})
