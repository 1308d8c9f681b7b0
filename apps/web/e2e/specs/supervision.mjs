import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { api, apiLogin, close, login, logout, openPage, shot, unitByCode } from '../harness.mjs'
import { pickDate, pngPhoto, shanghaiDay, stamp } from '../ui.mjs'

/** A problem of 临湖县 the notice can name (any the county's unit concerns will do). */
async function countyProblem() {
  const admin = await apiLogin('admin')
  const office = await apiLogin('office')
  const linhu = await unitByCode(admin, 'JZ-LH')
  const { items } = await api(
    office,
    'GET',
    `/problems?status=in_progress&region=${linhu.id}&limit=5`,
  )
  assert.ok(items.length, 'the demo has problems of 临湖县 in progress')
  return items[0]
}

describe('supervision', () => {
  test('the office issues a supervision notice, the county replies with a file, the office closes it; the county inbox shows reminders', async () => {
    const problem = await countyProblem()
    const title = `关于加快${problem.code}整改进度的督办函（${stamp()}）`
    const page = await openPage()

    // The office issues a 督办函 to 临湖县 about one of its problems.
    await login(page, 'office')
    await page.goto('/notices')
    await page.getByTestId('notice-issue').click()
    const form = page.getByTestId('notice-form')
    await form.waitFor()
    await page.getByTestId('notice-level-option-supervision').click()
    // A tree select (the tree in its dropdown carries the test id too): pick the county's node.
    await page.locator('[data-testid="notice-unit"]:not([role="tree"])').click()
    await page
      .locator('.el-select-dropdown__item:visible')
      .getByText('临湖县', { exact: true })
      .click()
    await page.getByTestId('notice-problems').click()
    await page.getByTestId('notice-problems').locator('input').fill(problem.code)
    await page
      .locator('.el-select-dropdown__item:visible', { hasText: problem.code })
      .first()
      .click()
    await page.keyboard.press('Escape')
    await page.getByTestId('notice-title').fill(title)
    await page
      .getByTestId('notice-body')
      .fill('你单位该问题整改进度滞后于序时进度，请于回复期限前报送整改情况及佐证材料。')
    await pickDate(page, 'notice-reply-due', shanghaiDay(7))
    await page.getByTestId('notice-submit').click()
    await page.waitForURL(/\/notices\/[0-9a-f-]+$/)
    const noticeUrl = new URL(page.url()).pathname
    const status = page.getByTestId('notice-facts').getByTestId('notice-status')
    assert.equal(await status.getAttribute('data-status'), 'issued')
    const number = (await page.locator('main').innerText()).match(/督办〔\d{4}〕\d+号/)
    assert.ok(number, 'the notice carries its number')
    await logout(page)

    // The county finds it in its inbox, replies with a photo.
    await login(page, 'county')
    await page.getByTestId('inbox-bell').click()
    await page.getByTestId('inbox-list').waitFor()
    const items = page.getByTestId('inbox-item')
    assert.ok((await items.count()) > 0)
    await page.getByTestId('inbox-item').filter({ hasText: title }).first().waitFor()
    // Reminders of near and passed deadlines are there too, sent once by the scheduler.
    await page
      .getByTestId('inbox-item')
      .filter({ hasText: /提醒|到期|逾期/ })
      .first()
      .waitFor()
    await shot(page, 'inbox')
    await page.goto(noticeUrl)
    await page.getByTestId('notice-reply-open').click()
    await page
      .getByTestId('notice-reply-text')
      .fill('已完成设备安装调试，出水已稳定达标，详见附件监测报告。')
    await page
      .getByTestId('notice-reply-dialog')
      .locator('input[type=file]')
      .setInputFiles({ name: '整改现场.png', mimeType: 'image/png', buffer: pngPhoto() })
    await page
      .getByTestId('upload-整改现场.png')
      .and(page.locator('[data-status="done"]'))
      .waitFor()
    await page.getByTestId('notice-reply-submit').click()
    await page.getByTestId('notice-reply').waitFor()
    assert.equal(await status.getAttribute('data-status'), 'replied')
    await logout(page)

    // The office reads the reply and closes the notice.
    await login(page, 'office')
    await page.goto(noticeUrl)
    await page.getByTestId('notice-reply').getByText('出水已稳定达标').waitFor()
    await page.getByTestId('notice-close').click()
    await page.getByTestId('notice-close-note').fill('整改到位，同意办结。')
    await page.getByTestId('notice-close-submit').click()
    await page.getByTestId('notice-closed').waitFor()
    assert.equal(await status.getAttribute('data-status'), 'closed')
    await shot(page, 'notice-closed')
    await close(page)
  })
})
