/**
 * The staff app on a phone beyond the county's daily path (issue 19): every page each role
 * reaches, the dashboards, the imports and the petition handling, at 390×844 with touch.
 */
import type { Page } from '@playwright/test'
import { expectAccessible } from '../a11y'
import { expect, shot, test, type Account, type Versioned } from '../fixtures'
import { assignedCase, newBatch, sampleBatch, sampleRegions, type Petition } from '../petitions'
import { atRest, expectPhoneLayout, goInApp, PHONE, walkStaffPages } from '../phone'
import { shanghaiDay } from '../ui.mjs'

/** Waits for an open dialog to finish sliding in, then expects the layout with it open. */
async function expectSheet(page: Page, testid: string, where: string) {
  const sheet = page.getByTestId(testid)
  await sheet.waitFor()
  await atRest(page)
  const box = await page.locator('.el-dialog:visible').boundingBox()
  expect(box, `${where}: the sheet shows`).not.toBeNull()
  expect(box!.x, `${where}: the sheet fits: ${box!.x}+${box!.width}`).toBeGreaterThanOrEqual(0)
  expect(box!.width, `${where}: the sheet fits: ${box!.x}+${box!.width}`).toBeLessThanOrEqual(390)
  await expectPhoneLayout(page, where)
  return sheet
}

test.describe('every staff page on a phone (390×844, touch)', () => {
  for (const role of ['county', 'office', 'leader'] as const)
    test(`as ${role}: no page pans sideways, every control is 44 px, axe finds nothing serious`, async ({
      openAs,
      world,
    }) => {
      // Every menu page, the first record of each list, and axe on many of them.
      test.setTimeout(480_000)
      // A city with a problem in progress and a petition case its county handles, so every
      // list has a record to open.
      const city = await world.city()
      const problem = await world.problemInProgress(city, {
        title: '乡镇污水处理厂运行不正常',
        deadline: shanghaiDay(120),
      })
      await world.notice(city, { unit: city.county, problems: [problem] })
      await assignedCase(city)
      const account: Account =
        role === 'county'
          ? city.countyUser
          : role === 'office'
            ? city.office
            : await world.user(['leader'])
      const page = await openAs(account, PHONE)
      await page.goto('/')
      await page.getByTestId('topbar-unit').waitFor()
      // axe on every page the unit clerk works on; for the office and leaders on the pages
      // the phone layout changes for them (dashboards, petitions), the rest share the same parts.
      const axeOn = (path: string) =>
        role === 'county' || /^\/(dashboard|dispatch\/rankings|petitions)/.test(path)
      const visited = await walkStaffPages(page, role, async (path) => {
        if (axeOn(path)) await expectAccessible(page, `${role} ${path}`)
      })
      for (const path of ['/dashboard', '/petitions', '/notices', '/problems'])
        expect(visited, `${role} walks ${path}`).toContain(path)
      expect(
        visited.some((p) => /^\/petitions\/[0-9a-f-]{36}$/.test(p)),
        `${role} opens a petition case`,
      ).toBe(true)
    })
})

