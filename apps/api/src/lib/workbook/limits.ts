/**
 * What a workbook may hold before the reader refuses it — checked before anything is inflated
 * (zip central directory, declared sheet dimension) and again while reading (row count), so a
 * small file that would inflate into gigabytes costs a few milliseconds and no memory.
 */
export interface WorkbookLimits {
  /** Bytes all parts together may inflate to (WORKBOOK_MAX_UNCOMPRESSED_BYTES, default 50 MB). */
  maxUncompressedBytes: number
  /** Rows a sheet may declare or hold (WORKBOOK_MAX_ROWS, default 100,000). */
  maxRows: number
  /** Columns a sheet may declare or hold (WORKBOOK_MAX_COLUMNS, default 200). */
  maxColumns: number
  /**
   * Largest inflated/compressed ratio of one part larger than 1 MB inflated. Deflate cannot
   * exceed about 1,032:1; real sheet XML stays well under 100:1, a zip bomb sits near the top.
   */
  maxRatio: number
}

export const DEFAULT_LIMITS: WorkbookLimits = {
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 200,
  maxRatio: 400,
}

/** Why a file is refused; every reason is a 422 with a message in Chinese and English. */
export type RefusalReason =
  | 'format' // not an .xlsx or .xls (an .et/.wps, a .csv, a PDF …)
  | 'unreadable' // looks like a workbook but its contents cannot be read
  | 'too_large' // inflates beyond maxUncompressedBytes or maxRatio
  | 'too_many_rows'
  | 'too_many_columns'
  | 'no_sheet'

/** The file is not a workbook the reader accepts; `message` (zh) and `messageEn` say what to do. */
export class WorkbookRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} (${messageEn})`)
  }
}

export const SAVE_AS_HINT = '请在 WPS/Excel 中另存为 .xlsx 或 .xls 后再导入'
export const SAVE_AS_HINT_EN = 'Save it as .xlsx or .xls in WPS or Excel, then import it'

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`

export const refuse = {
  format: (what: string, whatEn: string) =>
    new WorkbookRefusedError(
      'format',
      `${what}不是 Excel 工作簿（.xlsx 或 .xls）。${SAVE_AS_HINT}`,
      `${whatEn} is not an Excel workbook (.xlsx or .xls). ${SAVE_AS_HINT_EN}`,
    ),
  unreadable: (detail: string) =>
    new WorkbookRefusedError(
      'unreadable',
      `无法读取该工作簿（${detail}）。${SAVE_AS_HINT}`,
      `The workbook cannot be read (${detail}). ${SAVE_AS_HINT_EN}`,
    ),
  tooLarge: (limit: number) =>
    new WorkbookRefusedError(
      'too_large',
      `工作簿解压后超过 ${mb(limit)} 或压缩比异常，已拒绝读取；请删除多余的工作表、图片和空白格式后再导入`,
      `The workbook inflates beyond ${mb(limit)} or is compressed abnormally and was refused; remove extra sheets, images and blank formatting, then import it`,
    ),
  tooManyRows: (rows: number, limit: number) =>
    new WorkbookRefusedError(
      'too_many_rows',
      `工作表有 ${rows} 行，超过上限 ${limit} 行；请删除空白行或拆分后再导入`,
      `The sheet has ${rows} rows, more than the limit of ${limit}; delete blank rows or split it`,
    ),
  tooManyColumns: (cols: number, limit: number) =>
    new WorkbookRefusedError(
      'too_many_columns',
      `工作表有 ${cols} 列，超过上限 ${limit} 列；请删除多余的列后再导入`,
      `The sheet has ${cols} columns, more than the limit of ${limit}; delete the extra columns`,
    ),
  noSheet: () =>
    new WorkbookRefusedError('no_sheet', '工作簿中没有工作表', 'The workbook has no worksheet'),
}
