import { expect, shot, test, unique } from '../fixtures'
import { shanghaiDay } from '../ui.mjs'
import { ExcelJS } from '../workbook'

interface HandledCase {
  receiptNo: string
  complaint: string
  domain: string
  investigation: string
  finding: string
  measures: string
  accountability: string
  closure: string
  counts: (number | string)[]
}

/**
 * A handled disclosure table as a city publishes it, saved on a Taiwanese-locale machine: the
 * title row, a 填报单位 line, a header over two rows with 整改情況 merged over 是否屬實 |
 * 處理和整改情況 (and 查處情況 over the counts), the cases (in `region`), and the 備註 and 製表人
 * lines below.
 */
async function handledTable(cases: HandledCase[], region: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('辦理情況')
  const top = ['序號', '受理編號', '交辦問題基本情況', '行政區域', '污染類型', '調查核實情況']
  ws.addRow(['第三批中央生態環境保護督察交辦信訪件辦理情況公開表'])
  ws.addRow(['填報單位：整改辦', '', '', '', '', '', '', '', '填報日期：' + shanghaiDay()])
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
      region,
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

test.describe('a handled petition table', () => {
  test('the office imports a handled disclosure table in traditional characters: the dry run echoes 是否属实 and 处理和整改情况, and each case shows its handling, marked as imported', async ({
    openAs,
    world,
  }) => {
    // A city of the test's own: its office, round and county (the table's 行政区域), a new batch.
    const city = await world.city()
    const batch = await world.batch(city, { declaredCount: 2 })
    const run = unique('')
    const cases: HandledCase[] = [
      {
        receiptNo: `E2EH${run}01`,
        complaint: '某化工厂夜间偷排废水，河水发黑发臭。',
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
        complaint: '某搅拌站扬尘严重，周边居民意见大。',
        domain: '大氣',
        investigation: '搅拌站料场未全部覆盖。',
        finding: '部分屬實',
        measures: '端到端：责令完成料场全封闭，正在施工。',
        accountability: '',
        closure: '階段辦結',
        counts: [1, '', ''],
      },
    ]

    const page = await openAs(city.office)
    await page.goto(`/petitions/batches/${batch.id}`)
    await page.getByTestId('petition-import-open').click()
    const dialog = page.getByTestId('petition-import-dialog')
    await dialog.waitFor()
    await dialog.locator('input[type=file]').setInputFiles({
      name: '第三批信訪件辦理情況公開表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await handledTable(cases, city.county.name),
    })
    // The dry run reads the workbook on the server: seconds on a loaded machine.
    await dialog.getByTestId('petition-import-dryrun-table').waitFor({ timeout: 60_000 })
    // Only the two cases: the title, the two header rows and the notes are no rows.
    const counts = dialog.getByTestId('petition-import-counts')
    await expect(counts).toContainText(/共 2 行：新增 2 件/)
    await expect(counts).toContainText(/含办理情况 2 件/)
    await expect(counts).toContainText(/错误 0 处/)
    await expect(dialog.getByTestId('petition-import-error')).toHaveCount(0)
    // The dry run echoes each row's handling: 是否属实 in words and 处理和整改情况 as written.
    const echoed = dialog.getByTestId('petition-import-handling')
    await expect(echoed).toHaveCount(2)
    await expect(echoed.nth(0)).toContainText('属实')
    await expect(echoed.nth(0)).toContainText('已办结')
    await expect(echoed.nth(0)).toContainText(cases[0]!.measures)
    await expect(echoed.nth(1)).toContainText('部分属实')
    await expect(echoed.nth(1)).toContainText(cases[1]!.measures)
    await shot(page, 'petition-handled-dry-run')
    await dialog.getByTestId('petition-import-confirm').click()
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 })

    // Each case carries the handling the table stated, marked as imported.
    const { items } = await city.officeApi.call<{
      items: { id: string; receiptNo: string; status: string }[]
    }>('GET', `/petitions?batch=${batch.id}&limit=10`)
    expect(items.map((p) => p.receiptNo).sort()).toEqual(cases.map((c) => c.receiptNo).sort())
    const closed = items.find((p) => p.receiptNo === cases[0]!.receiptNo)
    expect(closed?.status).toBe('closed')
    await page.goto(`/petitions/${closed!.id}`)
    const handling = page.getByTestId('petition-handling')
    await expect(page.getByTestId('petition-handling-finding')).toHaveText('属实')
    await page.getByTestId('petition-handling-imported').waitFor()
    await expect(handling).toContainText(cases[0]!.investigation)
    await expect(handling).toContainText(cases[0]!.measures)
    await expect(handling).toContainText(cases[0]!.accountability)
    await shot(page, 'petition-handled-case')
  })
})
