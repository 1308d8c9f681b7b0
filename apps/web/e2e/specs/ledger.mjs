import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { api, apiLogin, close, login, logout, openPage, shot, unitByCode } from '../harness.mjs'
import { choose, pickDate, pngPhoto, shanghaiDay, stamp } from '../ui.mjs'

async function lightOf(page) {
  const badge = page.getByTestId('problem-light')
  await badge.waitFor()
  return {
    color: await badge.getAttribute('data-light'),
    text: (await badge.innerText()).trim(),
    reason: (await page.getByTestId('problem-light-reason').innerText()).trim(),
  }
}

describe('the rectification ledger', () => {
  test('the lead unit plans with 倒排工期, the office approves, the county reports with a photo, the office accepts, and the light turns from 滞后 to 正常', async () => {
    // Arrange: the office puts a problem of 临湖县 led by 市生态环境局 on the list (API).
    const admin = await apiLogin('admin')
    const office = await apiLogin('office')
    const [eeb, linhu] = [await unitByCode(admin, 'JZ-EEB'), await unitByCode(admin, 'JZ-LH')]
    const round = (await api(office, 'GET', '/rounds')).items[0]
    const code = `E2E-${stamp()}`
    const title = `临湖县湖滨镇污水处理站出水总磷超标（${code}）`
    const problem = await api(office, 'POST', '/problems', {
      roundId: round.id,
      code,
      title,
      description: '湖滨镇污水处理站长期超负荷运行，出水总磷超标，直排湖滨河。',
      source: 'feedback',
      nature: 'individual',
      domain: 'water',
      regionId: linhu.id,
      mode: 'time_bound',
      deadline: shanghaiDay(300),
      leadUnitId: eeb.id,
    })
    const problemUrl = `/problems/${problem.id}`

    // The lead unit drafts the plan: a measure for 临湖县, milestones by the reverse scheduler.
    const page = await openPage()
    await login(page, 'eco')
    await page.getByTestId(`work-draft-${problem.id}`).click()
    await page.getByTestId('plan-form').waitFor()
    await page.getByTestId('plan-target').fill('出水稳定达到一级 A 标准，总磷不超过 0.5 mg/L。')
    await page.getByTestId('plan-add-measure').click()
    await page.getByTestId('measure-1-content').fill('湖滨镇污水处理站提标改造并新增除磷设施')
    await choose(page, 'measure-1-unit', '临湖县')
    await pickDate(page, 'measure-1-start', shanghaiDay(-120))
    await pickDate(page, 'measure-1-deadline', shanghaiDay(240))
    await page.getByTestId('measure-1-schedule').click()
    const milestones = page.locator('[data-testid^="measure-1-milestone-"][role="row"]')
    await page.getByTestId('measure-1-milestone-4').waitFor()
    assert.equal(await milestones.count(), 4, 'the standard template lays out four milestones')
    // 方案制定 fell due before the plan was written: it was done on its due date.
    const firstDue = await page
      .getByTestId('measure-1-milestone-1')
      .locator('.el-date-editor input')
      .first()
      .inputValue()
    assert.ok(firstDue < shanghaiDay(0), `the first milestone (${firstDue}) is already due`)
    await pickDate(page, 'measure-1-milestone-1-done', firstDue)
    await shot(page, 'plan-editor')
    await page.getByTestId('plan-save').click()
    await page.waitForURL(new RegExp(`${problemUrl}$`))
    await page.getByTestId('measure-1').filter({ hasText: '临湖县' }).waitFor()
    await page.getByTestId('action-submit').click()
    await page.getByTestId('transition-confirm').click()
    await page.locator('[data-testid="problem-status"][data-status="plan_review"]').waitFor()
    assert.equal((await lightOf(page)).text, '正常', 'a plan in review is not yet behind')
    await logout(page)

    // The office approves the plan; the problem is now behind its planned progress.
    await login(page, 'office')
    await page.goto(problemUrl)
    await page.getByTestId('action-approve').click()
    await page.getByTestId('transition-reason').fill('措施具体，时间节点明确，同意实施。')
    await page.getByTestId('transition-confirm').click()
    await page.locator('[data-testid="problem-status"][data-status="in_progress"]').waitFor()
    const before = await lightOf(page)
    assert.equal(before.text, '滞后')
    assert.equal(before.color, 'yellow')
    assert.match(before.reason, /^计划进度 15%，实际进度 0%，滞后 15 个百分点$/)
    await shot(page, 'problem-behind')
    await logout(page)

    // The county reports progress on its measure with a site photo.
    await login(page, 'county')
    await page.goto(problemUrl)
    await page.getByTestId('action-report').click()
    await page.getByTestId('report-form').waitFor()
    await choose(page, 'report-measure', '湖滨镇污水处理站提标改造')
    const percent = page.getByTestId('report-percent').locator('input')
    await percent.fill('40')
    await percent.press('Tab')
    await page.getByTestId('report-done').fill('完成除磷设施土建施工，设备已进场安装。')
    await page.getByTestId('report-issues').fill('雨季施工影响进度。')
    await page.getByTestId('report-next-steps').fill('下月完成设备调试。')
    const files = page.getByTestId('report-upload').locator('input[type=file]')
    // A text file dressed up as a photo: the server sniffs the bytes and refuses it (415).
    await files.setInputFiles({
      name: '说明.png',
      mimeType: 'image/png',
      buffer: Buffer.from('这不是图片'),
    })
    const refused = page.getByTestId('upload-说明.png')
    await refused.and(page.locator('[data-status="failed"]')).waitFor()
    assert.match(await refused.getByTestId('upload-error').innerText(), /不支持该文件类型/)
    await refused.getByRole('button').click()
    await refused.waitFor({ state: 'detached' })
    await files.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: pngPhoto() })
    const uploaded = page.getByTestId('upload-现场照片.png')
    await uploaded.and(page.locator('[data-status="done"]')).waitFor()
    assert.match(await uploaded.getByTestId('upload-sha256').innerText(), /SHA-256 [0-9a-f]{64}/)
    await shot(page, 'report-form')
    await page.getByTestId('report-submit').click()
    await page.waitForURL(new RegExp(`${problemUrl}#problem-reports$`))
    await page.getByTestId('problem-reports').getByTestId('report-status').first().waitFor()
    assert.equal(
      (
        await page.getByTestId('problem-reports').getByTestId('report-status').first().innerText()
      ).trim(),
      '待审核',
    )
    await page.getByTestId('problem-reports').getByTestId('evidence-thumb').first().waitFor()
    assert.equal((await lightOf(page)).text, '滞后', 'a report counts once it is accepted')
    await logout(page)

    // The office accepts the report from its queue; the light turns green.
    await login(page, 'office')
    await page.getByTestId('nav-reviews').locator('a').click()
    const row = page.locator('.el-table__row', {
      has: page.getByTestId(`queue-problem-${problem.id}`),
    })
    await row.waitFor()
    await row.getByRole('button', { name: '审核' }).click()
    const dialog = page.getByTestId('review-dialog')
    await dialog.getByTestId('evidence-thumb').waitFor()
    await dialog.getByTestId('review-note').fill('进展属实，佐证材料齐全。')
    await shot(page, 'review-dialog')
    await dialog.getByTestId('review-confirm').click()
    await dialog.waitFor({ state: 'hidden' })
    await row.waitFor({ state: 'detached' })

    await page.goto(problemUrl)
    const after = await lightOf(page)
    assert.equal(after.text, '正常')
    assert.equal(after.color, 'green')
    assert.match(await page.getByTestId('problem-progress').innerText(), /实际进度 40%/)
    const timeline = await page.getByTestId('problem-timeline').innerText()
    assert.match(timeline, /进展报告审核通过/)
    // Actions in words, people by name and unit: no dotted codes, no login names (issue 16).
    assert.doesNotMatch(timeline, /\b[a-z_]+\.[a-z_]+\b/)
    assert.match(await page.getByTestId('timeline-actor').first().innerText(), /（.+）/)
    await shot(page, 'problem-after')
    await close(page)
  })

  test('a stale plan shows 此记录已被他人修改, and after reloading the edit is kept and saved', async () => {
    const admin = await apiLogin('admin')
    const office = await apiLogin('office')
    const eeb = await unitByCode(admin, 'JZ-EEB')
    const round = (await api(office, 'GET', '/rounds')).items[0]
    const code = `E2E-${stamp()}`
    const problem = await api(office, 'POST', '/problems', {
      roundId: round.id,
      code,
      title: `工业园区雨污管网混接（${code}）`,
      description: '园区部分企业雨污管网混接，雨天污水溢流。',
      source: 'self_check',
      nature: 'common',
      domain: 'water',
      mode: 'time_bound',
      deadline: shanghaiDay(200),
      leadUnitId: eeb.id,
    })
    const measure = await api(office, 'POST', `/problems/${problem.id}/measures`, {
      content: '排查园区雨污管网',
      unitId: eeb.id,
      startDate: shanghaiDay(0),
      deadline: shanghaiDay(90),
    })

    const page = await openPage()
    await login(page, 'eco')
    await page.goto(`/problems/${problem.id}/plan`)
    await page.getByTestId('measure-1-content').fill('排查园区雨污管网并建立混接点台账')
    // Meanwhile the office names the person responsible.
    await api(office, 'PATCH', `/measures/${measure.id}`, { personName: '刘洋' }, measure.version)

    await page.getByTestId('plan-save').click()
    await page
      .getByTestId('stale-alert')
      .filter({ hasText: '此记录已被他人修改，请刷新后重试' })
      .waitFor()
    await page.getByTestId('stale-reload').click()
    await page.getByTestId('stale-reloaded').waitFor()
    assert.equal(
      await page.getByTestId('measure-1-content').inputValue(),
      '排查园区雨污管网并建立混接点台账',
      'the edit is kept',
    )
    assert.equal(await page.getByTestId('measure-1-person').inputValue(), '刘洋', 'theirs too')
    await page.getByTestId('plan-save').click()
    await page.waitForURL(new RegExp(`/problems/${problem.id}$`))
    const saved = page
      .getByTestId('measure-1')
      .filter({ hasText: '排查园区雨污管网并建立混接点台账' })
    await saved.waitFor()
    assert.match(await saved.innerText(), /刘洋/)
    await close(page)
  })

  test('the lead unit asks for more time, the office grants it, and the deadline shows 原时限 beside the new one', async () => {
    const admin = await apiLogin('admin')
    const office = await apiLogin('office')
    const eco = await apiLogin('eco')
    const [eeb, linhu] = [await unitByCode(admin, 'JZ-EEB'), await unitByCode(admin, 'JZ-LH')]
    const round = (await api(office, 'GET', '/rounds')).items[0]
    const code = `E2E-${stamp()}`
    const deadline = shanghaiDay(60)
    const problem = await api(office, 'POST', '/problems', {
      roundId: round.id,
      code,
      title: `临湖县农村黑臭水体治理（${code}）`,
      description: '两处农村黑臭水体治理工程受征地影响推进缓慢。',
      source: 'sweep',
      nature: 'common',
      domain: 'water',
      regionId: linhu.id,
      mode: 'time_bound',
      deadline,
      leadUnitId: eeb.id,
    })
    await api(eco, 'POST', `/problems/${problem.id}/measures`, {
      content: '完成两处黑臭水体截污清淤',
      unitId: linhu.id,
      startDate: shanghaiDay(-30),
      deadline,
    })
    const step = async (token, action) => {
      const current = await api(token, 'GET', `/problems/${problem.id}`)
      await api(token, 'POST', `/problems/${problem.id}/transitions`, { action }, current.version)
    }
    await step(eco, 'submit')
    await step(office, 'approve')

    const page = await openPage()
    // The whole problem's deadline is the lead unit's to ask about (a co-unit asks for its measures).
    await login(page, 'eco')
    await page.goto(`/problems/${problem.id}`)
    await page.getByTestId('action-extension').click()
    await pickDate(page, 'extension-date', shanghaiDay(120))
    await page.getByTestId('extension-reason').fill('征地协调未完成，需延期两个月。')
    await page.getByTestId('extension-submit').click()
    await page.getByTestId('extension-dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('extensions-table').filter({ hasText: '待审批' }).waitFor()
    await logout(page)

    await login(page, 'office')
    await page.goto(`/problems/${problem.id}`)
    await page.locator('[data-testid^="extension-decide-"]').click()
    // Before confirming, the dialog says which measures (and milestones) the grant moves.
    const moves = page.getByTestId('extension-effect-measure-1')
    await moves.waitFor()
    assert.match(await moves.innerText(), /完成两处黑臭水体截污清淤/)
    assert.match(await page.getByTestId('extension-effect-problem').innerText(), /问题整改时限/)
    await page.getByTestId('extension-decision-reason').fill('理由充分，同意延期。')
    await page.getByTestId('extension-decision-submit').click()
    await page.getByTestId('extensions-table').filter({ hasText: '已同意' }).waitFor()
    const header = page.getByTestId('problem-header')
    await header.getByTestId('problem-original-deadline').waitFor()
    const [y, m, d] = deadline.split('-').map(Number)
    assert.match(
      await header.getByTestId('problem-original-deadline').innerText(),
      new RegExp(`原时限 ${y}年${m}月${d}日`),
    )
    await close(page)
  })

  test('the ledger keeps its filters and page in the URL, and a summary number opens the rows behind it', async () => {
    const page = await openPage()
    await login(page, 'leader')
    // The home's summary (leaders land on the dashboard, so go home first).
    await page.waitForURL(/\/dashboard$/)
    await page.goto('/')
    const behind = Number(await page.getByTestId('summary-behind').innerText())
    await page.getByTestId('summary-behind').click()
    await page.waitForURL(/\/problems\?bucket=behind$/)
    const rows = page.locator('[data-testid="problems-table"] .el-table__row')
    await rows.first().waitFor()
    const lights = await page
      .locator('[data-testid^="light-"][data-light]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-light')))
    assert.ok(
      lights.length > 0 && lights.every((light) => light === 'yellow' || light === 'red'),
      'only yellow and red rows',
    )
    // The number on the home page is the number of rows it opens.
    assert.match(await page.getByTestId('list-total').innerText(), new RegExp(`共 ${behind} 条`))

    await page.goto('/problems')
    await rows.first().waitFor()
    assert.match(await page.getByTestId('list-total').innerText(), /共 \d+ 条 · 第 1 \/ \d+ 页/)
    await page.getByTestId('filter-q').fill('污水')
    await page.getByTestId('filter-search').click()
    await page.waitForURL(/\/problems\?q=/)
    assert.match(decodeURIComponent(page.url()), /q=污水/)
    const titles = await page.locator('[data-testid^="problem-link-"]').allInnerTexts()
    assert.ok(titles.length > 0)
    await shot(page, 'ledger')
    await page.reload()
    assert.equal(
      await page.getByTestId('filter-q').inputValue(),
      '污水',
      'the filter survives a reload',
    )
    await close(page)
  })
})
