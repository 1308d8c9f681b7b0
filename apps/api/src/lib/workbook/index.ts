/**
 * The one workbook reader every import uses (problem list, petitions, progress tables). See
 * README.md beside this file for the API and what it understands.
 */
export { cellRef, columnIndex, columnLetter, parseRange } from './cells.js'
export {
  fieldMatcher,
  mapColumns,
  type ColumnLabels,
  type FieldDictionary,
  type FieldMapping,
  type TableColumn,
} from './fields.js'
export { findHeaderBlock, MergeIndex, type HeaderBlock } from './header.js'
export {
  DEFAULT_LIMITS,
  SAVE_AS_HINT,
  SAVE_AS_HINT_EN,
  WorkbookRefusedError,
  type RefusalReason,
  type WorkbookLimits,
} from './limits.js'
export { normalizeLabel, normalizeValue, toSimplified } from './normalize.js'
export { readWorkbook, workbookFormat } from './read.js'
export type { MergeRange, SheetRow, WorkbookSheet } from './sheet.js'
export {
  fieldCell,
  fieldValue,
  readTable,
  type SkippedRow,
  type Table,
  type TableOptions,
  type TableRecord,
} from './table.js'
export { missingColumnError, type RequiredColumn } from './missing.js'
export { inspectXlsx } from './zip-guard.js'
export { loadWorkbook, workbookLimits } from './load.js'
