import type { ProgressImportField } from '@rectify/schemas'
import { PROGRESS_FIELDS } from './fields.js'

/** The template's columns, as monthly progress tables print them, with the field of each. */
const COLUMNS: [string, ProgressImportField, number, string][] = [
  ['序号', 'seq', 6, '行的顺序号，仅用于核对。'],
  [
    '问题编号',
    'code',
    14,
    '如“反馈问题第12项”“第12项”或“12”，在所选调度期的督察批次内对应问题；没有编号时按问题名称相似度对应，导入前逐行确认。',
  ],
  ['督察反馈问题', 'title', 40, '问题或整改任务的名称（可写全文）。'],
  [
    '责任单位',
    'unit',
    20,
    '报送进展的单位；写多个单位时取第一个与该问题有关的单位。整张表都是本单位的，可不填此列，导入时为整个文件选择单位。',
  ],
  ['整改进展', 'progress', 48, '本期做了什么、到了哪一步（必填）。'],
  [
    '是否完成',
    'completion',
    10,
    '已完成、基本完成、未完成或持续推进。“已完成”的问题将提示牵头单位申请验收，但不会改变问题状态。',
  ],
  ['完成进度', 'percent', 10, '百分比，如 80%。不填时：已完成按 100%，其余沿用问题当前进度。'],
  ['完成时限', 'deadline', 16, '仅作核对，不修改问题的整改时限（延期请走延期申请）。'],
  ['备注', 'note', 20, '随整改进展一并保存。'],
]

const EXAMPLES: string[][] = [
  [
    '1',
    '反馈问题第1项',
    '城区生活污水收集处理能力不足，部分污水直排入河。',
    '市住建局',
    '城南片区新建污水管网8.6公里，改造混接点96处；城南污水处理厂二期主体完工。',
    '未完成',
    '75%',
    '2026年12月底前',
    '',
  ],
  [
    '2',
    '反馈问题第2项',
    '部分建筑工地扬尘管控不到位，渣土车带泥上路问题突出。',
    '市住建局',
    '开展扬尘专项检查3轮，整改工地42个；渣土车动态监管平台上线运行。',
    '持续推进',
    '',
    '长期坚持',
    '',
  ],
]

/**
 * The downloadable progress-table template: title, 填报单位 line, header, two example rows and the
 * 填表人/联系电话 lines a real table ends with (the reader stops at them), and a sheet explaining
 * each column with the other names it is understood by.
 */
export async function buildTemplate(): Promise<Buffer> {
  // exceljs loads with the first template asked for, not at start.
  const { default: excel } = await import('exceljs')
  const wb = new excel.Workbook()
  wb.creator = 'Rectify'
  const ws = wb.addWorksheet('整改进展情况表')
  const width = COLUMNS.length
  ws.addRow(['XX县（市、区）XXXX年X月中央生态环境保护督察反馈问题整改进展情况表'])
  ws.mergeCells(1, 1, 1, width)
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.getRow(1).alignment = { horizontal: 'center' }
  ws.addRow(['填报单位（盖章）：                      填报日期：    年  月  日'])
  ws.mergeCells(2, 1, 2, width)
  const header = ws.addRow(COLUMNS.map((c) => c[0]))
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  for (const r of EXAMPLES) ws.addRow(r).alignment = { wrapText: true, vertical: 'top' }
  ws.addRow([])
  ws.addRow(['填表人：', '', '', '联系电话：'])
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c[2]))
  ws.views = [{ state: 'frozen', ySplit: 3 }]
  const notes = wb.addWorksheet('填写说明')
  notes.addRow(['列名', '填写说明', '也可识别的列名']).font = { bold: true }
  for (const [name, field, , text] of COLUMNS)
    notes.addRow([name, text, PROGRESS_FIELDS[field].join('、')]).alignment = {
      wrapText: true,
      vertical: 'top',
    }
  notes.getColumn(1).width = 14
  notes.getColumn(2).width = 80
  notes.getColumn(3).width = 48
  return Buffer.from(await wb.xlsx.writeBuffer())
}
