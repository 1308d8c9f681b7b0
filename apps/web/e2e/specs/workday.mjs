/* global document -- the page's own, in code page.evaluate runs in the browser */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { assertAccessible } from '../a11y.mjs'
import { api, apiLogin, close, login, openPage, shot } from '../harness.mjs'

/** A problem in progress the lead unit `eco` leads, with accepted progress above 0. */
async function ecoProblemWithProgress() {
  const eco = await apiLogin('eco')
  const { items } = await api(eco, 'GET', '/problems?status=in_progress&limit=100')
  const me = await api(eco, 'GET', '/me')
  const problem = items.find((p) => p.leadUnit.id === me.unit.id && p.reportedProgress > 0)
  assert.ok(problem, 'the demo has a problem eco leads with accepted progress')
  return { eco, problem }
}

/**
 * Which category boundaries of a bar chart's x axis have label ink on them: the axis is the
 * lowest row with one unbroken inked run across most of the canvas, the categories split that
 * run evenly, and below the ticks a label that spills into its neighbour's slot inks the
 * boundary between them.
 */
function inkedBoundaries(canvas, count) {
  return canvas.evaluate((c, n) => {
    const { width: w, height: h } = c
    const data = c.getContext('2d').getImageData(0, 0, w, h).data
    const ink = (x, y) => data[4 * (y * w + x) + 3] > 40
    for (let y = h - 1; y >= 0; y--) {
      let best = [0, -1]
      for (let x = 0, start = -1; x <= w; x++) {
        if (x < w && ink(x, y)) {
          if (start < 0) start = x
        } else if (start >= 0) {
          if (x - start > best[1] - best[0] + 1) best = [start, x - 1]
          start = -1
        }
      }
      const [first, last] = best
      if (last - first + 1 < w * 0.5) continue
      const slot = (last - first + 1) / n
      const hit = []
      for (let i = 1; i < n; i++) {
        const bx = Math.round(first + i * slot)
        let found = false
        for (let yy = y + 9; yy < h && !found; yy++)
          for (let dx = -1; dx <= 1; dx++) if (ink(bx + dx, yy)) found = true
        if (found) hit.push(i)
      }
      return { axis: y, hit }
    }
    return null
  }, count)
}

describe('a working day in the office and the units', () => {
  test('the report form starts at the last accepted progress and says why 150 is refused, next to the field', async () => {
    const { eco, problem } = await ecoProblemWithProgress()
    const before = (await api(eco, 'GET', `/problems/${problem.id}/reports?limit=100`)).items.length
    const page = await openPage()
    await login(page, 'eco')
    await page.goto(`/problems/${problem.id}/reports/new`)
    await page.getByTestId('report-form').waitFor()
    const percent = page.getByTestId('report-percent').locator('input')
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="report-percent"] input')?.value) === n,
      problem.reportedProgress,
    )
    assert.match(
      await page.locator('#report-percent-hint').innerText(),
      new RegExp(`${problem.reportedProgress}%`),
    )
    await assertAccessible(page, 'the report form')

    await percent.fill('150')
    await percent.press('Tab')
    await page.getByTestId('report-done').fill('本期完成沿河截污管网铺设。')
    await page.getByTestId('report-submit').click()
    const item = page.locator('.el-form-item', { has: page.getByTestId('report-percent') })
    await item.locator('.el-form-item__error').filter({ hasText: '0 到 100' }).waitFor()
    assert.equal(await percent.inputValue(), '150', 'the number typed is kept, not clamped')
    await shot(page, 'report-percent-refused')
    assert.match(page.url(), /\/reports\/new$/, 'nothing was submitted')
    const after = (await api(eco, 'GET', `/problems/${problem.id}/reports?limit=100`)).items.length
    assert.equal(after, before, 'no report was created')
    await close(page)
  })

  test('choosing the problem first fills the notice’s receiving unit with its lead unit, which stays editable', async () => {
    const office = await apiLogin('office')
    const { items } = await api(office, 'GET', '/problems?status=in_progress&limit=5')
    const problem = items[0]
    const page = await openPage()
    await login(page, 'office')
    await page.goto('/notices')
    await assertAccessible(page, 'the notices list')
    await page.getByTestId('notice-issue').click()
    await page.getByTestId('notice-form').waitFor()
    await page.getByTestId('notice-problems').click()
    await page.getByTestId('notice-problems').locator('input').fill(problem.code)
    await page
      .locator('.el-select-dropdown__item:visible', { hasText: problem.code })
      .first()
      .click()
    await page.keyboard.press('Escape')
    const unit = page.locator('[data-testid="notice-unit"]:not([role="tree"])')
    await unit.filter({ hasText: problem.leadUnit.name }).waitFor()
    // Editable: another unit replaces it.
    const other = problem.leadUnit.name === '临湖县' ? '青山县' : '临湖县'
    await unit.click()
    await page
      .locator('.el-select-dropdown__item:visible')
      .getByText(other, { exact: true })
      .click()
    await unit.filter({ hasText: other }).waitFor()
    await close(page)
  })

  test('the dashboard’s category labels never run into each other, at any width', async () => {
    const page = await openPage()
    await login(page, 'office')
    await page.goto('/dashboard')
    await page.getByTestId('dashboard-chart-status').locator('canvas').first().waitFor()
    await page.waitForLoadState('networkidle')
    for (const width of [1440, 1280, 1024, 768, 390]) {
      await page.setViewportSize({ width, height: 900 })
      // ECharts redraws on resize and animates its bars in: let it settle.
      await page.waitForTimeout(1500)
      for (const name of ['status', 'light', 'buckets']) {
        const chart = page.getByTestId(`dashboard-chart-${name}`)
        const count = await chart.evaluate(
          (el) => el.querySelector('[role="img"]').getAttribute('aria-label').split('；').length,
        )
        const found = await inkedBoundaries(chart.locator('canvas').first(), count)
        assert.ok(found, `${name} at ${width} px draws its axis`)
        assert.deepEqual(found.hit, [], `${name} at ${width} px: no label crosses into the next`)
      }
      await shot(page, `dashboard-${width}`)
    }
    await close(page)
  })

  test('the main staff pages have no serious or critical axe-core violation', async () => {
    const { problem } = await ecoProblemWithProgress()
    const office = await apiLogin('office')
    const notice = (await api(office, 'GET', '/notices?limit=1')).items[0]
    const page = await openPage()
    await login(page, 'office')
    for (const [url, ready] of [
      ['/', 'home'],
      ['/problems', 'problems-table'],
      [`/problems/${problem.id}`, 'problem-status'],
      ['/notices', 'notice-issue'],
      ...(notice ? [[`/notices/${notice.id}`, 'notice-facts']] : []),
    ]) {
      await page.goto(url)
      await page.getByTestId(ready).first().waitFor({ timeout: 30_000 })
      await page.waitForLoadState('networkidle')
      await assertAccessible(page, url)
    }
    await close(page)
  })
})
