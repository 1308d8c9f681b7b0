/** exceljs for the browser tests that build a workbook: it lives with the API (its import tests use it). */
import { createRequire } from 'node:module'
import path from 'node:path'
import { repoRoot } from './system.mjs'

export interface Worksheet {
  addRow(values: unknown[]): void
  mergeCells(top: number, left: number, bottom: number, right: number): void
}
export interface Workbook {
  addWorksheet(name: string): Worksheet
  xlsx: { writeBuffer(): Promise<ArrayBuffer> }
}

export const ExcelJS = createRequire(path.join(repoRoot, 'apps/api/package.json'))('exceljs') as {
  Workbook: new () => Workbook
}
