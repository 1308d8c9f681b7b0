import type { Petition } from '@rectify/schemas'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { page, problem, useFakeApi, type Sent } from '@/test/fake-api'
import { PETITION_PAGE_SIZE, usePetitionsStore } from './petitions'

/** The fields the store reads of a case; the rest of the record passes through. */
const petition = (id: string, version: number, status: string, deadline: string | null = null) =>
  ({ id, receiptNo: `D2026${id}`, version, status, deadline }) as unknown as Petition

const ifMatch = (s: Sent) => s.headers.get('If-Match')

describe('the petitions store', () => {
  const server = useFakeApi()
  beforeEach(() => setActivePinia(createPinia()))

  it('searches with the URL’s filters and the page size, and loads more with the cursor', async () => {
    server.on(
      'GET /api/v1/petitions',
      page([petition('1', 1, 'received')], 'n1', 2),
      page([petition('2', 1, 'handling')]),
    )
    const store = usePetitionsStore()
    await store.search({ status: 'received', q: '噪音扰民' })
    await store.loadMore()
    expect(server.to('GET /api/v1/petitions').map((s) => s.query)).toEqual([
      { status: 'received', q: '噪音扰民', limit: String(PETITION_PAGE_SIZE) },
      { status: 'received', q: '噪音扰民', limit: String(PETITION_PAGE_SIZE), cursor: 'n1' },
    ])
    expect(store.items.map((p) => p.id)).toEqual(['1', '2'])
  })

  it('reports the unit’s handling with the case’s version and shows the answer in page and row', async () => {
    const body = {
      finding: 'partly_true' as const,
      investigation: '经现场核查，夜间施工噪音属实',
      measures: '责令停止夜间施工',
      ordersToRectify: 1,
      casesFiled: 0,
      finesWan: null,
      detained: null,
      talkedTo: 1,
      heldAccountable: 0,
      accountability: '',
      fileIds: ['f1'],
    }
    server
      .on('GET /api/v1/petitions', page([petition('1', 4, 'handling')]))
      .on('GET /api/v1/petitions/1', petition('1', 4, 'handling'))
      .on('POST /api/v1/petitions/1/report', petition('1', 5, 'reported'))
    const store = usePetitionsStore()
    await store.search({})
    await store.open('1')
    await store.report('1', store.current!.version, body)

    const [report] = server.to('POST /api/v1/petitions/1/report')
    expect(ifMatch(report!)).toBe('"4"')
    expect(report!.body).toEqual(body)
    expect(store.current?.status).toBe('reported')
    expect(store.items[0]?.version).toBe(5)
  })

  it('returns a report with the reason, and after a 412 reads the case again for its version', async () => {
    server
      .on('GET /api/v1/petitions/1', petition('1', 5, 'reported'), petition('1', 6, 'reported'))
      .on(
        'POST /api/v1/petitions/1/review',
        problem(412, 'precondition_failed'),
        petition('1', 7, 'handling'),
      )
    const store = usePetitionsStore()
    await store.open('1')
    const decision = { decision: 'return' as const, reason: '未附现场照片' }
    await expect(store.review('1', 5, decision)).rejects.toMatchObject({
      code: 'precondition_failed',
    })
    expect(store.current?.version).toBe(5)

    const latest = await store.refetch('1')
    await store.review('1', latest.version, decision)
    const reviews = server.to('POST /api/v1/petitions/1/review')
    expect(reviews.map(ifMatch)).toEqual(['"5"', '"6"'])
    expect(reviews[1]!.body).toEqual(decision)
    expect(store.current?.status).toBe('handling')
  })

  it('records the call-back and links a repeat with the case’s version', async () => {
    server
      .on('POST /api/v1/petitions/1/callback', petition('1', 8, 'closed'))
      .on('POST /api/v1/petitions/1/repeat', petition('1', 9, 'closed'))
    const store = usePetitionsStore()
    await store.callback('1', 7, { satisfaction: 'satisfied', on: '2026-03-05' })
    await store.setRepeat('1', 8, null)
    expect(ifMatch(server.to('POST /api/v1/petitions/1/callback')[0]!)).toBe('"7"')
    const [repeat] = server.to('POST /api/v1/petitions/1/repeat')
    expect(ifMatch(repeat!)).toBe('"8"')
    expect(repeat!.body).toEqual({ repeatOfId: null })
    expect(store.current?.version).toBe(9)
  })

  it('assigns cases in bulk, once, with one Idempotency-Key', async () => {
    server.on('POST /api/v1/petitions/assign', { assigned: 2, deadline: '2026-03-20' })
    const store = usePetitionsStore()
    const result = await store.assign({ petitionIds: ['1', '2'], unitId: 'unit1' })
    const [assign] = server.to('POST /api/v1/petitions/assign')
    expect(assign!.body).toEqual({ petitionIds: ['1', '2'], unitId: 'unit1' })
    expect(assign!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.assigned).toBe(2)
  })

  it('lists the cases to handle, in handling and partly closed, nearest deadline first', async () => {
    server.on('GET /api/v1/petitions', (s: Sent) =>
      s.query.status === 'handling'
        ? page([petition('a', 1, 'handling', '2026-03-20'), petition('b', 1, 'handling')])
        : page([petition('c', 1, 'partly_closed', '2026-03-10')]),
    )
    const store = usePetitionsStore()
    await store.loadToHandle()
    expect(server.to('GET /api/v1/petitions').map((s) => s.query)).toEqual([
      { status: 'handling', limit: '50' },
      { status: 'partly_closed', limit: '50' },
    ])
    expect(store.toHandle?.map((p) => p.id)).toEqual(['c', 'a', 'b'])
  })
})
