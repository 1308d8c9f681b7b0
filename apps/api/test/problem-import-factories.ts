import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { upload } from './evidence-factories.js'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface SheetSpec {
  /** Rows above the header (附件1, the plan's title). */
  above?: string[][]
  headers: string[]
  rows: (string | number)[][]
  /** Merges as [top, left, bottom, right] in 1-based sheet coordinates. */
  merges?: [number, number, number, number][]
}

/** A task table as a published plan lays it out, as .xlsx bytes. */
export async function taskSheet(spec: SheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('任务清单')
  for (const r of spec.above ?? []) ws.addRow(r)
  ws.addRow(spec.headers)
  for (const r of spec.rows) ws.addRow(r)
  for (const [t, l, b, r] of spec.merges ?? []) ws.mergeCells(t, l, b, r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Uploads workbook bytes as `token`'s user and answers the file id. */
export async function uploadXlsx(
  app: FastifyInstance,
  token: string,
  data: Buffer,
  name = '任务清单.xlsx',
) {
  const res = await upload(app, token, { filename: name, data, contentType: XLSX })
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`)
  return res.json<{ id: string }>().id
}

/** The text rows of a workbook's first sheet (for reading an export back in a test). */
export async function readRows(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data as unknown as ArrayBuffer)
  const out: string[][] = []
  wb.worksheets[0]!.eachRow((row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (c) => cells.push(c.text))
    out.push(cells)
  })
  return out
}
