import type { ImportCellError } from '@rectify/schemas'

/** How many accepted labels a missing column's message lists before it says "……". */
const SHOWN = 6

/** A column as a clerk knows it: its usual label, an English gloss, and the labels accepted. */
export interface RequiredColumn {
  label: string
  labelEn: string
  /** Labels the import reads as this column, most common first (the field dictionary's). */
  accepted: readonly string[]
}

/**
 * The error for a required column no header names: the column as the clerk knows it (问题/整改任务,
 * never the field's internal name) and the labels that would have been read as it, in Chinese
 * and English; it marks the first header row (`cell` null: the row, not a cell).
 */
export function missingColumnError(headerRow: number, c: RequiredColumn): ImportCellError {
  const accepted = [...new Set(c.accepted)].filter((l) => l !== c.label)
  const shown = accepted.slice(0, SHOWN)
  const more = accepted.length > shown.length
  const zh = shown.length ? `（可用列名：${shown.join('、')}${more ? '……' : ''}）` : ''
  const en = shown.length ? `; accepted headers: ${shown.join(', ')}${more ? ', …' : ''}` : ''
  return {
    row: headerRow,
    column: c.label,
    cell: null,
    message: `缺少必需的列“${c.label}”${zh}，请在表头中注明，或在列映射中把某一列对应为它`,
    messageEn: `Missing required column “${c.label}” (${c.labelEn}${en}): name it in the header or map a column to it`,
  }
}
