import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { Unit } from '@rectify/schemas'
import { expect, shot, test, unique, type Versioned } from '../fixtures'
import { choose, shanghaiDay } from '../ui.mjs'
import { ExcelJS } from '../workbook'

/**
 * A task table as a city office publishes it: a title row, a header over two rows with 整改责任
 * merged over 责任单位 | 牵头市领导, 序号, a collective phrase (各级党委、政府) and a unit the
 * system does not know yet; the second task's deadline has already passed.
 */
async function officeTable(file: string, newUnit: string) {
  const year = Number(shanghaiDay().slice(0, 4))
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('整改任务清单')
  ws.addRow(['贯彻落实督察反馈意见整改任务清单'])
  ws.addRow(['序号', '督察反馈问题', '整改责任', '', '整改时限', '整改措施'])
  ws.addRow(['', '', '责任单位', '牵头市领导', '', ''])
  ws.addRow([
    1,
    '秸秆露天焚烧管控不力',
    `${newUnit}（牵头）、各级党委、政府`,
    '王明（副市长）',
    `${year + 1}年底前`,
    '网格化巡查',
  ])
  ws.addRow([2, '城区建筑工地扬尘污染', newUnit, '李强', `${year - 1}年6月底前`, '专项检查'])
  ws.mergeCells(1, 1, 1, 6)
  ws.mergeCells(2, 3, 2, 4)
  for (const c of [1, 2, 5, 6]) ws.mergeCells(2, c, 3, c)
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()))
}

/** Chooses `label` in a UnitSelect (a tree select: the test id is on the select and its tree). */
async function chooseUnit(page: Page, testid: string, label: string) {
  await page.locator(`.el-select[data-testid="${testid}"]`).click()
  await page.locator('.el-tree-node__content:visible', { hasText: label }).first().click()
}

test.describe('the problem list from an office table', () => {
  test('the office imports a two-row-header table with a collective and an unknown unit, creates the unit in the dialog, acknowledges the past deadline, commits and prints the ledger', async ({
    openAs,
    world,
  }) => {
    const office = await world.user(['office'])
    const officeApi = await world.as(office)
    const id = unique('')
    const roundName = `E2E任务表轮次${id}`
    const round = await officeApi.call<Versioned>('POST', '/rounds', {
      name: roundName,
      kind: 'provincial',
    })
    // The parent for the new unit: the top of the unit tree, whatever the city is called.
    const top: Unit = await world.topUnit()
    const newUnit = `市端到端治理局${id}`
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'rectify-e2e-tasks-')), '任务清单.xlsx')
    await officeTable(file, newUnit)

    const page = await openAs(office)
    await page.goto('/problems')
    await page.getByTestId('problem-import-open').click()
    // A file chosen before the round is not dropped silently: the round says it is required,
    // and the file is checked as soon as the round is chosen.
    await page
      .locator('.el-upload', { has: page.getByTestId('problem-import-file') })
      .locator('input[type=file]')
      .setInputFiles(file)
    await page
      .getByTestId('problem-import-round-error')
      .filter({ hasText: '请先选择督察批次' })
      .waitFor()
    const rows = page.getByTestId('problem-import-row')
    await expect(rows, 'nothing is checked without a round').toHaveCount(0)
    await choose(page, 'problem-import-round', roundName)
    await rows.first().waitFor()
    await expect(page.getByTestId('problem-import-round-error')).toHaveCount(0)
    // The two header rows are a header: the tasks are the two rows below them.
    expect((await rows.allInnerTexts()).map((t) => (t.split('\n')[0] ?? '').trim())).toEqual([
      '秸秆露天焚烧管控不力',
      '城区建筑工地扬尘污染',
    ])
    // 各级党委、政府 is one collective (not 各级党委 and 政府), the domain guessed is marked.
    await expect(page.getByTestId('problem-import-collective')).toHaveCount(1)
    expect(await page.getByTestId('problem-import-inferred').count()).toBeGreaterThanOrEqual(2)

    // The unknown unit: 新建单位 under the top unit, for both rows at once.
    await page.getByTestId('problem-import-new-unit').first().click()
    await chooseUnit(page, 'problem-import-new-unit-parent', top.name)
    await page.getByTestId('problem-import-new-unit-confirm').click()
    await page.getByTestId('problem-import-will-create').first().waitFor()
    await expect(page.getByTestId('problem-import-will-create')).toHaveCount(2)

    // The collective: recorded as a collective responsibility coordinated by the new unit's
    // parent (the top unit).
    await choose(page, 'problem-import-collective', '作为集体责任')
    await chooseUnit(page, 'problem-import-coordinator', top.name)
    await page.locator('.pi__row--error').first().waitFor({ state: 'detached' })

    // The past deadline is a warning: the import waits for it to be acknowledged.
    const confirm = page.getByTestId('problem-import-confirm')
    await page.getByTestId('problem-import-warnings').waitFor()
    await expect(confirm, 'a warning not acknowledged blocks the import').toBeDisabled()
    await page.getByTestId('problem-import-ack-all').click()
    await shot(page, 'problemlist-dry-run')
    await expect(confirm, 'acknowledged, the import can be confirmed').toBeEnabled()
    await confirm.click()
    await page.locator('.el-message--success').waitFor()
    await confirm.waitFor({ state: 'hidden' })

    // The unit exists now, and the ledger of the round lists both tasks.
    const units = await officeApi.call<{ items: Unit[] }>(
      'GET',
      `/units?limit=50&q=${encodeURIComponent(newUnit)}`,
    )
    expect(units.items.filter((u) => u.name === newUnit)).toHaveLength(1)
    await page.goto(`/problems?round=${round.id}`)
    const links = page.locator('[data-testid^="problem-link-"]')
    await expect(links).toHaveCount(2)
    expect((await links.allInnerTexts()).map((t) => t.trim()).sort()).toEqual([
      '城区建筑工地扬尘污染',
      '秸秆露天焚烧管控不力',
    ])

    // 打印: the print stylesheet drops menu, filters, buttons and pager; the table stays.
    await page.evaluate(() => {
      const w = globalThis as unknown as { printed: number; print: () => void }
      w.printed = 0
      w.print = () => (w.printed += 1)
    })
    await page.getByTestId('ledger-print').click()
    await page.waitForFunction(() => (globalThis as unknown as { printed: number }).printed === 1)
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByTestId('ledger-print')).toBeHidden()
    await expect(page.getByTestId('problem-import-open')).toBeHidden()
    await expect(page.getByTestId('filter-search')).toBeHidden()
    await expect(links.first(), 'the ledger rows print').toBeVisible()
    await expect(page.locator('.ledger__printed')).toContainText('打印时间')
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // A3 landscape: the first page's MediaBox is 1190.55 × 841.89 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
    expect(box, 'the PDF has a media box').not.toBeNull()
    expect(Math.abs(Number(box![1]) - 1190.55), `A3 landscape, not ${box![1]} wide`).toBeLessThan(2)
    expect(Math.abs(Number(box![2]) - 841.89), `A3 landscape, not ${box![2]} high`).toBeLessThan(2)
    await page.emulateMedia({ media: 'screen' })
  })
})
