import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { api, apiLogin, close, login, openPage, shot } from '../harness.mjs'
import { repoRoot } from '../system.mjs'
import { choose, shanghaiDay, stamp } from '../ui.mjs'

/** exceljs lives with the API (its import tests build workbooks with it). */
const ExcelJS = createRequire(path.join(repoRoot, 'apps/api/package.json'))('exceljs')

/**
 * A task table as a city office publishes it: a title row, a header over two rows with 整改责任
 * merged over 责任单位 | 牵头市领导, 序号, a collective phrase (各级党委、政府) and a unit the
 * system does not know yet; the second task's deadline has already passed.
 */
async function officeTable(file, newUnit) {
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
async function chooseUnit(page, testid, label) {
  await page.locator(`.el-select[data-testid="${testid}"]`).click()
  await page.locator('.el-tree-node__content:visible', { hasText: label }).first().click()
}

describe('the problem list from an office table', () => {
  test('the office imports a two-row-header table with a collective and an unknown unit, creates the unit in the dialog, acknowledges the past deadline, commits and prints the ledger', async () => {
    const office = await apiLogin('office')
    const id = stamp()
    const roundName = `E2E任务表轮次${id}`
    const round = await api(office, 'POST', '/rounds', { name: roundName, kind: 'provincial' })
    // The parent for the new unit: the top of the unit tree, whatever the city is called.
    const tree = await api(office, 'GET', '/units?limit=200')
    const top = tree.items.find((u) => u.parentId === null)
    assert.ok(top, 'the unit tree has a top unit')
    const newUnit = `市端到端治理局${id}`
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'rectify-e2e-tasks-')), '任务清单.xlsx')
    await officeTable(file, newUnit)

    const page = await openPage()
    await login(page, 'office')
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
    assert.equal(await rows.count(), 0, 'nothing is checked without a round')
    await choose(page, 'problem-import-round', roundName)
    await rows.first().waitFor()
    assert.equal(await page.getByTestId('problem-import-round-error').count(), 0)
    // The two header rows are a header: the tasks are the two rows below them.
    assert.deepEqual(
      (await rows.allInnerTexts()).map((t) => t.split('\n')[0].trim()),
      ['秸秆露天焚烧管控不力', '城区建筑工地扬尘污染'],
    )
    // 各级党委、政府 is one collective (not 各级党委 and 政府), the domain guessed is marked.
    const collective = page.getByTestId('problem-import-collective')
    assert.equal(await collective.count(), 1)
    assert.ok((await page.getByTestId('problem-import-inferred').count()) >= 2)

    // The unknown unit: 新建单位 under the top unit, for both rows at once.
    await page.getByTestId('problem-import-new-unit').first().click()
    await chooseUnit(page, 'problem-import-new-unit-parent', top.name)
    await page.getByTestId('problem-import-new-unit-confirm').click()
    await page.getByTestId('problem-import-will-create').first().waitFor()
    assert.equal(await page.getByTestId('problem-import-will-create').count(), 2)

    // The collective: recorded as a collective responsibility coordinated by the new unit's
    // parent (the top unit).
    await choose(page, 'problem-import-collective', '作为集体责任')
    await chooseUnit(page, 'problem-import-coordinator', top.name)
    await page.locator('.pi__row--error').first().waitFor({ state: 'detached' })

    // The past deadline is a warning: the import waits for it to be acknowledged.
    const confirm = page.getByTestId('problem-import-confirm')
    await page.getByTestId('problem-import-warnings').waitFor()
    assert.ok(await confirm.isDisabled(), 'a warning not acknowledged blocks the import')
    await page.getByTestId('problem-import-ack-all').click()
    await shot(page, 'problemlist-dry-run')
    assert.ok(await confirm.isEnabled(), 'acknowledged, the import can be confirmed')
    await confirm.click()
    await page.locator('.el-message--success').waitFor()
    await confirm.waitFor({ state: 'hidden' })

    // The unit exists now, and the ledger of the round lists both tasks.
    const units = await api(office, 'GET', `/units?limit=50&q=${encodeURIComponent(newUnit)}`)
    assert.equal(units.items.filter((u) => u.name === newUnit).length, 1)
    await page.goto(`/problems?round=${round.id}`)
    const links = page.locator('[data-testid^="problem-link-"]')
    await links.nth(1).waitFor()
    assert.deepEqual((await links.allInnerTexts()).map((t) => t.trim()).sort(), [
      '城区建筑工地扬尘污染',
      '秸秆露天焚烧管控不力',
    ])

    // 打印: the print stylesheet drops menu, filters, buttons and pager; the table stays.
    await page.evaluate(() => {
      globalThis.printed = 0
      globalThis.print = () => (globalThis.printed += 1)
    })
    await page.getByTestId('ledger-print').click()
    await page.waitForFunction(() => globalThis.printed === 1)
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.getByTestId('ledger-print').isVisible(), false)
    assert.equal(await page.getByTestId('problem-import-open').isVisible(), false)
    assert.equal(await page.getByTestId('filter-search').isVisible(), false)
    assert.ok(await links.first().isVisible(), 'the ledger rows print')
    assert.match(await page.locator('.ledger__printed').innerText(), /打印时间/)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
    // A3 landscape: the first page's MediaBox is 1190.55 × 841.89 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
    assert.ok(box, 'the PDF has a media box')
    assert.ok(
      Math.abs(Number(box[1]) - 1190.55) < 2 && Math.abs(Number(box[2]) - 841.89) < 2,
      `A3 landscape, not ${box[1]} × ${box[2]}`,
    )
    await page.emulateMedia({ media: 'screen' })
    await close(page)
  })
})
