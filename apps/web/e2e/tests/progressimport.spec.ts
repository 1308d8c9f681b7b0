import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Unit } from '@rectify/schemas'
import { expect, shot, test } from '../fixtures'
import { shanghaiDay } from '../ui.mjs'
import { ExcelJS } from '../workbook'

interface Row {
  code: string
  title: string
}

/**
 * A county's monthly progress table as it arrives by e-mail: a title row, a 填报单位 line, a
 * header over two rows with 整改情况 merged over 整改进展 | 是否完成 | 完成进度, the rows (one with
 * the problem's code, one with only its title, as units often write), and the signature line.
 */
async function progressTable(file: string, byCode: Row, byTitle: Row, lead: Unit) {
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
    lead.name,
    '端到端：完成管网排查，整治错接混接点12处。',
    '未完成',
    '60%',
  ])
  ws.addRow([2, '', byTitle.title, lead.name, '端到端：完成立项。', '持续推进', ''])
  ws.addRow(['填表人：张伟        审核人：李娜        联系电话：0791-86123456'])
  for (const r of [1, 2]) ws.mergeCells(r, 1, r, 7)
  ws.mergeCells(3, 5, 3, 7)
  for (const c of [1, 2, 3, 4]) ws.mergeCells(3, c, 4, c)
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()))
}

test.describe('a monthly progress table from a county', () => {
  test('the office imports it into a dispatch period: a code match and a confirmed title match become reports submitted on the units’ behalf, shown so on the problem page', async ({
    openAs,
    world,
  }) => {
    // Two problems in progress of the test's own round.
    const city = await world.city()
    const byCode = await world.problemInProgress(city, {
      title: '城区雨污管网错接混接',
      deadline: shanghaiDay(200),
    })
    const byTitle = await world.problemInProgress(city, {
      title: '乡镇污水处理设施建设滞后',
      deadline: shanghaiDay(200),
    })
    const period = await city.officeApi.call<{ id: string }>('POST', '/dispatch-periods', {
      roundId: city.round.id,
      period: '2029-03',
      title: '端到端进展表调度',
      dueDate: shanghaiDay(10),
    })
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'rectify-e2e-progress-')), '进展表.xlsx')
    await progressTable(file, byCode, byTitle, city.leadUnit)

    const page = await openAs(city.office)
    await page.goto(`/dispatch/periods/${period.id}`)
    await page.getByTestId('progress-import-open').click()
    await page
      .locator('.el-upload', { has: page.getByTestId('progress-import-file') })
      .locator('input[type=file]')
      .setInputFiles(file)
    const matches = page.getByTestId('progress-import-match')
    await matches.nth(1).waitFor()
    // The two header rows and the 填表人 line are no rows: exactly the two data rows.
    await expect(matches).toHaveCount(2)
    // The title-only row waits for the office to confirm the match.
    await page.getByTestId('progress-import-confirm-all').click()
    await page.getByTestId('progress-import-confirm-all').waitFor({ state: 'detached' })
    const summary = page.getByTestId('progress-import-summary')
    await expect(summary).toContainText('将报送 2 份')
    await expect(summary).toContainText('错误 0 处')
    await shot(page, 'progress-import-dry-run')
    await page.getByTestId('progress-import-confirm').click()
    await page.getByText('已导入 2 份进展报告').first().waitFor()

    // Each report is the unit's, submitted by the office on its behalf, waiting for review.
    for (const p of [byCode, byTitle]) {
      const reports = await city.officeApi.call<{
        items: { period: string | null; done: string; submittedOnBehalf: boolean }[]
      }>('GET', `/problems/${p.id}/reports`)
      const mine = reports.items.find((r) => r.period === '2029-03')
      expect(mine, `a report on ${p.code} for the period`).toBeTruthy()
      expect(mine?.done).toMatch(/^端到端：/)
      expect(mine?.submittedOnBehalf).toBe(true)
    }
    await page.goto(`/problems/${byCode.id}`)
    await expect(page.getByTestId('report-on-behalf').first()).toContainText('由整改办代为报送')
  })
})
