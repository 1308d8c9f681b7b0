import { expect, shot, test } from '../fixtures'
import { pickDate, pngPhoto, shanghaiDay } from '../ui.mjs'

test.describe('supervision', () => {
  test('the office issues a supervision notice, the county replies with a file, the office closes it; the county inbox shows reminders', async ({
    openAs,
    world,
  }) => {
    // A problem of the county in progress, its measure due today: the scheduler reminds the county.
    const city = await world.city()
    const problem = await world.problemInProgress(city, {
      title: '湖滨河沿岸生活污水直排',
      deadline: shanghaiDay(30),
      measure: '截流湖滨河沿岸排污口',
      start: 60,
      measureDeadline: shanghaiDay(0),
    })
    const title = `关于加快${problem.code}整改进度的督办函`

    // The office issues a 督办函 to the county about its problem.
    const office = await openAs(city.office)
    await office.goto('/notices')
    await office.getByTestId('notice-issue').click()
    await office.getByTestId('notice-form').waitFor()
    await office.getByTestId('notice-level-option-supervision').click()
    // A tree select (the tree in its dropdown carries the test id too): pick the county's node.
    await office.locator('[data-testid="notice-unit"]:not([role="tree"])').click()
    await office
      .locator('.el-select-dropdown__item:visible')
      .getByText(city.county.name, { exact: true })
      .click()
    await office.getByTestId('notice-problems').click()
    await office.getByTestId('notice-problems').locator('input').fill(problem.code)
    await office
      .locator('.el-select-dropdown__item:visible', { hasText: problem.code })
      .first()
      .click()
    await office.keyboard.press('Escape')
    await office.getByTestId('notice-title').fill(title)
    await office
      .getByTestId('notice-body')
      .fill('你单位该问题整改进度滞后于序时进度，请于回复期限前报送整改情况及佐证材料。')
    await pickDate(office, 'notice-reply-due', shanghaiDay(7))
    await office.getByTestId('notice-submit').click()
    await office.waitForURL(/\/notices\/[0-9a-f-]+$/)
    const noticeUrl = new URL(office.url()).pathname
    const officeStatus = office.getByTestId('notice-facts').getByTestId('notice-status')
    await expect(officeStatus).toHaveAttribute('data-status', 'issued')
    await expect(office.locator('main'), 'the notice carries its number').toContainText(
      /督办〔\d{4}〕\d+号/,
    )

    // The county finds it in its inbox, replies with a photo.
    const county = await openAs(city.countyUser)
    await county.goto('/')
    await county.getByTestId('inbox-bell').click()
    await county.getByTestId('inbox-list').waitFor()
    await county.getByTestId('inbox-item').filter({ hasText: title }).first().waitFor()
    // The reminder of the measure due today is there too, sent once by the scheduler.
    await expect(async () => {
      await county.reload()
      await county.getByTestId('inbox-list').waitFor()
      await expect(
        county.getByTestId('inbox-item').filter({ hasText: /提醒|到期|逾期/ }),
      ).not.toHaveCount(0, {
        timeout: 1_000,
      })
    }).toPass({ timeout: 60_000 })
    await shot(county, 'inbox')
    await county.goto(noticeUrl)
    await county.getByTestId('notice-reply-open').click()
    await county
      .getByTestId('notice-reply-text')
      .fill('已完成设备安装调试，出水已稳定达标，详见附件监测报告。')
    await county
      .getByTestId('notice-reply-dialog')
      .locator('input[type=file]')
      .setInputFiles({ name: '整改现场.png', mimeType: 'image/png', buffer: pngPhoto() })
    await county
      .getByTestId('upload-整改现场.png')
      .and(county.locator('[data-status="done"]'))
      .waitFor()
    await county.getByTestId('notice-reply-submit').click()
    await county.getByTestId('notice-reply').waitFor()
    await expect(county.getByTestId('notice-facts').getByTestId('notice-status')).toHaveAttribute(
      'data-status',
      'replied',
    )

    // The office reads the reply and closes the notice.
    await office.goto(noticeUrl)
    await office.getByTestId('notice-reply').getByText('出水已稳定达标').waitFor()
    await office.getByTestId('notice-close').click()
    await office.getByTestId('notice-close-note').fill('整改到位，同意办结。')
    await office.getByTestId('notice-close-submit').click()
    await office.getByTestId('notice-closed').waitFor()
    await expect(officeStatus).toHaveAttribute('data-status', 'closed')
    await shot(office, 'notice-closed')
  })
})
