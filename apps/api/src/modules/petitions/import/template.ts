import type ExcelJS from 'exceljs'
import { FIELD_LABELS, HEADER_SYNONYMS } from './fields.js'

/** The columns of a handover sheet, in the order inspection teams send them. */
export const STANDARD_HEADERS = [
  '序号',
  '收件编号',
  '行政区域',
  '被反映对象',
  '被反映对象地址',
  '污染类型',
  '交办问题基本情况',
  '重点件',
  '信访人',
  '联系方式',
] as const

const WIDTHS: Record<string, number> = {
  序号: 6,
  收件编号: 22,
  行政区域: 12,
  被反映对象: 26,
  被反映对象地址: 28,
  污染类型: 12,
  交办问题基本情况: 60,
  重点件: 8,
  信访人: 10,
  联系方式: 16,
}

export interface SheetLayout {
  /** The title row above the table, merged across it. */
  title: string
  /** Header texts as written (may contain line breaks). */
  headers: readonly string[]
  /** Data rows: numbers stay numbers (as Excel users type them), the rest text. */
  rows: readonly (string | number | null)[][]
}

/**
 * Writes a one-table workbook the way handover sheets look: a merged title row, a bold wrapped
 * header row, then the rows. The template and the sample generator both write through it.
 */
export async function tableWorkbook(
  layout: SheetLayout,
  sheetName = '交办信访件',
): Promise<ExcelJS.Workbook> {
  // exceljs loads with the first template or sample, not at start.
  const { default: excel } = await import('exceljs')
  const wb = new excel.Workbook()
  wb.creator = 'Rectify'
  const ws = wb.addWorksheet(sheetName)
  ws.addRow([layout.title])
  ws.mergeCells(1, 1, 1, layout.headers.length)
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.getRow(1).alignment = { horizontal: 'center' }
  const header = ws.addRow([...layout.headers])
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  layout.headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = WIDTHS[h.replace(/\s+/gu, '')] ?? 14
  })
  for (const r of layout.rows) ws.addRow(r.map((v) => (v === null ? '' : v)))
  return wb
}

/**
 * The import template (GET /petitions/import-template): title row, the standard header row, one
 * example row, and a second sheet explaining every column the importer reads and its synonyms.
 */
export async function buildTemplate(): Promise<Buffer> {
  const wb = await tableWorkbook({
    title: '第二轮中央生态环境保护督察第X批交办信访件',
    headers: STANDARD_HEADERS,
    rows: [
      [
        1,
        'X3HB202406020025',
        '临湖县',
        '临湖县某某化工有限公司',
        '临湖县湖滨镇工业园区',
        '大气、噪声',
        '群众反映该公司夜间生产时排放刺鼻异味，设备噪声扰民，严重影响周边居民休息。',
        '是',
        '张某',
        '138****0000',
      ],
    ],
  })
  const help = wb.addWorksheet('填写说明')
  help.addRow(['列名', '可识别的列名', '填写说明'])
  help.getRow(1).font = { bold: true }
  help.getColumn(1).width = 18
  help.getColumn(2).width = 50
  help.getColumn(3).width = 70
  for (const [field, note] of NOTES)
    help.addRow([FIELD_LABELS[field], HEADER_SYNONYMS[field].join('、'), note])
  help.addRow([])
  help.addRow([
    '说明',
    '',
    '标题行可有可无；列名中的换行和空格会被忽略；无法识别的列在导入预检时可手动指定对应字段，系统会记住该选择。',
  ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const NOTES: [keyof typeof FIELD_LABELS, string][] = [
  ['seq', '可选，仅作参考。'],
  [
    'receiptNo',
    '必填，全市唯一，按文本保存（如 X3HB202406020025、D2ZGHJ202108310001）；同一编号在后续批次再次交办时更新原信访件。',
  ],
  ['region', '县（市、区）名称，可省略“县/区/市”；多地联合办理时用顿号分隔，如“江东区、临湖县”。'],
  ['reportedParty', '被反映的企业、单位或个人。'],
  ['address', '被反映对象所在地址。'],
  [
    'domain',
    '大气、水、土壤、固废、生态、噪声、海洋、其他（亦可写废气、扬尘、污水、垃圾等）；多个用顿号分隔。',
  ],
  ['complaint', '必填，交办问题基本情况。'],
  ['keyCase', '是/否，空白视为否。'],
  ['complainantName', '仅整改办和承办单位可见，不公开。'],
  ['complainantContact', '仅整改办和承办单位可见，不公开。'],
  ['finding', '可选：属实、基本属实、部分属实、不属实（或是/否）。'],
  ['measures', '可选，处理和整改情况。'],
  ['accountability', '可选，问责情况。'],
  ['ordersToRectify', '可选，整数（家）；空白表示未填写，不视为0。'],
  ['casesFiled', '可选，整数（家）；空白不视为0。'],
  ['finesWan', '可选，罚款金额，单位万元；空白不视为0。'],
  ['detained', '可选，整数（人）。'],
  ['talkedTo', '可选，整数（人）。'],
  ['heldAccountable', '可选，整数（人）。'],
]
