import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { api, apiLogin, close, login, openPage, shot } from '../harness.mjs'
import { repoRoot } from '../system.mjs'
import { choose, stamp } from '../ui.mjs'

/** yauzl lives with the API (its dossier tests read zips with it). */
const yauzl = createRequire(path.join(repoRoot, 'apps/api/package.json'))('yauzl')

/** Every entry of a zip file: name → bytes. */
function readZip(file) {
  return new Promise((resolve, reject) => {
    const entries = new Map()
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      zip.on('error', reject)
      zip.on('end', () => resolve(entries))
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err)
          const chunks = []
          stream.on('data', (c) => chunks.push(c))
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
}

/** Clicks `testid` and returns the download it starts. */
async function downloadFrom(page, testid) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testid).click(),
  ])
  return download
}

/**
 * Waits for the list's pager (共 N 条 · 第 p / q 页) to show `expected` rows, then asserts it: the
 * ledger's store keeps the previous list on screen until the new one arrives.
 */
async function expectTotal(page, expected, message) {
  const pager = page.getByTestId('list-total')
  const total = async () => Number((await pager.innerText()).match(/共 (\d+) 条/)?.[1])
  const deadline = Date.now() + 15_000
  while ((await total()) !== expected && Date.now() < deadline) await page.waitForTimeout(200)
  assert.equal(await total(), expected, message)
}

/**
 * Where to click the one bar of a chart's canvas: the middle of the coloured run across the
 * plot's lower part (grid lines and labels are grey); null while nothing coloured is drawn there.
 */
function barAt(canvas) {
  return canvas.evaluate((c) => {
    const y = Math.round(c.height * 0.6)
    const line = c.getContext('2d').getImageData(0, y, c.width, 1).data
    const xs = []
    for (let x = 0; x < c.width; x++) {
      const [r, g, b] = line.slice(4 * x, 4 * x + 3)
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) xs.push(x)
    }
    const scale = c.width / c.getBoundingClientRect().width
    return xs.length ? { x: (xs[0] + xs.at(-1)) / 2 / scale, y: y / scale } : null
  })
}

const CHINESE = /[\u4e00-\u9fff]/

