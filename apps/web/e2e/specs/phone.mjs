/* global document -- the waiting functions run inside the page */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { api, apiLogin, close, openPage, shot, submitLogin } from '../harness.mjs'
import { assertPhoneLayout, measure, openPhone } from '../phone.mjs'
import { pngPhoto } from '../ui.mjs'

/** Signs in on the phone layout, where the menu is a closed drawer (login() waits for the menu). */
async function phoneLogin(page, username) {
  await submitLogin(page, username)
  await page.getByTestId('topbar-unit').waitFor()
}

/** A supervision notice of the county from the demo: one still to answer, or `any`. */
async function noticeToAnswer(any = false) {
  const county = await apiLogin('county')
  const { items } = await api(county, 'GET', '/notices?limit=50')
  const notice = items.find((n) => any || n.status === 'issued')
  assert.ok(notice, 'the demo has a notice the county has not answered')
  return notice
}

describe('the county clerk on a phone (390×844, touch)', () => {
  test('login → home → problem → progress report with a photo → notice reply → inbox: nothing pans sideways, every control is 44 px, dialogs fit', async () => {
    const page = await openPhone()
    await phoneLogin(page, 'county')

    // Home: the menu is a drawer, closed; the to-dos are cards.
    const due = page.getByTestId('work-reports-due')
    await due.locator('.work__item').first().waitFor()
    assert.equal(await page.getByTestId('nav-menu').isVisible(), false, 'the menu starts closed')
    await assertPhoneLayout(page, 'home')
    await page.getByTestId('nav-toggle').click()
    await page.getByTestId('nav-menu').waitFor()
    // The drawer slides in from the left: measure it once it has arrived.
    await page.waitForFunction(
      () => document.querySelector('.el-drawer')?.getBoundingClientRect().left === 0,
    )
    await assertPhoneLayout(page, 'home with the menu open')
    await page.keyboard.press('Escape')
    await page.getByTestId('nav-menu').waitFor({ state: 'hidden' })
    await shot(page, 'phone-home')

    // The problem of the first report due: stacked sections.
    await due.locator('.work__link').first().click()
    await page.waitForURL(/\/problems\/[0-9a-f-]+$/)
    await page.getByTestId('problem-facts').waitFor()
    await page.getByTestId('problem-light').waitFor()
    await assertPhoneLayout(page, 'problem')
    await shot(page, 'phone-problem')

    // The progress report: full width, the period picker and the measure list fit the screen,
    // a photo from the camera input uploads with its progress and hash.
    await page.getByTestId('action-report').click()
    await page.getByTestId('report-form').waitFor()
    await assertPhoneLayout(page, 'report form')
    await page.getByTestId('report-measure').click()
    const option = page.locator('.el-select-dropdown__item:visible').first()
    await option.waitFor()
    // The list drops down with a short zoom: measure it once it has settled.
    await page.waitForTimeout(500)
    const list = await option.boundingBox()
    assert.ok(list.x >= 0 && list.x + list.width <= 390, 'the measure list fits the screen')
    assert.ok(list.height >= 44, `measure options are 44 px tall: ${list.height}`)
    await option.click()
    const percent = page.getByTestId('report-percent').locator('input')
    await percent.fill('20')
    await percent.press('Tab')
    await page.getByTestId('report-done').fill('现场完成管网排查，拍照留存。')
    const camera = page.getByTestId('upload-camera-input')
    assert.equal(await camera.getAttribute('capture'), 'environment')
    assert.match(await camera.getAttribute('accept'), /^image\/\*/)
    assert.match(
      await page.getByTestId('upload-choose-input').getAttribute('accept'),
      /^image\/\*,/,
    )
    await camera.setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: pngPhoto() })
    const photo = page.getByTestId('upload-现场.png')
    await photo.and(page.locator('[data-status="done"]')).waitFor()
    assert.match(await photo.getByTestId('upload-sha256').innerText(), /SHA-256 [0-9a-f]{64}/)
    await assertPhoneLayout(page, 'report form with a photo')
    await shot(page, 'phone-report')
    await page.getByTestId('report-submit').click()
    await page.waitForURL(/#problem-reports$/)
    await page.getByTestId('problem-reports').getByTestId('report-status').first().waitFor()

    // A notice to answer: the reply is a full-screen sheet.
    const notice = await noticeToAnswer()
    await page.goto(`/notices/${notice.id}`)
    await page.getByTestId('notice-reply-open').click()
    const sheet = page.getByTestId('notice-reply-dialog')
    await page.getByTestId('notice-reply-text').waitFor()
    const box = await page.locator('.el-dialog:visible').boundingBox()
    assert.ok(box.x >= 0 && box.width <= 390, `the reply sheet fits: ${box.x}+${box.width}`)
    await assertPhoneLayout(page, 'notice reply sheet')
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
    await assertPhoneLayout(page, 'notice after the reply')

    // The inbox.
    await page.getByTestId('inbox-bell').click()
    await page.getByTestId('inbox-item').first().waitFor()
    const inbox = await assertPhoneLayout(page, 'inbox')
    await shot(page, 'phone-inbox')
    assert.ok(inbox.smallest.height >= 44)
    await close(page)
  })

  test('a link from a notification opens its page on the phone, through login straight back to it', async () => {
    const notice = await noticeToAnswer(true)
    const page = await openPhone()
    await page.goto(`/notices/${notice.id}`)
    await page.waitForURL(/\/login\?redirect=/)
    await assertPhoneLayout(page, 'login')
    await submitLogin(page, 'county')
    await page.waitForURL(new RegExp(`/notices/${notice.id}$`))
    await page.getByTestId('notice-facts').waitFor()
    await assertPhoneLayout(page, 'notice from a link')
    await close(page)
  })

  test('the same pages at 768 and 1440 px keep the desktop layout without sideways scroll', async () => {
    const notice = await noticeToAnswer(true)
    for (const width of [768, 1440]) {
      const page = await openPage({ viewport: { width, height: 900 } })
      await submitLogin(page, 'county')
      await page.getByTestId('nav-menu').waitFor()
      for (const path of ['/', `/notices/${notice.id}`, '/inbox']) {
        await page.goto(path)
        await page.getByTestId('breadcrumb').waitFor()
        await page.waitForLoadState('networkidle')
        await page.locator('.el-skeleton').first().waitFor({ state: 'detached' })
        const m = await measure(page)
        assert.ok(m.page.scroll <= m.page.client, `${width} ${path}: page ${m.page.scroll}`)
        assert.ok(m.main.scroll <= m.main.client, `${width} ${path}: ${m.wide.join(', ')}`)
        const crumb = await page.getByTestId('breadcrumb').boundingBox()
        assert.ok(crumb.height <= 30, `${width} ${path}: the breadcrumb stays on one line`)
      }
      // The collapsed menu is remembered across a reload.
      await page.getByTestId('nav-toggle').click()
      await page.reload()
      await page.getByTestId('nav-menu').waitFor()
      assert.equal(await page.getByTestId('nav-toggle').getAttribute('aria-expanded'), 'false')
      await close(page)
    }
  })

  test('the ledger on a phone is a card list, its filters in a drawer', async () => {
    const page = await openPhone()
    await phoneLogin(page, 'office')
    await page.goto('/problems')
    const cards = page.getByTestId('problems-cards')
    await cards.locator('li').first().waitFor()
    await assertPhoneLayout(page, 'ledger')
    await page.getByTestId('filter-open').click()
    await page.getByTestId('filter-drawer').getByTestId('filter-overdue').waitFor()
    await page.waitForTimeout(500)
    await assertPhoneLayout(page, 'ledger filters')
    await shot(page, 'phone-ledger-filters')
    await close(page)
  })
})

