import type { Page, Request } from '@playwright/test'
import { expect, test, type OpenAs, type World } from '../fixtures'
import { shanghaiDay } from '../ui.mjs'

const ROWS = '[data-testid="problems-table"] .el-table__row'
const isApi = (url: string) => new URL(url).pathname.startsWith('/api/')

/** The API answers the page gets from now on: path and status, in the order they were asked. */
function apiLog(page: Page) {
  const log: { request: Request; path: string }[] = []
  page.on('request', (request) => {
    if (isApi(request.url())) log.push({ request, path: new URL(request.url()).pathname })
  })
  return {
    clear: () => void log.splice(0),
    statuses: async () =>
      Promise.all(
        log.map(async (entry) => `${entry.path} ${(await entry.request.response())?.status()}`),
      ),
  }
}

/** A gate for the requests to `pathname`: held until the returned function is called. */
async function hold(page: Page, pathname: string): Promise<() => void> {
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  await page.route(
    (url) => url.pathname === pathname,
    async (route) => {
      await gate
      await route.continue()
    },
  )
  return open
}

test.describe('first paint', () => {
  /** The office of a new city, on its ledger with one problem of its own (so rows show). */
  async function officeOnLedger(world: World, openAs: OpenAs): Promise<Page> {
    const city = await world.city()
    await world.problem(city, { title: '湖滨河沿岸排污口整治', deadline: shanghaiDay(90) })
    const page = await openAs(city.office)
    await page.goto('/problems')
    await page.locator(ROWS).first().waitFor()
    return page
  }

  test('a reload restores the session without a failing call: no 401, refresh only when needed', async ({
    openAs,
    world,
  }) => {
    const page = await officeOnLedger(world, openAs)
    const log = apiLog(page)

    // The access token is still live: the reload asks for nothing but the page's data.
    await page.reload()
    await page.locator(ROWS).first().waitFor()
    const warm = await log.statuses()
    expect(warm).toContain('/api/v1/me 200')
    expect(warm).toContain('/api/v1/problems 200')
    expect(
      warm.filter((s) => s.endsWith(' 401') || s.startsWith('/api/v1/auth/')),
      'no 401 and no refresh on a reload within the access token’s life',
    ).toEqual([])

    // Only the refresh token held (the access token lapsed): renewed once, before any call.
    await page.evaluate(() => sessionStorage.removeItem('rectify.accessToken'))
    log.clear()
    await page.reload()
    await page.locator(ROWS).first().waitFor()
    const cold = await log.statuses()
    expect(cold[0], cold.join(', ')).toBe('/api/v1/auth/refresh 200')
    expect(
      cold.filter((s) => s.startsWith('/api/v1/auth/')),
      cold.join(', '),
    ).toHaveLength(1)
    // The refresh's answer names the account: no /me after it.
    expect(cold, cold.join(', ')).not.toContain('/api/v1/me 200')
    expect(
      cold.filter((s) => s.endsWith(' 401')),
      'no 401 with only the refresh token held',
    ).toEqual([])
  })

  test('a first load of the ledger fetches a few script files, no TypeBox, nothing a click opens', async ({
    openAs,
    world,
  }) => {
    const city = await world.city()
    await world.problem(city, { title: '湖滨河沿岸排污口整治', deadline: shanghaiDay(90) })
    const page = await openAs(city.office)
    const scripts: string[] = []
    const bodies: Promise<{ path: string; text: string }>[] = []
    const api: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
      if (isApi(request.url())) api.push(new URL(request.url()).pathname)
    })
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname
      if (response.request().resourceType() === 'script')
        bodies.push(response.text().then((text) => ({ path, text })))
    })
    await page.goto('/problems')
    await page.locator(ROWS).first().waitFor()
    // The entry, and the shared, layout, ledger and ledger-data chunks (build/chunks.ts); left
    // to the bundler it was some 70 files, which held all six connections to the host while
    // the page's API calls waited.
    expect(scripts.length, scripts.join(', ')).toBeLessThanOrEqual(8)
    // No TypeBox (its schemas' '~kind' marker): the SPA takes its constants from
    // @rectify/schemas/constants, not the index that builds every schema at load.
    const typebox = (await Promise.all(bodies)).filter((body) => body.text.includes('"~kind"'))
    expect(typebox.map((body) => body.path)).toEqual([])
    // The folded filters and the import dialog load on a click, the unit list with the filters.
    expect(scripts.join(' ')).not.toMatch(/ProblemFilterMore|ProblemImportDialog/)
    expect(api).not.toContain('/api/v1/units')
    await page.getByTestId('filter-more').click()
    await page.getByRole('combobox', { name: '销号日期起' }).waitFor()
    await expect.poll(() => api).toContain('/api/v1/units')
  })

  test('the layout outline and a skeleton of rows paint before the data, asked for beside /me', async ({
    openAs,
    world,
  }) => {
    const page = await officeOnLedger(world, openAs)

    const releaseMe = await hold(page, '/api/v1/me')
    const releaseList = await hold(page, '/api/v1/problems')
    const listAsked = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/problems')
    await page.reload()
    // While the session is restored: the sidebar with the system's name, grey bars for the page.
    const shell = page.getByTestId('app-shell')
    await expect(shell).toContainText('督察整改管理系统')
    // The rows are asked for beside /me (router prefetch), not after the page has rendered.
    await listAsked
    releaseMe()

    // The layout and the ledger's frame are there; a skeleton stands in for the rows.
    await page.getByTestId('nav-menu').waitFor()
    await page.getByTestId('ledger-skeleton').waitFor()
    await expect(page.getByTestId('page-title')).toHaveText('问题清单')
    await expect(page.locator(ROWS)).toHaveCount(0)
    releaseList()

    await page.locator(ROWS).first().waitFor()
    await page.getByTestId('ledger-skeleton').waitFor({ state: 'detached' })
    await expect(shell).toHaveCount(0)
  })
})
