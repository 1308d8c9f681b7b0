/* global document -- the page's own, in code page.evaluate runs in the browser */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { assertAccessible, assertNoHorizontalOverflow, tabTo } from '../a11y.mjs'
import { api, close, openPage, shot } from '../harness.mjs'

const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

/** A Shanghai date `YYYY-MM-DD` as a pattern of how the board writes it (2026年11月6日). */
const written = (day) => {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年0?${m}月0?${d}日`
}

/** The close-out notices on the board, by phase (the demo has one running and some ended). */
async function notices() {
  const { items } = await api(null, 'GET', '/public/notices')
  return {
    running: items.find((i) => i.notice.open),
    ended: items.find((i) => i.notice.phase === 'ended' && !i.notice.open),
  }
}

describe('the public board, for everyone', () => {
  test('every public page fits a 1440 px window and a 390 px phone, and axe-core finds nothing serious', async () => {
    const { items } = await api(null, 'GET', '/public/problems?limit=1')
    assert.ok(items.length, 'the demo publishes problems')
    const pages = [
      '/public',
      `/public/problems/${items[0].id}`,
      '/public/notices',
      '/public/report',
      '/public/lookup',
      '/public/petitions',
      '/public/institutions',
    ]
    const page = await openPage()
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size)
      for (const url of pages) {
        await page.goto(url)
        await page.waitForLoadState('networkidle')
        await page.locator('main h1').first().waitFor()
        const where = `${url} at ${size.width}×${size.height}`
        await assertNoHorizontalOverflow(page, where)
        await assertAccessible(page, where)
      }
    }
    await close(page)
  })

  test('on a phone the filters fold behind 筛选 and the list starts on the first screen; on a desktop they stay open', async () => {
    const page = await openPage()
    await page.setViewportSize(PHONE)
    await page.goto('/public')
    const toggle = page.getByTestId('public-filters-toggle')
    const status = page.getByTestId('public-filter-status')
    await toggle.waitFor()
    assert.equal(await toggle.innerText(), '筛选')
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false')
    assert.equal(await status.isVisible(), false, 'the selects are folded')
    const first = page.locator('.pb-item').first()
    await first.waitFor()
    const box = await first.boundingBox()
    assert.ok(
      box && box.y < PHONE.height,
      `the first problem starts on the first screen (${box?.y})`,
    )
    await shot(page, 'public-phone-folded')

    await toggle.click()
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true')
    await status.selectOption('in_progress')
    await page.getByTestId('public-search-submit').click()
    await page.waitForURL(/status=in_progress/)
    // Folded again after the search (a new page), the button counts what is chosen.
    await page.getByTestId('public-filters-toggle').filter({ hasText: '筛选（1）' }).waitFor()
    await shot(page, 'public-phone-filtered')

    await page.setViewportSize(DESKTOP)
    assert.equal(await toggle.isVisible(), false, 'no 筛选 button on a desktop')
    assert.equal(await status.isVisible(), true, 'the filters are all in view')
    await close(page)
  })

  test('a close-out notice whose period has ended reads 公示已结束 with its dates and takes no objection', async () => {
    const { ended } = await notices()
    assert.ok(ended, 'the demo has a publicity that has ended')
    const { startDate, endDate } = ended.notice
    const sentence = new RegExp(`公示已结束.*${written(startDate)}.*${written(endDate)}`)
    const page = await openPage()

    await page.goto('/public/notices')
    const item = page.locator(`[data-testid="public-notice-item"][data-id="${ended.problem.id}"]`)
    await item.waitFor()
    assert.match(await item.getByTestId('public-notice-state').innerText(), sentence)
    assert.equal(await item.getByTestId('public-notice-objection').count(), 0)

    await page.goto(`/public/problems/${ended.problem.id}`)
    const state = page.getByTestId('public-notice-state')
    await state.waitFor()
    assert.equal(await state.getAttribute('data-phase'), 'ended')
    assert.match(await state.innerText(), sentence)
    assert.equal(await page.getByTestId('public-notice').getAttribute('data-open'), 'false')
    assert.equal(await page.getByTestId('public-objection').count(), 0, 'no objection button')
    assert.equal(await page.getByTestId('public-report-form').count(), 0, 'no objection form')
    await shot(page, 'public-publicity-ended')
    await close(page)
  })

  test('the objection form works from the keyboard alone', async () => {
    const { running } = await notices()
    assert.ok(running, 'the demo has a publicity running')
    const page = await openPage()
    await page.goto(`/public/problems/${running.problem.id}`)
    await page.getByTestId('public-objection').waitFor()
    await tabTo(page, '[data-testid="public-objection"]')
    await page.keyboard.press('Enter')
    await page.getByTestId('public-report-form').waitFor()
    await assertAccessible(page, 'the objection form')
    await tabTo(page, '[data-testid="public-report-content"]')
    await page.keyboard.type('公示的整改成效与实际不符，河道沿岸仍有垃圾堆放。')
    await tabTo(page, '[data-testid="public-report-submit"]')
    await page.keyboard.press('Enter')
    const code = (await page.getByTestId('public-tracking-code').innerText()).trim()
    assert.match(code, /^[A-Z2-9]{12}$/)
    await close(page)
  })

  test('the report form works from the keyboard alone, on a phone', async () => {
    const page = await openPage()
    await page.setViewportSize(PHONE)
    await page.goto('/public/report')
    await page.getByTestId('public-report-form').waitFor()
    // The reporter type is a radio group: arrow keys choose within it.
    await tabTo(page, '[data-testid^="public-report-type-"]')
    await page.keyboard.press('ArrowRight')
    const chosen = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    assert.notEqual(chosen, 'public-report-type-citizen')
    await tabTo(page, '[data-testid="public-report-name"]')
    await page.keyboard.type('张先生')
    await tabTo(page, '[data-testid="public-report-content"]')
    await page.keyboard.type('村口小河近一周出现黑臭，疑似上游养殖场排放污水。')
    await tabTo(page, '[data-testid="public-report-submit"]')
    await page.keyboard.press('Enter')
    const code = (await page.getByTestId('public-tracking-code').innerText()).trim()
    assert.match(code, /^[A-Z2-9]{12}$/)
    await assertAccessible(page, 'the report receipt')
    await close(page)
  })
})
