import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { close, login, openPage } from '../harness.mjs'

const ROWS = '[data-testid="problems-table"] .el-table__row'
const isApi = (url) => new URL(url).pathname.startsWith('/api/')

/** The API answers the page gets from now on: path and status, in the order they were asked. */
function apiLog(page) {
  const log = []
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

/** A gate for the requests `matches` picks: held until `open()` is called. */
async function hold(page, matches) {
  let open
  const gate = new Promise((resolve) => (open = resolve))
  await page.route(
    (url) => matches(url.pathname),
    async (route) => {
      await gate
      await route.continue()
    },
  )
  return open
}

describe('first paint', () => {
  test('a reload restores the session without a failing call: no 401, refresh only when needed', async () => {
    const page = await openPage()
    await login(page, 'office')
    await page.goto('/problems')
    await page.locator(ROWS).first().waitFor()
    const log = apiLog(page)

    // The access token is still live: the reload asks for nothing but the page's data.
    await page.reload()
    await page.locator(ROWS).first().waitFor()
    const warm = await log.statuses()
    assert.ok(warm.includes('/api/v1/me 200'), warm.join(', '))
    assert.ok(warm.includes('/api/v1/problems 200'), warm.join(', '))
    assert.deepEqual(
      warm.filter((s) => s.endsWith(' 401') || s.startsWith('/api/v1/auth/')),
      [],
      'no 401 and no refresh on a reload within the access token’s life',
    )

    // Only the refresh token held (the access token lapsed): renewed once, before any call.
    await page.evaluate(() => sessionStorage.removeItem('rectify.accessToken'))
    log.clear()
    await page.reload()
    await page.locator(ROWS).first().waitFor()
    const cold = await log.statuses()
    assert.equal(cold[0], '/api/v1/auth/refresh 200', cold.join(', '))
    assert.equal(cold.filter((s) => s.startsWith('/api/v1/auth/')).length, 1, cold.join(', '))
    assert.deepEqual(
      cold.filter((s) => s.endsWith(' 401')),
      [],
      'no 401 with only the refresh token held',
    )
    await close(page)
  })

  test('the layout outline and a skeleton of rows paint before the data', async () => {
    const page = await openPage()
    await login(page, 'office')
    await page.goto('/problems')
    await page.locator(ROWS).first().waitFor()

    const releaseMe = await hold(page, (path) => path === '/api/v1/me')
    const releaseList = await hold(page, (path) => path === '/api/v1/problems')
    await page.reload()
    // While the session is restored: the sidebar with the system's name, grey bars for the page.
    const shell = page.getByTestId('app-shell')
    await shell.waitFor()
    assert.match(await shell.innerText(), /督察整改管理系统/)
    releaseMe()

    // The layout and the ledger's frame are there; a skeleton stands in for the rows.
    await page.getByTestId('nav-menu').waitFor()
    await page.getByTestId('ledger-skeleton').waitFor()
    assert.equal(await page.getByTestId('page-title').innerText(), '问题清单')
    assert.equal(await page.locator(ROWS).count(), 0)
    releaseList()

    await page.locator(ROWS).first().waitFor()
    await page.getByTestId('ledger-skeleton').waitFor({ state: 'detached' })
    assert.equal(await shell.count(), 0)
    await close(page)
  })
})