test.describe('dashboards on a phone', () => {
  test('the charts stack one per row at full width; the breakdown reads as cards; the rankings fit', async ({
    openAs,
    world,
  }) => {
    // Two cities with a problem each: four units (two lead units, two counties) to break down.
    const cities = [await world.city(), await world.city()]
    for (const city of cities)
      await world.problemInProgress(city, {
        title: '饮用水水源地保护区违规建设',
        deadline: shanghaiDay(60),
      })
    const [city] = cities
    const page = await openAs(await world.user(['leader']), PHONE)
    await page.goto('/')
    await page.getByTestId('topbar-unit').waitFor()
    await goInApp(page, '/dashboard')
    await page.getByTestId('dashboard-chart-breakdown').locator('canvas').waitFor()
    const boxes = await page.evaluate(() => {
      const main = document.querySelector('#main .dashboard')!.getBoundingClientRect()
      return {
        main: { left: main.left, width: main.width },
        charts: [...document.querySelectorAll<HTMLElement>('[data-testid^=dashboard-chart-]')].map(
          (el) => {
            const r = el.getBoundingClientRect()
            return { id: el.dataset.testid, left: r.left, top: r.top, width: r.width }
          },
        ),
      }
    })
    expect(boxes.charts.length, 'every chart is there').toBeGreaterThanOrEqual(10)
    for (const c of boxes.charts) {
      expect(
        Math.abs(c.width - boxes.main.width),
        `${c.id} is full width: ${c.width}`,
      ).toBeLessThan(1)
      expect(Math.abs(c.left - boxes.main.left), `${c.id} starts at the left edge`).toBeLessThan(1)
    }
    const tops = boxes.charts.map((c) => c.top)
    expect(new Set(tops).size, 'one chart per row').toBe(tops.length)
    await expectPhoneLayout(page, 'dashboard')

    // The breakdown as a table: one card per unit, every figure a link, nothing sideways.
    const breakdown = page.getByTestId('dashboard-chart-breakdown')
    await breakdown.getByTestId('dashboard-table-toggle').click()
    const cards = breakdown.getByTestId('dashboard-table-cards')
    await cards.locator('li').first().waitFor()
    expect(await cards.locator('li').count(), 'a card per unit').toBeGreaterThanOrEqual(3)
    expect(
      await cards.locator('a[href]').count(),
      'the figures link to the ledger',
    ).toBeGreaterThanOrEqual(6)
    await expectPhoneLayout(page, 'dashboard breakdown as cards')
    // Another dimension, chosen above the chart.
    await page.getByTestId('dashboard-dimension').getByText('按县区').click()
    await page.waitForURL(/by=region/)
    await cards.getByText(city!.county.name).first().waitFor()
    await expectPhoneLayout(page, 'dashboard by region')
    // The worst-lists are cards of problems, each linking to its page.
    await expect(
      page.getByTestId('dashboard-chart-overdue').locator('table'),
      'no six-column table on a phone',
    ).toHaveCount(0)
    await shot(page, 'phone-dashboard')

    await goInApp(page, '/dispatch/rankings')
    await page.getByTestId('rankings-table').waitFor()
    await expectPhoneLayout(page, 'rankings')
    await goInApp(page, '/accountability/counts')
    await expectPhoneLayout(page, 'accountability counts')
  })
})

