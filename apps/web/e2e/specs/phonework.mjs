/* global document */
/**
 * The staff app on a phone beyond the county's daily path (issue 19): every page each role
 * reaches, the dashboards, the imports and the petition handling, at 390×844 with touch.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { assertAccessible } from '../a11y.mjs'
import { api, apiLogin, close, shot, submitLogin, unitByCode } from '../harness.mjs'
import { newBatch, sampleBatch } from '../petitions.mjs'
import { assertPhoneLayout, goInApp, openPhone, walkStaffPages } from '../phone.mjs'
import { shanghaiDay } from '../ui.mjs'

async function phoneLogin(username) {
  const page = await openPhone()
  await submitLogin(page, username)
  await page.getByTestId('topbar-unit').waitFor()
  return page
}

/** Waits for an open dialog to finish sliding in, then asserts the layout with it open. */
async function assertSheet(page, testid, where) {
  const sheet = page.getByTestId(testid)
  await sheet.waitFor()
  const box = await page.locator('.el-dialog:visible').boundingBox()
  assert.ok(box.x >= 0 && box.width <= 390, `${where}: the sheet fits: ${box.x}+${box.width}`)
  await assertPhoneLayout(page, where)
  return sheet
}

describe('every staff page on a phone (390×844, touch)', () => {
  for (const role of ['county', 'office', 'leader'])
    test(`as ${role}: no page pans sideways, every control is 44 px, axe finds nothing serious`, async () => {
      const page = await phoneLogin(role)
      // axe on every page the unit clerk works on; for the office and leaders on the pages
      // the phone layout changes for them (dashboards, petitions), the rest share the same parts.
      const axeOn = (path) =>
        role === 'county' || /^\/(dashboard|dispatch\/rankings|petitions)/.test(path)
      const visited = await walkStaffPages(page, role, async (path) => {
        if (axeOn(path)) await assertAccessible(page, `${role} ${path}`)
      })
      for (const path of ['/dashboard', '/petitions', '/notices', '/problems'])
        assert.ok(visited.includes(path), `${role} walks ${path}`)
      assert.ok(
        visited.some((p) => /^\/petitions\/[0-9a-f-]{36}$/.test(p)),
        `${role} opens a petition case`,
      )
      await close(page)
    })
})

describe('dashboards on a phone', () => {
  test('the charts stack one per row at full width; the breakdown reads as cards; the rankings fit', async () => {
    const page = await phoneLogin('leader')
    await goInApp(page, '/dashboard')
    await page.getByTestId('dashboard-chart-breakdown').locator('canvas').waitFor()
    const boxes = await page.evaluate(() => {
      const main = document.querySelector('#main .dashboard').getBoundingClientRect()
      return {
        main: { left: main.left, width: main.width },
        charts: [...document.querySelectorAll('[data-testid^=dashboard-chart-]')].map((el) => {
          const r = el.getBoundingClientRect()
          return { id: el.dataset.testid, left: r.left, top: r.top, width: r.width }
        }),
      }
    })
    assert.ok(boxes.charts.length >= 10, 'every chart is there')
    for (const c of boxes.charts) {
      assert.ok(Math.abs(c.width - boxes.main.width) < 1, `${c.id} is full width: ${c.width}`)
      assert.ok(Math.abs(c.left - boxes.main.left) < 1, `${c.id} starts at the left edge`)
    }
    const tops = boxes.charts.map((c) => c.top)
    assert.equal(new Set(tops).size, tops.length, 'one chart per row')
    await assertPhoneLayout(page, 'dashboard')

    // The breakdown as a table: one card per unit, every figure a link, nothing sideways.
    const breakdown = page.getByTestId('dashboard-chart-breakdown')
    await breakdown.getByTestId('dashboard-table-toggle').click()
    const cards = breakdown.getByTestId('dashboard-table-cards')
    await cards.locator('li').first().waitFor()
    assert.ok((await cards.locator('li').count()) >= 3, 'a card per unit')
    assert.ok((await cards.locator('a[href]').count()) >= 6, 'the figures link to the ledger')
    await assertPhoneLayout(page, 'dashboard breakdown as cards')
    // Another dimension, chosen above the chart.
    await page.getByTestId('dashboard-dimension').getByText('按县区').click()
    await page.waitForURL(/by=region/)
    await cards.getByText('临湖县').first().waitFor()
    await assertPhoneLayout(page, 'dashboard by region')
    // The worst-lists are cards of problems, each linking to its page.
    const overdue = page.getByTestId('dashboard-chart-overdue')
    assert.equal(await overdue.locator('table').count(), 0, 'no six-column table on a phone')
    await shot(page, 'phone-dashboard')

    await goInApp(page, '/dispatch/rankings')
    await page.getByTestId('rankings-table').waitFor()
    await assertPhoneLayout(page, 'rankings')
    await goInApp(page, '/accountability/counts')
    await assertPhoneLayout(page, 'accountability counts')
    await close(page)
  })
})

