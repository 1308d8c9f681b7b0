import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, shot, test, unique, type World } from '../fixtures'
import { choose, shanghaiDay } from '../ui.mjs'
import { downloadFrom, readZip } from '../zip'

const CHINESE = /[\u4e00-\u9fff]/

/** The units the template's example tasks name (市住建局（牵头）、市生态环境局、江东区人民政府 …). */
async function templateUnits(world: World): Promise<void> {
  for (const name of ['市住建局', '市生态环境局', '市城管局', '市自然资源局'])
    await world.unitNamed(name, 'department')
  await world.unitNamed('江东区', 'county')
}

/** The list's pager (共 N 条 · 第 p / q 页) shows `expected` rows, once the new list is in. */
async function expectTotal(page: Page, expected: number, message: string): Promise<void> {
  await expect(page.getByTestId('list-total'), message).toHaveText(new RegExp(`共 ${expected} 条`))
}

/**
 * Where to click the one bar of a chart's canvas: the middle of the coloured run across the
 * plot's lower part (grid lines and labels are grey); null while nothing coloured is drawn there.
 */
function barAt(canvas: Locator): Promise<{ x: number; y: number } | null> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const y = Math.round(c.height * 0.6)
    const line = c.getContext('2d')!.getImageData(0, y, c.width, 1).data
    const xs: number[] = []
    for (let x = 0; x < c.width; x++) {
      const [r, g, b] = [line[4 * x]!, line[4 * x + 1]!, line[4 * x + 2]!]
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) xs.push(x)
    }
    const scale = c.width / c.getBoundingClientRect().width
    return xs.length ? { x: (xs[0]! + xs.at(-1)!) / 2 / scale, y: y / scale } : null
  })
}

