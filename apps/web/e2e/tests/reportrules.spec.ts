import { expect, test } from '../fixtures'
import { shanghaiDay } from '../ui.mjs'

test.describe('the progress report form', () => {
  test('报送进展 with its fields left empty says beside each field what is missing and sends nothing', async ({
    openAs,
    world,
  }) => {
    const city = await world.city()
    const problem = await world.problemInProgress(city, {
      title: '城西片区黑臭水体',
      deadline: shanghaiDay(200),
    })
    const county = await openAs(city.countyUser)
    const posted: string[] = []
    county.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/v1\/problems\/[^/]+\/reports/.test(request.url()))
        posted.push(request.url())
    })
    await county.goto(`/problems/${problem.id}`)
    await county.getByTestId('action-report').click()
    const form = county.getByTestId('report-form')
    await form.waitFor()
    const reportUrl = county.url()

    // The percentage starts at the last accepted one (0): clear it too.
    const percent = county.getByTestId('report-percent').locator('input')
    await percent.fill('')
    await percent.press('Tab')
    await county.getByTestId('report-submit').click()

    const done = form.locator('.el-form-item', { has: county.getByTestId('report-done') })
    await expect(done.locator('.el-form-item__error')).toHaveText('请填写本期完成情况')
    const percentItem = form.locator('.el-form-item', { has: county.getByTestId('report-percent') })
    await expect(percentItem.locator('.el-form-item__error')).toHaveText('请填写完成进度')

    // Blank text is as empty as no text.
    await county.getByTestId('report-done').fill('   ')
    await percent.fill('30')
    await percent.press('Tab')
    await county.getByTestId('report-submit').click()
    await expect(done.locator('.el-form-item__error')).toHaveText('请填写本期完成情况')

    expect(posted, 'nothing was sent').toEqual([])
    expect(county.url()).toBe(reportUrl)
    const reports = await city.officeApi.call<{ items: unknown[] }>(
      'GET',
      `/problems/${problem.id}/reports`,
    )
    expect(reports.items).toEqual([])
  })
})
