import type { Page } from '@playwright/test'
import { expect, shot, submitLogin, test, type City, type World } from '../fixtures'
import { atRest, expectPhoneLayout, measure, PHONE } from '../phone'
import { pngPhoto, shanghaiDay } from '../ui.mjs'

/**
 * A city whose county has a problem in progress (so a progress report is due this month, on
 * its measure) and a supervision notice about it still to answer.
 */
async function countyAtWork(world: World) {
  const city = await world.city()
  const problem = await world.problemInProgress(city, {
    title: '湖滨镇污水管网破损渗漏',
    deadline: shanghaiDay(120),
  })
  const notice = await world.notice(city, { unit: city.county, problems: [problem] })
  return { city, problem, notice }
}

/** Signs in through the form on the phone layout, where the menu is a closed drawer. */
async function phoneLogin(page: Page, account: City['countyUser']) {
  await submitLogin(page, account.username, account.password)
  await page.getByTestId('topbar-unit').waitFor()
}

test.describe('the county clerk on a phone (390×844, touch)', () => {
  test('login → home → problem → progress report with a photo → notice reply → inbox: nothing pans sideways, every control is 44 px, dialogs fit', async ({
    openAs,
    world,
  }) => {
    const { city, notice } = await countyAtWork(world)
    const page = await openAs(null, PHONE)
    await phoneLogin(page, city.countyUser)

    // Home: the menu is a drawer, closed; the to-dos are cards.
    const due = page.getByTestId('work-reports-due')
    await due.locator('.work__item').first().waitFor()
    await expect(page.getByTestId('nav-menu'), 'the menu starts closed').toBeHidden()
    await expectPhoneLayout(page, 'home')
    await page.getByTestId('nav-toggle').click()
    await page.getByTestId('nav-menu').waitFor()
    // The drawer slides in from the left: measure it once it has arrived.
    await page.waitForFunction(
      () => document.querySelector('.el-drawer')?.getBoundingClientRect().left === 0,
    )
    await expectPhoneLayout(page, 'home with the menu open')
    await page.keyboard.press('Escape')
    await page.getByTestId('nav-menu').waitFor({ state: 'hidden' })
    await shot(page, 'phone-home')

    // The problem of the first report due: stacked sections.
    await due.locator('.work__link').first().click()
    await page.waitForURL(/\/problems\/[0-9a-f-]+$/)
    await page.getByTestId('problem-facts').waitFor()
    await page.getByTestId('problem-light').waitFor()
    await expectPhoneLayout(page, 'problem')
    await shot(page, 'phone-problem')

    // The progress report: full width, the period picker and the measure list fit the screen,
    // a photo from the camera input uploads with its progress and hash.
    await page.getByTestId('action-report').click()
    await page.getByTestId('report-form').waitFor()
    await expectPhoneLayout(page, 'report form')
    await page.getByTestId('report-measure').click()
    const option = page.locator('.el-select-dropdown__item:visible').first()
    await option.waitFor()
    // The list drops down with a short zoom: measure it once it has settled.
    await atRest(page)
    const list = await option.boundingBox()
    expect(list, 'the measure list shows').not.toBeNull()
    expect(list!.x, 'the measure list fits the screen').toBeGreaterThanOrEqual(0)
    expect(list!.x + list!.width, 'the measure list fits the screen').toBeLessThanOrEqual(390)
    expect(list!.height, 'measure options are 44 px tall').toBeGreaterThanOrEqual(44)
    await option.click()
    const percent = page.getByTestId('report-percent').locator('input')
    await percent.fill('20')
    await percent.press('Tab')
    await page.getByTestId('report-done').fill('现场完成管网排查，拍照留存。')
    const camera = page.getByTestId('upload-camera-input')
    await expect(camera).toHaveAttribute('capture', 'environment')
    await expect(camera).toHaveAttribute('accept', /^image\/\*/)
    await expect(page.getByTestId('upload-choose-input')).toHaveAttribute('accept', /^image\/\*,/)
    await camera.setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: pngPhoto() })
    const photo = page.getByTestId('upload-现场.png')
    await photo.and(page.locator('[data-status="done"]')).waitFor()
    await expect(photo.getByTestId('upload-sha256')).toHaveText(/SHA-256 [0-9a-f]{64}/)
    await expectPhoneLayout(page, 'report form with a photo')
    await shot(page, 'phone-report')
    await page.getByTestId('report-submit').click()
    await page.waitForURL(/#problem-reports$/)
    await page.getByTestId('problem-reports').getByTestId('report-status').first().waitFor()

    // The notice to answer: the reply is a full-screen sheet.
    await page.goto(`/notices/${notice.id}`)
    await page.getByTestId('notice-reply-open').click()
    const sheet = page.getByTestId('notice-reply-dialog')
    await page.getByTestId('notice-reply-text').waitFor()
    await atRest(page)
    const box = await page.locator('.el-dialog:visible').boundingBox()
    expect(box, 'the reply sheet shows').not.toBeNull()
    expect(box!.x, 'the reply sheet fits').toBeGreaterThanOrEqual(0)
    expect(box!.width, 'the reply sheet fits').toBeLessThanOrEqual(390)
    await expectPhoneLayout(page, 'notice reply sheet')
    await page.getByTestId('notice-reply-text').fill('已到现场核查，整改措施正在落实，附现场照片。')
    await sheet
      .getByTestId('upload-camera-input')
      .setInputFiles({ name: '回复现场.png', mimeType: 'image/png', buffer: pngPhoto() })
    await page
      .getByTestId('upload-回复现场.png')
      .and(page.locator('[data-status="done"]'))
      .waitFor()
    await shot(page, 'phone-notice-reply')
    await page.getByTestId('notice-reply-submit').click()
    await page.getByTestId('notice-reply').waitFor()
    // Measured once the sheet has closed: while it slides away it lies partly off-screen.
    await sheet.waitFor({ state: 'hidden' })
    await expectPhoneLayout(page, 'notice after the reply')

    // The inbox (the notice reached the county there).
    await page.getByTestId('inbox-bell').click()
    await page.getByTestId('inbox-item').first().waitFor()
    const inbox = await expectPhoneLayout(page, 'inbox')
    await shot(page, 'phone-inbox')
    expect(inbox.smallest.height).toBeGreaterThanOrEqual(44)
  })

  test('a link from a notification opens its page on the phone, through login straight back to it', async ({
    openAs,
    world,
  }) => {
    const { city, notice } = await countyAtWork(world)
    const page = await openAs(null, PHONE)
    await page.goto(`/notices/${notice.id}`)
    await page.waitForURL(/\/login\?redirect=/)
    await expectPhoneLayout(page, 'login')
    await submitLogin(page, city.countyUser.username, city.countyUser.password)
    await page.waitForURL(new RegExp(`/notices/${notice.id}$`))
    await page.getByTestId('notice-facts').waitFor()
    await expectPhoneLayout(page, 'notice from a link')
  })

  test('the same pages at 768 and 1440 px keep the desktop layout without sideways scroll', async ({
    openAs,
    world,
  }) => {
    const { city, notice } = await countyAtWork(world)
    for (const width of [768, 1440]) {
      const page = await openAs(city.countyUser, { viewport: { width, height: 900 } })
      for (const path of ['/', `/notices/${notice.id}`, '/inbox']) {
        await page.goto(path)
        await page.getByTestId('nav-menu').waitFor()
        await page.getByTestId('breadcrumb').waitFor()
        await page.waitForLoadState('networkidle')
        await page.locator('.el-skeleton').first().waitFor({ state: 'detached' })
        const m = await measure(page)
        expect(m.page.scroll, `${width} ${path}: page ${m.page.scroll}`).toBeLessThanOrEqual(
          m.page.client,
        )
        expect(m.main, `${width} ${path}: the page has its main content`).not.toBeNull()
        expect(m.main!.scroll, `${width} ${path}: ${m.wide.join(', ')}`).toBeLessThanOrEqual(
          m.main!.client,
        )
        const crumb = await page.getByTestId('breadcrumb').boundingBox()
        expect(
          crumb!.height,
          `${width} ${path}: the breadcrumb stays on one line`,
        ).toBeLessThanOrEqual(30)
      }
      // The collapsed menu is remembered across a reload.
      await page.getByTestId('nav-toggle').click()
      await page.reload()
      await page.getByTestId('nav-menu').waitFor()
      await expect(page.getByTestId('nav-toggle')).toHaveAttribute('aria-expanded', 'false')
    }
  })

  test('the ledger on a phone is a card list, its filters in a drawer', async ({
    openAs,
    world,
  }) => {
    const city = await world.city()
    await world.problemInProgress(city, {
      title: '城郊垃圾填埋场渗滤液外溢',
      deadline: shanghaiDay(90),
    })
    const page = await openAs(city.office, PHONE)
    await page.goto('/problems')
    await page.getByTestId('topbar-unit').waitFor()
    const cards = page.getByTestId('problems-cards')
    await cards.locator('li').first().waitFor()
    await expectPhoneLayout(page, 'ledger')
    await page.getByTestId('filter-open').click()
    await page.getByTestId('filter-drawer').getByTestId('filter-overdue').waitFor()
    await expectPhoneLayout(page, 'ledger filters')
    await shot(page, 'phone-ledger-filters')
  })
})