test.describe('imports and petition handling on a phone', () => {
  test('the imports say a computer is better and still work; the county reports on a petition in a sheet; the office closes it', async ({
    openAs,
    world,
  }) => {
    // A 50-case import and two people at work on phones.
    test.slow()
    const city = await world.city()
    const batch = await newBatch(city)
    await sampleRegions(world)
    const sample = sampleBatch(batch.seq)
    const period = await city.officeApi.call<Versioned>('POST', '/dispatch-periods', {
      roundId: city.round.id,
      period: shanghaiDay(0).slice(0, 7),
      title: `${shanghaiDay(0).slice(0, 7)} 整改调度`,
      dueDate: shanghaiDay(10),
    })
    const page = await openAs(city.office, PHONE)
    await page.goto('/')
    await page.getByTestId('topbar-unit').waitFor()

    // The problem import and the progress import say so, and fit the screen.
    await goInApp(page, '/problems')
    await page.getByTestId('problem-import-open').click()
    await expectSheet(page, 'problem-import-dialog', 'problem import')
    await expect(page.getByTestId('problem-import-phone-hint')).toContainText('建议在电脑上操作')
    await page.keyboard.press('Escape')
    await page.getByTestId('problem-import-dialog').waitFor({ state: 'hidden' })
    await goInApp(page, `/dispatch/periods/${period.id}`)
    await page.getByTestId('progress-import-open').click()
    await expectSheet(page, 'progress-import-dialog', 'progress import')
    await page.getByTestId('progress-import-phone-hint').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('progress-import-dialog').waitFor({ state: 'hidden' })

    // The petition batch imports on the phone: the dry run fits, the import lands.
    await goInApp(page, `/petitions/batches/${batch.id}`)
    await page.getByTestId('petition-import-open').click()
    const dialog = await expectSheet(page, 'petition-import-dialog', 'petition import')
    await page.getByTestId('petition-import-phone-hint').waitFor()
    await dialog.locator('input[type=file]').setInputFiles(sample)
    await dialog.getByTestId('petition-import-dryrun-table').waitFor()
    await expect(dialog.getByTestId('petition-import-counts')).toContainText('新增 50 件')
    await expectPhoneLayout(page, 'petition import dry run')
    await shot(page, 'phone-petition-import')
    await dialog.getByTestId('petition-import-confirm').click()
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 })
    const imported = await city.officeApi.call<{ caseCount: number }>(
      'GET',
      `/petition-batches/${batch.id}`,
    )
    expect(imported.caseCount).toBe(50)

    // One case goes to the county (over the API: the assignment is the office's desk work).
    const { items } = await city.officeApi.call<{ items: Petition[] }>(
      'GET',
      `/petitions?batch=${batch.id}&limit=1`,
    )
    const petition = items[0]!
    await city.officeApi.call('POST', '/petitions/assign', {
      petitionIds: [petition.id],
      unitId: city.county.id,
      deadline: shanghaiDay(15),
    })

    // The county clerk finds it in the list and reports in a full-screen sheet.
    const clerk = await openAs(city.countyUser, PHONE)
    await clerk.goto('/')
    await clerk.getByTestId('topbar-unit').waitFor()
    await goInApp(clerk, `/petitions?q=${encodeURIComponent(petition.receiptNo)}`)
    await clerk.getByTestId('petition-row').filter({ hasText: petition.receiptNo }).click()
    await clerk.waitForURL(new RegExp(`/petitions/${petition.id}$`))
    await clerk.getByTestId('petition-facts').waitFor()
    await expectPhoneLayout(clerk, 'petition case')
    await expectAccessible(clerk, 'petition case')
    await clerk.getByTestId('petition-report-open').click()
    const sheet = await expectSheet(clerk, 'petition-report-dialog', 'petition report sheet')
    await expectAccessible(clerk, 'petition report sheet')
    const form = sheet.getByTestId('petition-report-form')
    const formBox = (await form.boundingBox())!
    for (const id of ['petition-report-investigation', 'petition-report-measures']) {
      const box = (await form.getByTestId(id).boundingBox())!
      expect(box.width, `${id} is full width: ${box.width}`).toBeGreaterThanOrEqual(
        formBox.width - 1,
      )
    }
    await form.getByTestId('petition-report-finding').getByText('属实', { exact: true }).click()
    await form.getByTestId('petition-report-investigation').fill('现场核查，反映情况属实。')
    const measures = `已责令停产整改并立案（${petition.receiptNo}）。`
    await form.getByTestId('petition-report-measures').fill(measures)
    await form.getByTestId('petition-report-casesFiled').locator('input').fill('1')
    await shot(clerk, 'phone-petition-report')
    // The sheet's own submit button, in its footer beside 取消.
    await sheet.getByTestId('petition-report-submit').click()
    await sheet.waitFor({ state: 'hidden' })
    await clerk.getByTestId('petition-handling').getByText(measures).waitFor()
    await expectPhoneLayout(clerk, 'petition after the report')

    // The office closes it (办结) from the phone.
    await goInApp(page, `/petitions/${petition.id}`)
    await page.getByTestId('petition-review-close').click()
    await expect(page.getByTestId('petition-review-close')).toHaveCount(0)
    const closed = await city.officeApi.call<Petition>('GET', `/petitions/${petition.id}`)
    expect(closed.status).toBe('closed')
    await expectPhoneLayout(page, 'petition closed')
  })
})