describe('Excel in and out, the dashboard and the bulletin', () => {
  test('the office imports the template into a new round, sees it in the ledger and its export, clicks a dashboard figure into the filtered ledger, and downloads the bulletin with its requirements', async () => {
    const office = await apiLogin('office')
    const roundName = `E2E导入轮次${stamp()}`
    const round = await api(office, 'POST', '/rounds', { name: roundName, kind: 'provincial' })
    const page = await openPage()
    await login(page, 'office')

    // The template, downloaded from the import dialog on the ledger.
    await page.goto('/problems')
    await page.getByTestId('problem-import-open').click()
    const template = await downloadFrom(page, 'problem-import-template')
    assert.match(template.suggestedFilename(), /\.xlsx$/)
    assert.match(template.suggestedFilename(), CHINESE)
    const file = path.join(
      mkdtempSync(path.join(tmpdir(), 'rectify-e2e-xlsx-')),
      '整改任务清单.xlsx',
    )
    await template.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')

    // Into the new round: the dry run reads the three example tasks.
    await choose(page, 'problem-import-round', roundName)
    await page
      .locator('.el-upload', { has: page.getByTestId('problem-import-file') })
      .locator('input[type=file]')
      .setInputFiles(file)
    const rows = page.getByTestId('problem-import-row')
    await rows.first().waitFor()
    // The third example names every county collectively (各县（市、区）人民政府): the dry run asks
    // the office to expand it or record it with a coordinating unit — the only question the
    // template leaves open; with 展开集合名称 ticked, every row reads without an error.
    const asked = page.locator('.pi__row--error')
    await asked.first().waitFor()
    assert.deepEqual(
      (await asked.allInnerTexts()).map((t) => t.split('\n').slice(1).join('\n')),
      [
        '责任单位（行 5）：“各县（市、区）人民政府”是集合名称：请选择展开到所指单位（勾选“展开集合名称”），或作为集体责任并指定牵头协调单位',
      ],
    )
    await page.getByTestId('problem-import-expand').click()
    await asked.first().waitFor({ state: 'detached' })
    const titles = (await rows.allInnerTexts()).map((t) => t.trim())
    assert.equal(titles.length, 3, `the three example tasks are read: ${titles.join(' | ')}`)
    const summary = await page.getByTestId('problem-import-summary').innerText()
    await shot(page, 'excel-import-dry-run')
    const confirm = page.getByTestId('problem-import-confirm')
    assert.ok(await confirm.isEnabled(), `the import can be confirmed: ${summary}`)
    await confirm.click()
    await page.locator('.el-message--success').waitFor()
    await confirm.waitFor({ state: 'hidden' })

    // The ledger, filtered to the new round, lists exactly the imported tasks.
    await choose(page, 'filter-round', roundName)
    await page.getByTestId('filter-search').click()
    await page.waitForURL(new RegExp(`[?&]round=${round.id}`))
    const links = page.locator('[data-testid^="problem-link-"]')
    await expectTotal(page, titles.length, 'the ledger lists the imported tasks')
    const listed = (await links.allInnerTexts()).map((t) => t.trim())
    assert.deepEqual([...listed].sort(), [...titles].sort())
    await shot(page, 'excel-ledger')

    // The ledger export: an .xlsx with a Chinese name holding the imported tasks.
    const exported = await downloadFrom(page, 'ledger-export')
    assert.match(exported.suggestedFilename(), /\.xlsx$/)
    assert.match(exported.suggestedFilename(), CHINESE)
    const exportPath = await exported.path()
    assert.equal(readFileSync(exportPath).subarray(0, 2).toString('latin1'), 'PK')
    const sheetText = [...(await readZip(exportPath)).entries()]
      .filter(([name]) => name.startsWith('xl/') && name.endsWith('.xml'))
      .map(([, bytes]) => bytes.toString('utf8'))
      .join('')
    for (const title of listed) assert.ok(sheetText.includes(title), `${title} is in the export`)

    // The dashboard (统计分析), for the new round: a figure clicks through to the same rows.
    // Every menu group is open: the entry itself is the link.
    await page.getByTestId('nav-dashboard').locator('a').click()
    await page.waitForURL(/\/dashboard/)
    await choose(page, 'dashboard-round', roundName)
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
    const toggle = chart.getByTestId('dashboard-table-toggle')
    await toggle.click()
    const cells = chart.locator('table tbody td')
    await cells.first().waitFor()
    const counts = (await cells.allInnerTexts()).map((t) => Number(t.trim()))
    const index = counts.findIndex((n) => n > 0)
    assert.deepEqual(
      counts.filter((n) => n > 0),
      [titles.length],
      'the new round’s tasks share one status',
    )
    const figure = cells.nth(index).locator('[data-testid^="dashboard-link-status-"]')
    const status = (await figure.getAttribute('data-testid')).replace('dashboard-link-status-', '')
    await shot(page, 'excel-dashboard-table')

    /** The ledger opened from the figure: the round and status in the URL, the figure's total. */
    async function ledgerOfFigure() {
      await page.waitForURL(/\/problems\?/)
      const query = new URL(page.url()).searchParams
      assert.equal(query.get('round'), round.id)
      assert.equal(query.get('status'), status)
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
    // bar stands still at the height sampled.
    await page.waitForLoadState('networkidle')
    let bar = null
    for (let tries = 0, last = null; tries < 25; tries++) {
      const now = await barAt(canvas)
      if (now && JSON.stringify(now) === JSON.stringify(last)) {
        bar = now
        break
      }
      last = now
      await page.waitForTimeout(400)
    }
    assert.ok(bar, 'the chart draws the bar')
    await canvas.click({ position: bar })
    await ledgerOfFigure()

    // The bulletin of a dispatch period: the requirements saved, then in the .docx.
    const [period] = (await api(office, 'GET', '/dispatch-periods')).items
    assert.ok(period, 'the demo has a dispatch period')
    await page.getByTestId('nav-dispatch-periods').locator('a').click()
    await page.getByTestId(`dispatch-open-${period.id}`).click()
    await page.waitForURL(new RegExp(`/dispatch/periods/${period.id}$`))
    const requirements = `请各责任单位于下月5日前报送整改进展（${stamp()}）。`
    const textarea = page.getByTestId('bulletin-requirements')
    await textarea.fill(requirements)
    await page.getByTestId('bulletin-save').click()
    await page.locator('.el-message--success', { hasText: '已保存工作要求' }).waitFor()
    const sentence = (await page.getByTestId('bulletin-sentence').innerText()).trim()
    assert.match(sentence, /纳入调度的\d+个问题中，\d+个已完成整改/)
    await shot(page, 'excel-bulletin')
    const bulletin = await downloadFrom(page, 'bulletin-download')
    assert.match(bulletin.suggestedFilename(), /\.docx$/)
    const docx = await readZip(await bulletin.path())
    assert.ok(
      docx.get('[Content_Types].xml').toString('utf8').includes('wordprocessingml'),
      'a Word document',
    )
    // The document's text, whatever runs Word splits it into.
    const text = (docx.get('word/document.xml')?.toString('utf8') ?? '').replace(/<[^>]+>/g, '')
    assert.ok(text.includes(requirements), 'the requirements are in the bulletin')
    assert.ok(text.includes(sentence), 'the bulletin opens with the summary the page shows')
    await close(page)
  })
})
