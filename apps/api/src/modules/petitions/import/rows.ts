import type {
  ImportCellError,
  ImportColumn,
  PetitionFinding,
  PetitionImportField,
  PROBLEM_DOMAINS,
} from '@rectify/schemas'
import {
  FIELD_LABELS,
  REQUIRED_EN,
  REQUIRED_FIELDS,
  parseCount,
  parseClosure,
  parseDomains,
  parseFines,
  parseFinding,
  parseKeyCase,
  parseReceipt,
  parseText,
  HEADER_SYNONYMS,
  type Closure,
  type Parsed,
  type RegionUnit,
} from './fields.js'
import {
  cellRef,
  missingColumnError,
  readTable,
  type FieldMapping,
  type TableColumn,
  type WorkbookSheet,
} from '../../../lib/workbook/index.js'

type Mapping = FieldMapping<PetitionImportField>

/** One sheet row read into a case (what was readable; `valid` false when a cell has an error). */
export interface ParsedCase {
  row: number
  valid: boolean
  seq: string
  receiptNo: string
  regionText: string
  regions: RegionUnit[]
  reportedParty: string
  address: string
  domains: (typeof PROBLEM_DOMAINS)[number][]
  complaint: string
  keyCase: boolean
  complainantName: string
  complainantContact: string
  finding: PetitionFinding | null
  measures: string
  investigation: string
  accountability: string
  /** 是否办结 / 办结情况 as the sheet states it (null: no such column, or blank). */
  closure: Closure | null
  /** 办理单位 as written. */
  handlingUnitText: string
  ordersToRectify: number | null
  casesFiled: number | null
  finesWan: number | null
  detained: number | null
  talkedTo: number | null
  heldAccountable: number | null
}

export interface ParsedSheet {
  /** Excel row number of the header row (0 when none was found). */
  headerRow: number
  columns: ImportColumn[]
  missingFields: PetitionImportField[]
  cases: ParsedCase[]
  errors: ImportCellError[]
}

const toImportColumn = (c: TableColumn<PetitionImportField>): ImportColumn => ({
  index: c.index,
  header: c.header,
  field: c.field,
  by: c.by,
})

/**
 * Reads the sheet's rows into cases, checking every cell: errors name the Excel row and the
 * column as headed in the sheet, in Chinese and English. A receipt number seen on an earlier
 * row of the same file is an error on the later row.
 */
export function parseSheet(
  sheet: WorkbookSheet,
  opts: {
    mapping: Mapping
    remembered: ReadonlyMap<string, PetitionImportField | null>
    matchRegions: (text: string) => Parsed<RegionUnit[]>
  },
): ParsedSheet {
  // Merged data cells repeat their value: a region merged down several cases applies to each.
  const table = readTable<PetitionImportField>(sheet, {
    fields: HEADER_SYNONYMS,
    mapping: opts.mapping,
    remembered: opts.remembered,
    merged: 'fill',
  })
  if (!table) {
    const missing = [...REQUIRED_FIELDS]
    return {
      headerRow: 0,
      columns: [],
      missingFields: missing,
      cases: [],
      errors: [
        {
          row: 1,
          column: '',
          cell: null,
          message: '未找到表头行：至少需要两列可识别的列名（如“收件编号”“交办问题基本情况”）',
          messageEn: 'No header row found: at least two known column names are needed',
        },
      ],
    }
  }
  const headerRow = table.headerRows[0]!
  const columns = table.columns.map(toImportColumn)
  const byField = new Map(columns.filter((c) => c.field).map((c) => [c.field!, c]))
  const missingFields = REQUIRED_FIELDS.filter((f) => !byField.has(f))
  const errors: ImportCellError[] = missingFields.map((f) =>
    missingColumnError(headerRow, {
      label: FIELD_LABELS[f],
      labelEn: REQUIRED_EN[f] ?? f,
      accepted: HEADER_SYNONYMS[f],
    }),
  )
  const seen = new Map<string, number>()
  const cases: ParsedCase[] = []
  for (const { rowNo, cells } of table.records) {
    let valid = true
    const cell = (f: PetitionImportField) => {
      const c = byField.get(f)
      return c ? (cells[c.index] ?? '').trim() : ''
    }
    const take = <T>(f: PetitionImportField, r: Parsed<T>, fallback: T): T => {
      if (r.ok) return r.value
      valid = false
      const c = byField.get(f)
      errors.push({
        row: rowNo,
        column: c?.header ?? FIELD_LABELS[f],
        cell: c ? cellRef(rowNo, c.index) : null,
        message: r.message,
        messageEn: r.messageEn,
      })
      return fallback
    }
    const text = (f: PetitionImportField, max: number, en: string) =>
      take(f, parseText(cell(f), max, byField.get(f)?.header ?? FIELD_LABELS[f], en), '')
    // A total (合计) or note (注：…) line names no case: skip it rather than report it.
    if (!cell('receiptNo') && !cell('complaint') && !cell('reportedParty') && !cell('address'))
      continue
    const receiptNo = byField.has('receiptNo')
      ? take('receiptNo', parseReceipt(cell('receiptNo')), '')
      : ''
    if (receiptNo && seen.has(receiptNo)) {
      take(
        'receiptNo',
        {
          ok: false,
          message: `收件编号“${receiptNo}”与第${seen.get(receiptNo)}行重复`,
          messageEn: `Receipt number "${receiptNo}" repeats row ${seen.get(receiptNo)}`,
        },
        '',
      )
    } else if (receiptNo) seen.set(receiptNo, rowNo)
    const complaint = text('complaint', 10000, 'The complaint')
    if (byField.has('complaint') && !complaint)
      take(
        'complaint',
        { ok: false, message: '交办问题基本情况不能为空', messageEn: 'The complaint is required' },
        '',
      )
    const regionText = text('region', 200, 'The region')
    cases.push({
      row: rowNo,
      valid,
      seq: cell('seq'),
      receiptNo,
      regionText,
      regions: regionText ? take('region', opts.matchRegions(regionText), []) : [],
      reportedParty: text('reportedParty', 300, 'The reported party'),
      address: text('address', 300, 'The address'),
      domains: take('domain', parseDomains(cell('domain')), []),
      complaint,
      keyCase: take('keyCase', parseKeyCase(cell('keyCase')), false),
      complainantName: text('complainantName', 100, "The complainant's name"),
      complainantContact: text('complainantContact', 100, "The complainant's contact"),
      finding: take('finding', parseFinding(cell('finding')), null),
      measures: text('measures', 5000, 'The handling and rectification'),
      investigation: text('investigation', 5000, 'The investigation'),
      accountability: text('accountability', 2000, 'The accountability'),
      closure: take('closure', parseClosure(cell('closure')), null),
      handlingUnitText: text('handlingUnit', 200, 'The handling unit'),
      ordersToRectify: take('ordersToRectify', parseCount(cell('ordersToRectify')), null),
      casesFiled: take('casesFiled', parseCount(cell('casesFiled')), null),
      finesWan: take('finesWan', parseFines(cell('finesWan')), null),
      detained: take('detained', parseCount(cell('detained')), null),
      talkedTo: take('talkedTo', parseCount(cell('talkedTo')), null),
      heldAccountable: take('heldAccountable', parseCount(cell('heldAccountable')), null),
    })
    cases[cases.length - 1]!.valid = valid
  }
  return { headerRow, columns, missingFields, cases, errors }
}
