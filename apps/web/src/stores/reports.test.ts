import type { ProgressReport } from '@rectify/schemas'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { page, problem, useFakeApi, type Sent } from '@/test/fake-api'
import { REVIEW_PAGE_SIZE, useReportsStore } from './reports'

/** The fields the store reads of a report. */
const report = (id: string, problemId: string, version = 1) =>
  ({ id, problemId, version, status: 'submitted', percent: 60 }) as unknown as ProgressReport

const ifMatch = (s: Sent) => s.headers.get('If-Match')

describe('the reports store', () => {
  const server = useFakeApi()
  beforeEach(() => setActivePinia(createPinia()))

  it('queues submitted reports for the URL’s filters, reading each problem once', async () => {
    server
      .on('GET /api/v1/reports', page([report('r1', 'p1'), report('r2', 'p1'), report('r3', 'p2')]))
      .on('GET /api/v1/problems/p1', { id: 'p1', version: 3 })
      .on('GET /api/v1/problems/p2', problem(404, 'not_found'))
    const store = useReportsStore()
    await store.search({ unit: 'unit1' })

    expect(server.to('GET /api/v1/reports')[0]!.query).toEqual({
      unit: 'unit1',
      status: 'submitted',
      limit: String(REVIEW_PAGE_SIZE),
    })
    expect(server.to('GET /api/v1/problems/p1')).toHaveLength(1)
    expect([...store.problems.keys()]).toEqual(['p1'])
    expect(store.items).toHaveLength(3)
    expect(store.error).toBeNull()
  })

  it('returns a report with its version and the note, and takes it off the queue', async () => {
    server
      .on('GET /api/v1/reports', page([report('r1', 'p1', 2), report('r2', 'p2')]))
      .on('GET /api/v1/problems/p1', { id: 'p1', version: 3 }, { id: 'p1', version: 4 })
      .on('GET /api/v1/problems/p2', { id: 'p2', version: 1 })
      .on('POST /api/v1/reports/r1/review', { ...report('r1', 'p1', 3), status: 'returned' })
    const store = useReportsStore()
    await store.search({})
    const reviewed = await store.review(store.items[0]!, {
      decision: 'return',
      note: '照片与措施不符',
    })

    const [review] = server.to('POST /api/v1/reports/r1/review')
    expect(ifMatch(review!)).toBe('"2"')
    expect(review!.body).toEqual({ decision: 'return', note: '照片与措施不符' })
    expect(reviewed.status).toBe('returned')
    expect(store.items.map((r) => r.id)).toEqual(['r2'])
    expect(store.total).toBe(1)
    await expect.poll(() => store.problems.get('p1')?.version).toBe(4)
  })

  it('after a 412 reads the report again and puts it back in its row', async () => {
    server
      .on('GET /api/v1/reports', page([report('r1', 'p1', 2)]))
      .on('GET /api/v1/problems/p1', { id: 'p1', version: 3 })
      .on('POST /api/v1/reports/r1/review', problem(412, 'precondition_failed'))
      .on('GET /api/v1/reports/r1', report('r1', 'p1', 5))
    const store = useReportsStore()
    await store.search({})
    await expect(store.review(store.items[0]!, { decision: 'accept' })).rejects.toMatchObject({
      code: 'precondition_failed',
    })
    expect(store.items).toHaveLength(1)
    await store.refetch('r1')
    expect(store.items[0]!.version).toBe(5)
  })

  it('submits a report on the problem with its evidence, as one idempotent POST', async () => {
    server.on('POST /api/v1/problems/p1/reports', report('r9', 'p1'))
    const body = {
      measureId: 'm1',
      period: '2026-03',
      done: '完成截污管网铺设1.2公里',
      percent: 60,
      evidenceIds: ['f1', 'f2'],
    }
    const created = await useReportsStore().create('p1', body)
    const [post] = server.to('POST /api/v1/problems/p1/reports')
    expect(post!.body).toEqual(body)
    expect(post!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.id).toBe('r9')
  })

  it('uploads evidence as a multipart file and lets a refused type reach the form (415)', async () => {
    server.on(
      'POST /api/v1/files',
      { id: 'f1', filename: '现场.jpg' },
      problem(415, 'unsupported_media_type'),
    )
    const store = useReportsStore()
    const progress: number[] = []
    const photo = new File([new Uint8Array([0xff, 0xd8])], '现场.jpg', { type: 'image/jpeg' })
    const info = await store.upload(photo, {
      onProgress: (loaded, total) => progress.push(loaded / total),
    })
    expect(info).toMatchObject({ id: 'f1' })
    expect(progress).toEqual([0.5])
    const [sent] = server.to('POST /api/v1/files')
    expect((sent!.body as FormData).get('file')).toBeInstanceOf(File)
    expect(sent!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)

    await expect(store.upload(new File(['x'], 'a.exe'))).rejects.toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
    })
  })
})
