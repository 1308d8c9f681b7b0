import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { api, apiLogin, close, login, openPage, shot } from '../harness.mjs'
import { repoRoot } from '../system.mjs'
import { shanghaiDay } from '../ui.mjs'

/** exceljs lives with the API (its import tests build workbooks with it). */
const ExcelJS = createRequire(path.join(repoRoot, 'apps/api/package.json'))('exceljs')

/**
 * A county's monthly progress table as it arrives by e-mail: a title row, a 填报单位 line, a
 * header over two rows with 整改情况 merged over 整改进展 | 是否完成 | 完成进度, the rows (one with
 * the problem's code, one with only its title, as units often write), and the signature line.
 */
async function progressTable(file, byCode, byTitle) {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('进展情况')
  ws.addRow(['中央生态环境保护督察反馈问题整改进展情况表'])
  ws.addRow(['填报单位：（盖章）        填报日期：' + shanghaiDay()])
  ws.addRow(['序号', '问题编号', '反馈问题', '责任单位', '整改情况', '', ''])
  ws.addRow(['', '', '', '', '整改进展', '是否完成', '完成进度'])
  ws.addRow([
    1,
    byCode.code,
    byCode.title,
    byCode.leadUnit.name,
    '端到端：完成管网排查，整治错接混接点12处。',
    '未完成',
    '60%',
  ])
  ws.addRow([2, '', byTitle.title, byTitle.leadUnit.name, '端到端：完成立项。', '持续推进', ''])
  ws.addRow(['填表人：张伟        审核人：李娜        联系电话：0791-86123456'])
  for (const r of [1, 2]) ws.mergeCells(r, 1, r, 7)
  ws.mergeCells(3, 5, 3, 7)
  for (const c of [1, 2, 3, 4]) ws.mergeCells(3, c, 4, c)
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()))
}

describe('a monthly progress table from a county', () => {
  test('the office imports it into a dispatch period: a code match and a confirmed title match become reports submitted on the units’ behalf, shown so on the problem page', async () => {
    const office = await apiLogin('office')
    // Two problems in progress of one round (other specs add rounds of their own, so the round
    // is the one the first problem in progress belongs to, not the newest).
    const live = (await api(office, 'GET', '/problems?status=in_progress&limit=100')).items
    const roundId = live[0]?.roundId
    const [byCode, byTitle] = live.filter((p) => p.roundId === roundId)
    assert.ok(byCode && byTitle, 'the demo city has two problems in progress in one round')
    const period = await api(office, 'POST', '/dispatch-periods', {
      roundId,
      period: '2029-03',
      title: '端到端进展表调度',
      dueDate: shanghaiDay(10),
    })
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'rectify-e2e-progress-')), '进展表.xlsx')
    await progressTable(file, byCode, byTitle)

    const page = await openPage()
    await login(page, 'office')
    await page.goto(`/dispatch/periods/${period.id}`)
    await page.getByTestId('progress-import-open').click()
    await page
      .locator('.el-upload', { has: page.getByTestId('progress-import-file') })
      .locator('input[type=file]')
      .setInputFiles(file)
    const matches = page.getByTestId('progress-import-match')
    await matches.nth(1).waitFor()
    // The two header rows and the 填表人 line are no rows: exactly the two data rows.
    assert.equal(await matches.count(), 2)
    // The title-only row waits for the office to confirm the match.
    await page.getByTestId('progress-import-confirm-all').click()
    await page.getByTestId('progress-import-confirm-all').waitFor({ state: 'detached' })
    const summary = await page.getByTestId('progress-import-summary').innerText()
    assert.match(summary, /将报送 2 份/)
    assert.match(summary, /错误 0 处/)
    await shot(page, 'progress-import-dry-run')
    await page.getByTestId('progress-import-confirm').click()
    await page.getByText('已导入 2 份进展报告').first().waitFor()

    // Each report is the unit's, submitted by the office on its behalf, waiting for review.
    for (const p of [byCode, byTitle]) {
      const reports = (await api(office, 'GET', `/problems/${p.id}/reports`)).items
      const mine = reports.find((r) => r.period === '2029-03')
      assert.ok(mine, `a report on ${p.code} for the period`)
      assert.match(mine.done, /^端到端：/)
      assert.equal(mine.submittedOnBehalf, true)
    }
    await page.goto(`/problems/${byCode.id}`)
    await page.getByTestId('report-on-behalf').first().waitFor()
    assert.match(await page.getByTestId('report-on-behalf').first().innerText(), /由整改办代为报送/)
    await close(page)
  })
})
