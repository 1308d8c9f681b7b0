import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, test } from 'node:test'
import { api, apiLogin, close, login, openPage, shot } from '../harness.mjs'
import { repoRoot } from '../system.mjs'
import { shanghaiDay, stamp } from '../ui.mjs'

/** exceljs lives with the API (its import tests build workbooks with it). */
const ExcelJS = createRequire(path.join(repoRoot, 'apps/api/package.json'))('exceljs')

/**
 * A handled disclosure table as a city publishes it, saved on a Taiwanese-locale machine: the
 * title row, a 填报单位 line, a header over two rows with 整改情況 merged over 是否屬實 |
 * 處理和整改情況 (and 查處情況 over the counts), the cases, and the 備註 and 製表人 lines below.
 */
async function handledTable(cases) {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('辦理情況')
  const top = ['序號', '受理編號', '交辦問題基本情況', '行政區域', '污染類型', '調查核實情況']
  ws.addRow(['江州市第三批中央生態環境保護督察交辦信訪件辦理情況公開表'])
  ws.addRow(['填報單位：江州市整改辦', '', '', '', '', '', '', '', '填報日期：' + shanghaiDay()])
  ws.addRow([...top, '整改情況', '', '責任人被處理情況', '是否辦結', '查處情況', '', ''])
  ws.addRow([
    ...top.map(() => ''),
    '是否屬實',
    '處理和整改情況',
    '',
    '',
    '責令整改(家)',
    '立案處罰(家)',
    '罰款金額(萬元)',
  ])
  cases.forEach((c, i) =>
    ws.addRow([
      i + 1,
      c.receiptNo,
      c.complaint,
      '临湖县',
      c.domain,
      c.investigation,
      c.finding,
      c.measures,
      c.accountability,
      c.closure,
      ...c.counts,
    ]),
  )
  const last = 4 + cases.length
  ws.addRow(['備註：是否屬實按核查結論填寫；罰款金額以萬元計。'])
  ws.addRow(['製表人：張偉', '', '審核人：李娜', '', '聯繫電話：0791-86123456'])
  ws.mergeCells(1, 1, 1, 13)
  ws.mergeCells(3, 7, 3, 8)
  ws.mergeCells(3, 11, 3, 13)
  for (const c of [1, 2, 3, 4, 5, 6, 9, 10]) ws.mergeCells(3, c, 4, c)
  ws.mergeCells(last + 1, 1, last + 1, 13)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A new, empty batch of the first round at the next free 第N批, handed over today. */
async function newBatch(office) {
  const round = (await api(office, 'GET', '/rounds')).items[0]
  const { items } = await api(office, 'GET', '/petition-batches?limit=100')
  const seq = Math.max(0, ...items.map((b) => b.seq)) + 1
  return api(office, 'POST', '/petition-batches', {
    roundId: round.id,
    seq,
    handedOn: shanghaiDay(0),
    source: 'central',
    declaredCount: 2,
    handlingDays: 15,
  })
}

describe('a handled petition table', () => {
  test('the office imports a handled disclosure table in traditional characters: the dry run echoes 是否属实 and 处理和整改情况, and each case shows its handling, marked as imported', async () => {
    const office = await apiLogin('office')
    const batch = await newBatch(office)
    const run = stamp()
    const cases = [
      {
        receiptNo: `E2EH${run}01`,
        complaint: '临湖县某化工厂夜间偷排废水，河水发黑发臭。',
        domain: '水',
        investigation: '经现场核查，该厂雨水排口有废水排出，反映问题属实。',
        finding: '屬實',
        measures: '端到端：责令该厂停产整改，封堵雨水排口，已完成管网改造。',
        accountability: '对镇分管负责人约谈1人。',
        closure: '已辦結',
        counts: [1, 1, 2.5],
      },
      {
        receiptNo: `E2EH${run}02`,
        complaint: '临湖县某搅拌站扬尘严重，周边居民意见大。',
        domain: '大氣',
        investigation: '搅拌站料场未全部覆盖。',
        finding: '部分屬實',
        measures: '端到端：责令完成料场全封闭，正在施工。',
        accountability: '',
        closure: '階段辦結',
        counts: [1, '', ''],
      },
    ]

    const page = await openPage()
    await login(page, 'office')
    await page.goto(`/petitions/batches/${batch.id}`)
    await page.getByTestId('petition-import-open').click()
    const dialog = page.getByTestId('petition-import-dialog')
    await dialog.waitFor()
    await dialog.locator('input[type=file]').setInputFiles({
      name: '第三批信訪件辦理情況公開表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await handledTable(cases),
    })
    await dialog.getByTestId('petition-import-dryrun-table').waitFor()
    // Only the two cases: the title, the two header rows and the notes are no rows.
    const counts = await dialog.getByTestId('petition-import-counts').innerText()
    assert.match(counts, /共 2 行：新增 2 件/)
    assert.match(counts, /含办理情况 2 件/)
    assert.match(counts, /错误 0 处/)
    assert.equal(await dialog.getByTestId('petition-import-error').count(), 0)
    // The dry run echoes each row's handling: 是否属实 in words and 处理和整改情况 as written.
    const echoed = dialog.getByTestId('petition-import-handling')
    assert.equal(await echoed.count(), 2)
    const first = await echoed.nth(0).innerText()
    assert.match(first, /属实/)
    assert.match(first, /已办结/)
    assert.ok(first.includes(cases[0].measures), first)
    const second = await echoed.nth(1).innerText()
    assert.match(second, /部分属实/)
    assert.ok(second.includes(cases[1].measures), second)
    await shot(page, 'petition-handled-dry-run')
    await dialog.getByTestId('petition-import-confirm').click()
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 })

    // Each case carries the handling the table stated, marked as imported.
    const { items } = await api(office, 'GET', `/petitions?batch=${batch.id}&limit=10`)
    assert.deepEqual(items.map((p) => p.receiptNo).sort(), cases.map((c) => c.receiptNo).sort())
    const closed = items.find((p) => p.receiptNo === cases[0].receiptNo)
    assert.equal(closed.status, 'closed')
    await page.goto(`/petitions/${closed.id}`)
    const handling = page.getByTestId('petition-handling')
    await handling.waitFor()
    assert.equal((await page.getByTestId('petition-handling-finding').innerText()).trim(), '属实')
    await page.getByTestId('petition-handling-imported').waitFor()
    const text = await handling.innerText()
    assert.ok(text.includes(cases[0].investigation), text)
    assert.ok(text.includes(cases[0].measures), text)
    assert.ok(text.includes(cases[0].accountability), text)
    await shot(page, 'petition-handled-case')
    await close(page)
  })
})