describe('the ledger filter bar on a desktop (issue 16)', () => {
  test('four filters show, the rest fold behind 展开 with the count of those set; a choice applies at once; no match offers 清除筛选', async () => {
    const page = await openPage()
    await submitLogin(page, 'office')
    await page.getByTestId('nav-menu').waitFor()
    await page.goto(
      '/problems?overdue=true&mode=long_term&q=%E6%97%A0%E6%AD%A4%E9%97%AE%E9%A2%98XYZ',
    )
    // Nothing matches: the page says so in place of the table.
    await page.getByTestId('ledger-no-match').waitFor()
    for (const id of ['filter-round', 'filter-status', 'filter-light', 'filter-q'])
      assert.ok(await page.getByTestId(id).isVisible(), `${id} shows`)
    assert.equal(await page.getByTestId('filter-overdue').count(), 0, 'the rest are folded')
    assert.match(await page.getByTestId('filter-hidden-count').innerText(), /2/)
    await page.getByTestId('ledger-no-match').waitFor()
    await page.getByTestId('ledger-clear-filters').click()
    await page.waitForURL((url) => !url.search.includes('overdue'))
    await page.getByTestId('filter-more').click()
    await page.getByTestId('filter-overdue').waitFor()
    // A select applies on change, without 查询.
    await page.getByTestId('filter-light').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '逾期' }).first().click()
    await page.waitForURL(/light=red/)
    await close(page)
  })
})
