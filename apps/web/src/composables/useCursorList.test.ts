import type { Page } from '@rectify/schemas'
import { describe, expect, it } from 'vitest'
import { useListDetail } from './useCursorList'

interface Row {
  id: string
  name: string
}

/** A promise the test settles by hand, to order answers as it likes. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const page = (items: Row[]): Page<Row> => ({ items, nextCursor: null, total: items.length })

describe('useListDetail', () => {
  it('passes the filters of the last search to the page fetch', async () => {
    const seen: unknown[] = []
    const board = useListDetail<{ status?: string }, Row>({
      fetchPage: (query) => {
        seen.push(query)
        return Promise.resolve(page([{ id: 'a', name: 'A' }]))
      },
      fetchOne: () => Promise.reject(new Error('unused')),
    })
    await board.search({ status: 'open' })
    expect(seen).toEqual([{ status: 'open' }])
    expect(board.items.value).toEqual([{ id: 'a', name: 'A' }])
  })

  it('keeps the record of the latest open when an older answer comes last', async () => {
    const answers: Record<string, ReturnType<typeof deferred<Row>>> = {
      a: deferred<Row>(),
      b: deferred<Row>(),
    }
    const board = useListDetail<object, Row>({
      fetchPage: () => Promise.resolve(page([])),
      fetchOne: (id) => answers[id]!.promise,
    })
    const first = board.open('a')
    const second = board.open('b')
    answers.b!.resolve({ id: 'b', name: 'B' })
    await second
    answers.a!.resolve({ id: 'a', name: 'A' })
    await first
    expect(board.current.value).toEqual({ id: 'b', name: 'B' })
    expect(board.loading.value).toBe(false)
  })

  it('shows a written record both as the open one and in its row', async () => {
    const board = useListDetail<object, Row>({
      fetchPage: () =>
        Promise.resolve(
          page([
            { id: 'a', name: 'A' },
            { id: 'b', name: 'B' },
          ]),
        ),
      fetchOne: (id) => Promise.resolve({ id, name: 'fresh' }),
    })
    await board.search({})
    board.settle({ id: 'b', name: 'B2' })
    expect(board.current.value).toEqual({ id: 'b', name: 'B2' })
    await board.refetch('a')
    expect(board.items.value).toEqual([
      { id: 'a', name: 'fresh' },
      { id: 'b', name: 'B2' },
    ])
    expect(board.current.value).toEqual({ id: 'a', name: 'fresh' })
  })
})
