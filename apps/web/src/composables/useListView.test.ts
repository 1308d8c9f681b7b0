import { describe, expect, it } from 'vitest'
import { createApp, defineComponent, nextTick } from 'vue'
import { createMemoryHistory, createRouter, type LocationQuery } from 'vue-router'
import { queryEnum, queryString } from '@/lib/query'
import { useListView } from './useListView'

const parse = (query: LocationQuery) => ({
  status: queryEnum(query.status, ['open', 'closed'] as const),
  q: queryString(query.q),
})
type Filters = ReturnType<typeof parse>

/** Settles the router's navigation and the watchers it wakes. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0))
    await nextTick()
  }
}

/** The composable on a page of a memory router opened at `url`; `loads` records each load. */
async function listAt(url: string) {
  const page = defineComponent({ render: () => null })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/list', name: 'list', component: page },
      { path: '/other', name: 'other', component: page },
    ],
  })
  await router.push(url)
  const app = createApp(page)
  app.use(router)
  const loads: Filters[] = []
  const view = app.runWithContext(() =>
    useListView(parse, (filters) => {
      loads.push({ ...filters })
      return Promise.resolve()
    }),
  )
  await settle()
  return { router, view, loads }
}

describe('useListView', () => {
  it('loads once at once with the filters the URL holds, junk dropped', async () => {
    const { view, loads } = await listAt('/list?status=open&q=road&extra=1&status=bogus')
    expect(loads).toEqual([{ status: 'open', q: 'road' }])
    expect({ ...view.draft }).toEqual({ status: 'open', q: 'road' })
  })

  it('search puts the draft into the URL and loads for it', async () => {
    const { router, view, loads } = await listAt('/list')
    view.draft.status = 'closed'
    view.draft.q = 'bridge'
    await view.search()
    await settle()
    expect(router.currentRoute.value.query).toEqual({ status: 'closed', q: 'bridge' })
    expect(loads.at(-1)).toEqual({ status: 'closed', q: 'bridge' })
    expect(loads).toHaveLength(2)
  })

  it('search with the filters already in the URL loads again instead of doing nothing', async () => {
    const { view, loads } = await listAt('/list?status=open')
    await view.search()
    await settle()
    expect(loads).toEqual([{ status: 'open' }, { status: 'open' }])
  })

  it('clear empties every filter in the draft and the URL', async () => {
    const { router, view, loads } = await listAt('/list?status=open&q=road')
    await view.clear()
    await settle()
    expect(router.currentRoute.value.query).toEqual({})
    expect({ ...view.draft }).toEqual({ status: undefined, q: undefined })
    expect(loads.at(-1)).toEqual({ status: undefined, q: undefined })
  })

  it('follows the back button: the draft and the list return to the earlier filters', async () => {
    const { router, view, loads } = await listAt('/list?status=open')
    view.draft.status = 'closed'
    await view.search()
    await settle()
    router.back()
    await settle()
    expect(view.applied.value).toEqual({ status: 'open', q: undefined })
    expect(view.draft.status).toBe('open')
    expect(loads.at(-1)).toEqual({ status: 'open', q: undefined })
  })

  it('does not load when another page takes the URL', async () => {
    const { router, loads } = await listAt('/list?status=open')
    await router.push('/other?status=closed')
    await settle()
    expect(loads).toEqual([{ status: 'open' }])
  })
})