test.describe('the ledger filter bar on a desktop (issue 16)', () => {
  test('four filters show, the rest fold behind 展开 with the count of those set; a choice applies at once; no match offers 清除筛选', async ({
    openAs,
    world,
  }) => {
    const office = await world.user(['office'])
    const page = await openAs(office)
    await page.goto(
      '/problems?overdue=true&mode=long_term&q=%E6%97%A0%E6%AD%A4%E9%97%AE%E9%A2%98XYZ',
    )
    // Nothing matches: the page says so in place of the table.
    await page.getByTestId('ledger-no-match').waitFor()
    for (const id of ['filter-round', 'filter-status', 'filter-light', 'filter-q'])
      await expect(page.getByTestId(id), `${id} shows`).toBeVisible()
    await expect(page.getByTestId('filter-overdue'), 'the rest are folded').toHaveCount(0)
    await expect(page.getByTestId('filter-hidden-count')).toContainText('2')
    await page.getByTestId('ledger-clear-filters').click()
    await page.waitForURL((url) => !url.search.includes('overdue'))
    await page.getByTestId('filter-more').click()
    await page.getByTestId('filter-overdue').waitFor()
    // A select applies on change, without 查询.
    await page.getByTestId('filter-light').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '逾期' }).first().click()
    await page.waitForURL(/light=red/)
  })
})
