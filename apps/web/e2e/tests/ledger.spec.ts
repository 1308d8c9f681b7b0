import type { Page } from '@playwright/test'
import { expect, shot, test, type Versioned } from '../fixtures'
import { choose, pickDate, pngPhoto, shanghaiDay } from '../ui.mjs'

async function lightOf(page: Page) {
  const badge = page.getByTestId('problem-light')
  await badge.waitFor()
  return {
    color: await badge.getAttribute('data-light'),
    text: (await badge.innerText()).trim(),
    reason: (await page.getByTestId('problem-light-reason').innerText()).trim(),
  }
}

test.describe('the rectification ledger', () => {
  test('the lead unit plans with 倒排工期, the office approves, the county reports with a photo, the office accepts, and the light turns from 滞后 to 正常', async ({
    openAs,
    world,
  }) => {
    // Arrange: the office puts a problem of the county led by the department on the list (API).
    const city = await world.city()
    const problem = await world.problem(city, {
      title: '湖滨镇污水处理站出水总磷超标',
      description: '湖滨镇污水处理站长期超负荷运行，出水总磷超标，直排湖滨河。',
      deadline: shanghaiDay(300),
    })
    const problemUrl = `/problems/${problem.id}`

    // The lead unit drafts the plan: a measure for the county, milestones by the reverse scheduler.
    const lead = await openAs(city.lead)
    await lead.goto('/')
    await lead.getByTestId(`work-draft-${problem.id}`).click()
    await lead.getByTestId('plan-form').waitFor()
    await lead.getByTestId('plan-target').fill('出水稳定达到一级 A 标准，总磷不超过 0.5 mg/L。')
    await lead.getByTestId('plan-add-measure').click()
    await lead.getByTestId('measure-1-content').fill('湖滨镇污水处理站提标改造并新增除磷设施')
    await choose(lead, 'measure-1-unit', city.county.name)
    await pickDate(lead, 'measure-1-start', shanghaiDay(-120))
    await pickDate(lead, 'measure-1-deadline', shanghaiDay(240))
    await lead.getByTestId('measure-1-schedule').click()
    const milestones = lead.locator('[data-testid^="measure-1-milestone-"][role="row"]')
    await lead.getByTestId('measure-1-milestone-4').waitFor()
    await expect(milestones, 'the standard template lays out four milestones').toHaveCount(4)
    // 方案制定 fell due before the plan was written: it was done on its due date.
    const firstDue = await lead
      .getByTestId('measure-1-milestone-1')
      .locator('.el-date-editor input')
      .first()
      .inputValue()
    expect(firstDue < shanghaiDay(0), `the first milestone (${firstDue}) is already due`).toBe(true)
    await pickDate(lead, 'measure-1-milestone-1-done', firstDue)
    await shot(lead, 'plan-editor')
    await lead.getByTestId('plan-save').click()
    await lead.waitForURL(new RegExp(`${problemUrl}$`))
    await lead.getByTestId('measure-1').filter({ hasText: city.county.name }).waitFor()
    await lead.getByTestId('action-submit').click()
    await lead.getByTestId('transition-confirm').click()
    await lead.locator('[data-testid="problem-status"][data-status="plan_review"]').waitFor()
    expect((await lightOf(lead)).text, 'a plan in review is not yet behind').toBe('正常')

    // The office approves the plan; the problem is now behind its planned progress.
    const office = await openAs(city.office)
    await office.goto(problemUrl)
    await office.getByTestId('action-approve').click()
    await office.getByTestId('transition-reason').fill('措施具体，时间节点明确，同意实施。')
    await office.getByTestId('transition-confirm').click()
    await office.locator('[data-testid="problem-status"][data-status="in_progress"]').waitFor()
    const before = await lightOf(office)
    expect(before.text).toBe('滞后')
    expect(before.color).toBe('yellow')
    expect(before.reason).toMatch(/^计划进度 15%，实际进度 0%，滞后 15 个百分点$/)
    await shot(office, 'problem-behind')

    // The county reports progress on its measure with a site photo.
    const county = await openAs(city.countyUser)
    await county.goto(problemUrl)
    await county.getByTestId('action-report').click()
    await county.getByTestId('report-form').waitFor()
    await choose(county, 'report-measure', '湖滨镇污水处理站提标改造')
    const percent = county.getByTestId('report-percent').locator('input')
    await percent.fill('40')
    await percent.press('Tab')
    await county.getByTestId('report-done').fill('完成除磷设施土建施工，设备已进场安装。')
    await county.getByTestId('report-issues').fill('雨季施工影响进度。')
    await county.getByTestId('report-next-steps').fill('下月完成设备调试。')
    const files = county.getByTestId('report-upload').locator('input[type=file]')
    // A text file dressed up as a photo: the server sniffs the bytes and refuses it (415).
    await files.setInputFiles({
      name: '说明.png',
      mimeType: 'image/png',
      buffer: Buffer.from('这不是图片'),
    })
    const refused = county.getByTestId('upload-说明.png')
    await refused.and(county.locator('[data-status="failed"]')).waitFor()
    await expect(refused.getByTestId('upload-error')).toContainText('不支持该文件类型')
    await refused.getByRole('button').click()
    await refused.waitFor({ state: 'detached' })
    await files.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: pngPhoto() })
    const uploaded = county.getByTestId('upload-现场照片.png')
    await uploaded.and(county.locator('[data-status="done"]')).waitFor()
    await expect(uploaded.getByTestId('upload-sha256')).toHaveText(/SHA-256 [0-9a-f]{64}/)
    await shot(county, 'report-form')
    await county.getByTestId('report-submit').click()
    await county.waitForURL(new RegExp(`${problemUrl}#problem-reports$`))
    const reportStatus = county.getByTestId('problem-reports').getByTestId('report-status').first()
    await expect(reportStatus).toHaveText('待审核')
    await county.getByTestId('problem-reports').getByTestId('evidence-thumb').first().waitFor()
    expect((await lightOf(county)).text, 'a report counts once it is accepted').toBe('滞后')

    // The office accepts the report from its queue; the light turns green.
    await office.goto('/')
    await office.getByTestId('nav-reviews').locator('a').click()
    const row = office.locator('.el-table__row', {
      has: office.getByTestId(`queue-problem-${problem.id}`),
    })
    await row.waitFor()
    await row.getByRole('button', { name: '审核' }).click()
    const dialog = office.getByTestId('review-dialog')
    await dialog.getByTestId('evidence-thumb').waitFor()
    await dialog.getByTestId('review-note').fill('进展属实，佐证材料齐全。')
    await shot(office, 'review-dialog')
    await dialog.getByTestId('review-confirm').click()
    await dialog.waitFor({ state: 'hidden' })
    await row.waitFor({ state: 'detached' })

    await office.goto(problemUrl)
    const after = await lightOf(office)
    expect(after.text).toBe('正常')
    expect(after.color).toBe('green')
    await expect(office.getByTestId('problem-progress')).toContainText('实际进度 40%')
    const timeline = await office.getByTestId('problem-timeline').innerText()
    expect(timeline).toMatch(/进展报告审核通过/)
    // Actions in words, people by name and unit: no dotted codes, no login names (issue 16).
    expect(timeline).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/)
    expect(timeline).not.toContain(city.office.username)
    await expect(office.getByTestId('timeline-actor').first()).toHaveText(/（.+）/)
    await shot(office, 'problem-after')
  })

  test('a stale plan shows 此记录已被他人修改, and after reloading the edit is kept and saved', async ({
    openAs,
    world,
  }) => {
    const city = await world.city()
    const problem = await world.problem(city, {
      title: '工业园区雨污管网混接',
      description: '园区部分企业雨污管网混接，雨天污水溢流。',
      source: 'self_check',
      nature: 'common',
      deadline: shanghaiDay(200),
      region: null,
    })
    const measure = await city.officeApi.call<Versioned>(
      'POST',
      `/problems/${problem.id}/measures`,
      {
        content: '排查园区雨污管网',
        unitId: city.leadUnit.id,
        startDate: shanghaiDay(0),
        deadline: shanghaiDay(90),
      },
    )

    const page = await openAs(city.lead)
    await page.goto(`/problems/${problem.id}/plan`)
    await page.getByTestId('measure-1-content').fill('排查园区雨污管网并建立混接点台账')
    // Meanwhile the office names the person responsible.
    await city.officeApi.call(
      'PATCH',
      `/measures/${measure.id}`,
      { personName: '刘洋' },
      measure.version,
    )

    await page.getByTestId('plan-save').click()
    await page
      .getByTestId('stale-alert')
      .filter({ hasText: '此记录已被他人修改，请刷新后重试' })
      .waitFor()
    await page.getByTestId('stale-reload').click()
    await page.getByTestId('stale-reloaded').waitFor()
    await expect(page.getByTestId('measure-1-content'), 'the edit is kept').toHaveValue(
      '排查园区雨污管网并建立混接点台账',
    )
    await expect(page.getByTestId('measure-1-person'), 'theirs too').toHaveValue('刘洋')
    await page.getByTestId('plan-save').click()
    await page.waitForURL(new RegExp(`/problems/${problem.id}$`))
    const saved = page
      .getByTestId('measure-1')
      .filter({ hasText: '排查园区雨污管网并建立混接点台账' })
    await expect(saved).toContainText('刘洋')
  })

  test('the lead unit asks for more time, the office grants it, and the deadline shows 原时限 beside the new one', async ({
    openAs,
    world,
  }) => {
    const city = await world.city()
    const deadline = shanghaiDay(60)
    const problem = await world.problemInProgress(city, {
      title: '农村黑臭水体治理',
      description: '两处农村黑臭水体治理工程受征地影响推进缓慢。',
      source: 'sweep',
      nature: 'common',
      deadline,
      measure: '完成两处黑臭水体截污清淤',
    })

    // The whole problem's deadline is the lead unit's to ask about (a co-unit asks for its measures).
    const lead = await openAs(city.lead)
    await lead.goto(`/problems/${problem.id}`)
    await lead.getByTestId('action-extension').click()
    await pickDate(lead, 'extension-date', shanghaiDay(120))
    await lead.getByTestId('extension-reason').fill('征地协调未完成，需延期两个月。')
    await lead.getByTestId('extension-submit').click()
    await lead.getByTestId('extension-dialog').waitFor({ state: 'hidden' })
    await lead.getByTestId('extensions-table').filter({ hasText: '待审批' }).waitFor()

    const office = await openAs(city.office)
    await office.goto(`/problems/${problem.id}`)
    await office.locator('[data-testid^="extension-decide-"]').click()
    // Before confirming, the dialog says which measures (and milestones) the grant moves.
    await expect(office.getByTestId('extension-effect-measure-1')).toContainText(
      '完成两处黑臭水体截污清淤',
    )
    await expect(office.getByTestId('extension-effect-problem')).toContainText('问题整改时限')
    await office.getByTestId('extension-decision-reason').fill('理由充分，同意延期。')
    await office.getByTestId('extension-decision-submit').click()
    await office.getByTestId('extensions-table').filter({ hasText: '已同意' }).waitFor()
    const [y, m, d] = deadline.split('-').map(Number)
    await expect(
      office.getByTestId('problem-header').getByTestId('problem-original-deadline'),
    ).toContainText(`原时限 ${y}年${m}月${d}日`)
  })

  test('the ledger keeps its filters and page in the URL, and a summary number opens the rows behind it', async ({
    openAs,
    world,
  }) => {
    // A problem behind its plan: a third of the measure's time gone, nothing reported.
    const city = await world.city()
    const problem = await world.problemInProgress(city, {
      title: '城区污水管网破损渗漏',
      deadline: shanghaiDay(240),
      measure: '修复破损污水管网',
      start: 120,
    })

    const page = await openAs(await world.user(['leader']))
    await page.goto('/')
    const behind = Number(await page.getByTestId('summary-behind').innerText())
    expect(behind).toBeGreaterThan(0)
    await page.getByTestId('summary-behind').click()
    await page.waitForURL(/\/problems\?bucket=behind$/)
    const rows = page.locator('[data-testid="problems-table"] .el-table__row')
    await rows.first().waitFor()
    const lights = await page
      .locator('[data-testid^="light-"][data-light]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-light')))
    expect(lights.length, 'rows with lights').toBeGreaterThan(0)
    expect(
      lights.every((light) => light === 'yellow' || light === 'red'),
      'only yellow and red rows',
    ).toBe(true)
    // The number on the home page is the number of rows it opens.
    await expect(page.getByTestId('list-total')).toContainText(`共 ${behind} 条`)

    await page.goto('/problems')
    await rows.first().waitFor()
    await expect(page.getByTestId('list-total')).toHaveText(/共 \d+ 条 · 第 1 \/ \d+ 页/)
    await page.getByTestId('filter-q').fill(problem.code)
    await page.getByTestId('filter-search').click()
    await page.waitForURL(/\/problems\?q=/)
    expect(decodeURIComponent(page.url())).toContain(`q=${problem.code}`)
    await expect(page.locator('[data-testid^="problem-link-"]')).toHaveText([problem.title])
    await shot(page, 'ledger')
    await page.reload()
    await expect(page.getByTestId('filter-q'), 'the filter survives a reload').toHaveValue(
      problem.code,
    )
    await expect(page.locator('[data-testid^="problem-link-"]')).toHaveText([problem.title])
  })
})