describe('imports and petition handling on a phone', () => {
  test('the imports say a computer is better and still work; the county reports on a petition in a sheet; the office closes it', async () => {
    const office = await apiLogin('office')
    const batch = await newBatch(office)
    const sample = sampleBatch(batch.seq)
    const page = await phoneLogin('office')

    // The problem import and the progress import say so, and fit the screen.
    await goInApp(page, '/problems')
    await page.getByTestId('problem-import-open').click()
    await assertSheet(page, 'problem-import-dialog', 'problem import')
    assert.match(
      await page.getByTestId('problem-import-phone-hint').innerText(),
      /建议在电脑上操作/,
    )
    await page.keyboard.press('Escape')
    await page.getByTestId('problem-import-dialog').waitFor({ state: 'hidden' })
    const period = (await api(office, 'GET', '/dispatch-periods?limit=1')).items[0]
    await goInApp(page, `/dispatch/periods/${period.id}`)
    await page.getByTestId('progress-import-open').click()
    await assertSheet(page, 'progress-import-dialog', 'progress import')
    await page.getByTestId('progress-import-phone-hint').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('progress-import-dialog').waitFor({ state: 'hidden' })

    // The petition batch imports on the phone: the dry run fits, the import lands.
    await goInApp(page, `/petitions/batches/${batch.id}`)
    await page.getByTestId('petition-import-open').click()
    const dialog = await assertSheet(page, 'petition-import-dialog', 'petition import')
    await page.getByTestId('petition-import-phone-hint').waitFor()
    await dialog.locator('input[type=file]').setInputFiles({
      name: sample.name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: sample.buffer,
    })
    await dialog.getByTestId('petition-import-dryrun-table').waitFor()
    assert.match(await dialog.getByTestId('petition-import-counts').innerText(), /新增 50 件/)
    await assertPhoneLayout(page, 'petition import dry run')
    await shot(page, 'phone-petition-import')
    await dialog.getByTestId('petition-import-confirm').click()
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 })
    assert.equal((await api(office, 'GET', `/petition-batches/${batch.id}`)).caseCount, 50)

    // One case goes to 临湖县 (over the API: the assignment is the office's desk work).
    const county = await unitByCode(await apiLogin('admin'), 'JZ-LH')
    const { items } = await api(office, 'GET', `/petitions?batch=${batch.id}&limit=1`)
    const petition = items[0]
    await api(office, 'POST', '/petitions/assign', {
      petitionIds: [petition.id],
      unitId: county.id,
      deadline: shanghaiDay(15),
    })

    // The county clerk finds it in the list and reports in a full-screen sheet.
    const clerk = await phoneLogin('county')
    await goInApp(clerk, `/petitions?q=${encodeURIComponent(petition.receiptNo)}`)
    await clerk.getByTestId('petition-row').filter({ hasText: petition.receiptNo }).click()
    await clerk.waitForURL(new RegExp(`/petitions/${petition.id}$`))
    await clerk.getByTestId('petition-facts').waitFor()
    await assertPhoneLayout(clerk, 'petition case')
    await assertAccessible(clerk, 'petition case')
    await clerk.getByTestId('petition-report-open').click()
    const sheet = await assertSheet(clerk, 'petition-report-dialog', 'petition report sheet')
    await assertAccessible(clerk, 'petition report sheet')
    const form = sheet.getByTestId('petition-report-form')
    const formBox = await form.boundingBox()
    for (const id of ['petition-report-investigation', 'petition-report-measures']) {
      const box = await form.getByTestId(id).boundingBox()
      assert.ok(box.width >= formBox.width - 1, `${id} is full width: ${box.width}`)
    }
    await form.getByTestId('petition-report-finding').getByText('属实', { exact: true }).click()
    await form.getByTestId('petition-report-investigation').fill('现场核查，反映情况属实。')
    const measures = `已责令停产整改并立案（${petition.receiptNo}）。`
    await form.getByTestId('petition-report-measures').fill(measures)
    await form.getByTestId('petition-report-casesFiled').locator('input').fill('1')
    await shot(clerk, 'phone-petition-report')
    await form.getByTestId('petition-report-submit').click()
    await sheet.waitFor({ state: 'hidden' })
    await clerk.getByTestId('petition-handling').getByText(measures).waitFor()
    await assertPhoneLayout(clerk, 'petition after the report')
    await close(clerk)

    // The office closes it (办结) from the phone.
    await goInApp(page, `/petitions/${petition.id}`)
    await page.getByTestId('petition-review-close').click()
    await page.waitForFunction(() => !document.querySelector('[data-testid=petition-review-close]'))
    assert.equal((await api(office, 'GET', `/petitions/${petition.id}`)).status, 'closed')
    await assertPhoneLayout(page, 'petition closed')
    await close(page)
  })
})