test.describe('Excel in and out, the dashboard and the bulletin', () => {
  test('the office imports the template into a new round, sees it in the ledger and its export, clicks a dashboard figure into the filtered ledger, and downloads the bulletin with its requirements', async ({
    openAs,
    world,
  }) => {
    // A city of the test's own (office, round), the units the template names, a dispatch period.
    const city = await world.city()
    const round = city.round
    await templateUnits(world)
    const period = await city.officeApi.call<{ id: string }>('POST', '/dispatch-periods', {
      roundId: round.id,
      period: shanghaiDay(0).slice(0, 7),
      title: `端到端调度${unique('')}`,
      dueDate: shanghaiDay(10),
    })
    const page = await openAs(city.office)

    // The template, downloaded from the import dialog on the ledger.
    await page.goto('/problems')
    await page.getByTestId('problem-import-open').click()
    const template = await downloadFrom(page, 'problem-import-template')
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/)
    expect(template.suggestedFilename()).toMatch(CHINESE)
    const file = path.join(
      mkdtempSync(path.join(tmpdir(), 'rectify-e2e-xlsx-')),
      '整改任务清单.xlsx',
    )
    await template.saveAs(file)
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK')

    // Into the new round: the dry run reads the three example tasks.
    await choose(page, 'problem-import-round', round.name)
    await page
      .locator('.el-upload', { has: page.getByTestId('problem-import-file') })
      .locator('input[type=file]')
      .setInputFiles(file)
    const rows = page.getByTestId('problem-import-row')
    // The dry run reads the workbook on the server: seconds on a loaded machine.
    await rows.first().waitFor({ timeout: 60_000 })
    // The third example names every county collectively (各县（市、区）人民政府): the dry run asks
    // the office to expand it or record it with a coordinating unit — the only question the
    // template leaves open; with 展开集合名称 ticked, every row reads without an error.
    const asked = page.locator('.pi__row--error')
    await asked.first().waitFor()
    expect((await asked.allInnerTexts()).map((t) => t.split('\n').slice(1).join('\n'))).toEqual([
      '责任单位（行 5）：“各县（市、区）人民政府”是集合名称：请选择展开到所指单位（勾选“展开集合名称”），或作为集体责任并指定牵头协调单位',
    ])
    await page.getByTestId('problem-import-expand').click()
    await asked.first().waitFor({ state: 'detached', timeout: 60_000 })
    await expect(rows, 'the three example tasks are read').toHaveCount(3)
    const titles = (await rows.allInnerTexts()).map((t) => t.trim())
    const summary = await page.getByTestId('problem-import-summary').innerText()
    await shot(page, 'excel-import-dry-run')
    const confirm = page.getByTestId('problem-import-confirm')
    await expect(confirm, `the import can be confirmed: ${summary}`).toBeEnabled()
    await confirm.click()
    await page.locator('.el-message--success').waitFor({ timeout: 60_000 })
    await confirm.waitFor({ state: 'hidden' })

    // The ledger, filtered to the new round, lists exactly the imported tasks.
    await choose(page, 'filter-round', round.name)
    await page.getByTestId('filter-search').click()
    await page.waitForURL(new RegExp(`[?&]round=${round.id}`))
    const links = page.locator('[data-testid^="problem-link-"]')
    await expectTotal(page, titles.length, 'the ledger lists the imported tasks')
    const listed = (await links.allInnerTexts()).map((t) => t.trim())
    expect([...listed].sort()).toEqual([...titles].sort())
    await shot(page, 'excel-ledger')

    // The ledger export: an .xlsx with a Chinese name holding the imported tasks.
    const exported = await downloadFrom(page, 'ledger-export')
    expect(exported.suggestedFilename()).toMatch(/\.xlsx$/)
    expect(exported.suggestedFilename()).toMatch(CHINESE)
    const exportPath = await exported.path()
    expect(readFileSync(exportPath).subarray(0, 2).toString('latin1')).toBe('PK')
    const sheetText = [...(await readZip(exportPath)).entries()]
      .filter(([name]) => name.startsWith('xl/') && name.endsWith('.xml'))
      .map(([, bytes]) => bytes.toString('utf8'))
      .join('')
    for (const title of listed) expect(sheetText, `${title} is in the export`).toContain(title)

    // The dashboard (统计分析), for the new round: a figure clicks through to the same rows.
    // Every menu group is open: the entry itself is the link.
    await page.getByTestId('nav-dashboard').locator('a').click()
    await page.waitForURL(/\/dashboard/)
    await choose(page, 'dashboard-round', round.name)
    await page.getByTestId('filter-search').click()
    await page.waitForURL(new RegExp(`/dashboard\\?.*round=${round.id}`))
    const chart = page.getByTestId('dashboard-chart-status')
    await chart.locator('canvas').first().waitFor()
    // The tiles, then the charts, show the new round's figures (not the whole city's any more).
    const roundTotal = page
      .getByTestId('dashboard-link-tiles-total')
      .locator('.dashboard__tile-count')
      .getByText(String(titles.length), { exact: true })
    await roundTotal.waitFor()
    await shot(page, 'excel-dashboard')
    // The table view: every status with its count, the new round's tasks all in one of them.
    await chart.getByTestId('dashboard-table-toggle').click()
    const cells = chart.locator('table tbody td')
    await cells.first().waitFor()
    const counts = (await cells.allInnerTexts()).map((t) => Number(t.trim()))
    expect(
      counts.filter((n) => n > 0),
      'the new round’s tasks share one status',
    ).toEqual([titles.length])
    const figure = cells
      .nth(counts.findIndex((n) => n > 0))
      .locator('[data-testid^="dashboard-link-status-"]')
    const status = (await figure.getAttribute('data-testid'))!.replace('dashboard-link-status-', '')
    await shot(page, 'excel-dashboard-table')

    /** The ledger opened from the figure: the round and status in the URL, the figure's total. */
    async function ledgerOfFigure() {
      await page.waitForURL(/\/problems\?/)
      const query = new URL(page.url()).searchParams
      expect(query.get('round')).toBe(round.id)
      expect(query.get('status')).toBe(status)
      await expectTotal(page, titles.length, 'the ledger total equals the figure')
    }

    // A click on the figure's link in the table ...
    await figure.click()
    await ledgerOfFigure()

    // ... and on its bar in the chart: the one coloured run across the plot's lower part.
    await page.goBack()
    await page.waitForURL(/\/dashboard\?/)
    const canvas = chart.locator('canvas').first()
    await canvas.waitFor()
    await roundTotal.waitFor()
    // ECharts grows its bars for a moment after each (re)draw: wait until the data is in and the
    // bar stands still at the height sampled (the same place twice in a row).
    await page.waitForLoadState('networkidle')
    let last: string | null = null
    let bar: { x: number; y: number } | null = null
    await expect
      .poll(
        async () => {
          const now = await barAt(canvas)
          const seen = JSON.stringify(now)
          bar = now && seen === last ? now : null
          last = seen
          return bar !== null
        },
        { message: 'the chart draws the bar', intervals: [400], timeout: 15_000 },
      )
      .toBe(true)
    await canvas.click({ position: bar! })
    await ledgerOfFigure()

    // The bulletin of the round's dispatch period: the requirements saved, then in the .docx.
    await page.getByTestId('nav-dispatch-periods').locator('a').click()
    await page.getByTestId(`dispatch-open-${period.id}`).click()
    await page.waitForURL(new RegExp(`/dispatch/periods/${period.id}$`))
    const requirements = `请各责任单位于下月5日前报送整改进展（${unique('')}）。`
    await page.getByTestId('bulletin-requirements').fill(requirements)
    await page.getByTestId('bulletin-save').click()
    await page.locator('.el-message--success', { hasText: '已保存工作要求' }).waitFor()
    const sentence = (await page.getByTestId('bulletin-sentence').innerText()).trim()
    expect(sentence).toMatch(/纳入调度的\d+个问题中，\d+个已完成整改/)
    await shot(page, 'excel-bulletin')
    const bulletin = await downloadFrom(page, 'bulletin-download')
    expect(bulletin.suggestedFilename()).toMatch(/\.docx$/)
    const docx = await readZip(await bulletin.path())
    expect(docx.get('[Content_Types].xml')?.toString('utf8'), 'a Word document').toContain(
      'wordprocessingml',
    )
    // The document's text, whatever runs Word splits it into.
    const text = (docx.get('word/document.xml')?.toString('utf8') ?? '').replace(/<[^>]+>/g, '')
    expect(text, 'the requirements are in the bulletin').toContain(requirements)
    expect(text, 'the bulletin opens with the summary the page shows').toContain(sentence)
  })
})
