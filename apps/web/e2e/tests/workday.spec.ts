import type { Locator } from '@playwright/test'
import { expectAccessible } from '../a11y'
import { expect, shot, test, type City, type World } from '../fixtures'
import { shanghaiDay } from '../ui.mjs'

/** A problem of `city` in progress, led by its lead unit, with accepted progress of 35%. */
async function problemWithProgress(world: World, city: City) {
  const problem = await world.problemInProgress(city, {
    title: '湖滨河沿岸截污管网建设滞后',
    deadline: shanghaiDay(120),
  })
  await world.acceptedReport(city, problem, 35)
  return { ...problem, reportedProgress: 35 }
}

/**
 * Which category boundaries of a bar chart's x axis have label ink on them: the axis is the
 * lowest row with one unbroken inked run across most of the canvas, the categories split that
 * run evenly, and below the ticks a label that spills into its neighbour's slot inks the
 * boundary between them.
 */
function inkedBoundaries(canvas: Locator, count: number) {
  return canvas.evaluate((c: HTMLCanvasElement, n: number) => {
    const { width: w, height: h } = c
    const data = c.getContext('2d')!.getImageData(0, 0, w, h).data
    const ink = (x: number, y: number) => (data[4 * (y * w + x) + 3] ?? 0) > 40
    for (let y = h - 1; y >= 0; y--) {
      let best: [number, number] = [0, -1]
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
      const hit: number[] = []
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

test.describe('a working day in the office and the units', () => {
  test('the report form starts at the last accepted progress and says why 150 is refused, next to the field', async ({
    openAs,
    world,
  }) => {
    const city = await world.city()
    const problem = await problemWithProgress(world, city)
    const reports = () =>
      city.leadApi
        .call<{ items: unknown[] }>('GET', `/problems/${problem.id}/reports?limit=100`)
        .then((r) => r.items.length)
    const before = await reports()
    const page = await openAs(city.lead)
    await page.goto(`/problems/${problem.id}/reports/new`)
    await page.getByTestId('report-form').waitFor()
    const percent = page.getByTestId('report-percent').locator('input')
    await expect(percent).toHaveValue(String(problem.reportedProgress))
    await expect(page.locator('#report-percent-hint')).toContainText(`${problem.reportedProgress}%`)
    await expectAccessible(page, 'the report form')

    await percent.fill('150')
    await percent.press('Tab')
    await page.getByTestId('report-done').fill('本期完成沿河截污管网铺设。')
    await page.getByTestId('report-submit').click()
    const item = page.locator('.el-form-item', { has: page.getByTestId('report-percent') })
    await item.locator('.el-form-item__error').filter({ hasText: '0 到 100' }).waitFor()
    await expect(percent, 'the number typed is kept, not clamped').toHaveValue('150')
    await shot(page, 'report-percent-refused')
    expect(page.url(), 'nothing was submitted').toMatch(/\/reports\/new$/)
    expect(await reports(), 'no report was created').toBe(before)
  })

  test('choosing the problem first fills the notice’s receiving unit with its lead unit, which stays editable', async ({
    openAs,
    world,
  }) => {
    const city = await world.city()
    const problem = await world.problemInProgress(city, {
      title: '城区餐饮油烟扰民',
      deadline: shanghaiDay(90),
    })
    const page = await openAs(city.office)
    await page.goto('/notices')
    await expectAccessible(page, 'the notices list')
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
    await unit.filter({ hasText: city.leadUnit.name }).waitFor()
    // Editable: another unit replaces it.
    await unit.click()
    await page
      .locator('.el-select-dropdown__item:visible')
      .getByText(city.county.name, { exact: true })
      .click()
    await unit.filter({ hasText: city.county.name }).waitFor()
    await expect(unit).not.toContainText(city.leadUnit.name)
  })

  test('the dashboard’s category labels never run into each other, at any width', async ({
    openAs,
    world,
  }) => {
    const city = await world.city()
    await problemWithProgress(world, city)
    const page = await openAs(city.office)
    await page.goto('/dashboard')
    await page.getByTestId('dashboard-chart-status').locator('canvas').first().waitFor()
    await page.waitForLoadState('networkidle')
    for (const width of [1440, 1280, 1024, 768, 390]) {
      await page.setViewportSize({ width, height: 900 })
      for (const name of ['status', 'light', 'buckets']) {
        const chart = page.getByTestId(`dashboard-chart-${name}`)
        const count = await chart.evaluate(
          (el) => el.querySelector('[role="img"]')!.getAttribute('aria-label')!.split('；').length,
        )
        const canvas = chart.locator('canvas').first()
        // ECharts redraws on resize and animates its bars in: the canvas first takes its
        // chart's new width, then two readings in a row must agree.
        await expect
          .poll(() =>
            canvas.evaluate((c) => {
              const box = c.closest('[_echarts_instance_]')?.getBoundingClientRect()
              return !!box && Math.abs(c.getBoundingClientRect().width - box.width) < 1
            }),
          )
          .toBe(true)
        let last = ''
        await expect
          .poll(
            async () => {
              const now = JSON.stringify(await inkedBoundaries(canvas, count))
              const settled = now === last
              last = now
              return settled
            },
            { intervals: [300, 500, 1000] },
          )
          .toBe(true)
        const found = JSON.parse(last) as { hit: number[] } | null
        expect(found, `${name} at ${width} px draws its axis`).not.toBeNull()
        expect(found!.hit, `${name} at ${width} px: no label crosses into the next`).toEqual([])
      }
      await shot(page, `dashboard-${width}`)
    }
  })

  test('the main staff pages have no serious or critical axe-core violation', async ({
    openAs,
    world,
  }) => {
    // Five full axe-core runs: about 20 s each on a loaded two-core machine.
    test.slow()
    const city = await world.city()
    const problem = await problemWithProgress(world, city)
    const notice = await world.notice(city, { unit: city.county, problems: [problem] })
    const page = await openAs(city.office)
    for (const [url, ready] of [
      ['/', 'home'],
      ['/problems', 'problems-table'],
      [`/problems/${problem.id}`, 'problem-status'],
      ['/notices', 'notice-issue'],
      [`/notices/${notice.id}`, 'notice-facts'],
    ] as const) {
      await page.goto(url)
      await page.getByTestId(ready).first().waitFor({ timeout: 30_000 })
      await page.waitForLoadState('networkidle')
      await expectAccessible(page, url)
    }
  })
})
