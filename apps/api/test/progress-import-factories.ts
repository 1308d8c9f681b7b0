import ExcelJS from 'exceljs'

/** One data row of a monthly progress table, by column. */
export interface ProgressRowSpec {
  code?: string
  title?: string
  unit?: string
  progress?: string
  completion?: string
  percent?: string
  deadline?: string
  note?: string
}

export interface ProgressSheetSpec {
  /** The title row (merged across the table). */
  title?: string
  /** A 填报单位 line under the title. */
  reporter?: string
  /**
   * `two-row`: 序号 | 问题编号 | 反馈问题 | 责任单位 | 整改情况 (merged over 整改进展 | 是否完成 |
   * 完成进度) | 完成时限 | 备注, the single-row columns merged down over both header rows.
   * `one-row`: the same leaves in one row. `closure`: 整改完成情况 instead of 整改进展, no 完成进度.
   */
  layout?: 'two-row' | 'one-row' | 'closure'
  /** Leave the 责任单位 column out (a unit's own table). */
  noUnitColumn?: boolean
  rows: ProgressRowSpec[]
  /** The lines under the table (填表人、联系电话 …); default one such line. */
  notes?: string[]
}

/**
 * A progress table as units send them every month (整改进展情况表), as .xlsx bytes: a title row,
 * a 填报单位 line, a header of one or two rows with a merged group cell, the rows, and the notes
 * lines under the table.
 */
export async function progressSheet(spec: ProgressSheetSpec): Promise<Buffer> {
  const layout = spec.layout ?? 'two-row'
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('进展情况')
  const cols: [string, keyof ProgressRowSpec | null, string | null][] = [
    ['序号', null, null],
    ['问题编号', 'code', null],
    ['反馈问题', 'title', null],
    ...(spec.noUnitColumn ? [] : [['责任单位', 'unit', null] as [string, 'unit', null]]),
    [layout === 'closure' ? '整改完成情况' : '整改进展', 'progress', '整改情况'],
    ['是否完成', 'completion', '整改情况'],
    ...(layout === 'closure'
      ? []
      : [['完成进度', 'percent', '整改情况'] as [string, 'percent', string]]),
    ['完成时限', 'deadline', null],
    ['备注', 'note', null],
  ]
  const width = cols.length
  ws.addRow([spec.title ?? 'XX县2026年11月中央环保督察反馈问题整改进展情况表'])
  ws.mergeCells(1, 1, 1, width)
  ws.addRow([spec.reporter ?? '填报单位：甲县人民政府（盖章）        填报日期：2026年11月28日'])
  ws.mergeCells(2, 1, 2, width)
  if (layout === 'two-row') {
    ws.addRow(cols.map(([leaf, , group]) => group ?? leaf))
    ws.addRow(cols.map(([leaf, , group]) => (group ? leaf : '')))
    const first = cols.findIndex((c) => c[2]) + 1
    const last = cols.length - [...cols].reverse().findIndex((c) => c[2])
    ws.mergeCells(3, first, 3, last)
    cols.forEach((c, i) => {
      if (!c[2]) ws.mergeCells(3, i + 1, 4, i + 1)
    })
  } else ws.addRow(cols.map(([leaf]) => leaf))
  spec.rows.forEach((r, i) =>
    ws.addRow(cols.map(([, key]) => (key ? (r[key] ?? '') : String(i + 1)))),
  )
  ws.addRow([])
  for (const line of spec.notes ?? [
    '填表人：张伟        审核人：李娜        联系电话：0791-86123456',
  ])
    ws.addRow([line])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
