import type { Problem } from '@rectify/schemas'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { page, useFakeApi } from '@/test/fake-api'
import { parseLedgerFilters, parseLedgerPaging } from '@/lib/ledger-query'
import { useProblemsStore } from './problems'

const row = (id: string) => ({ id, title: id }) as unknown as Problem
const LIST = 'GET /api/v1/problems'

describe('the ledger store', () => {
  const server = useFakeApi()
  beforeEach(() => setActivePinia(createPinia()))

  it('shows the page asked for ahead of the view with that one request', async () => {
    server.on(LIST, page([row('p1')]), page([row('p2')]))
    const store = useProblemsStore()
    const query = { status: 'in_progress' }
    store.prefetch(query)
    await store.show(parseLedgerFilters(query), parseLedgerPaging(query))

    expect(server.to(LIST)).toHaveLength(1)
    expect(server.to(LIST)[0]!.query).toMatchObject({ status: 'in_progress' })
    expect(store.items.map((p) => p.id)).toEqual(['p1'])
  })

  it('asks again for another page, and after the prefetched answer was used once', async () => {
    server.on(LIST, page([row('p1')]), page([row('p2')]), page([row('p3')]))
    const store = useProblemsStore()
    store.prefetch({ status: 'in_progress' })
    await store.show(parseLedgerFilters({}), parseLedgerPaging({}))
    expect(store.items.map((p) => p.id)).toEqual(['p2'])
    expect(server.to(LIST)[1]!.query).not.toHaveProperty('status')

    await store.show(parseLedgerFilters({}), parseLedgerPaging({}))
    expect(server.to(LIST)).toHaveLength(3)
    expect(store.items.map((p) => p.id)).toEqual(['p3'])
  })
})
