/**
 * Helpers the import dialog shares with its composable and tests: where each error sits in the
 * dry-run table, which columns still need the user's choice, and whether the import may go ahead.
 */
import type {
  ImportCellError,
  PetitionImportChoice,
  PetitionImportField,
  PetitionImportReport,
} from '@rectify/schemas'

/** The table columns a cell error can be shown in (fields the dry-run table displays). */
export const TABLE_FIELDS = [
  'receiptNo',
  'region',
  'reportedParty',
  'address',
  'domain',
  'complaint',
  'keyCase',
] as const satisfies readonly PetitionImportField[]

/** Errors by row and field; errors of a column the table does not show are kept under `other`. */
export interface ErrorIndex {
  cell(row: number, field: string): ImportCellError[]
  row(row: number): ImportCellError[]
}

/** Indexes the report's errors by row and by the field their column maps to. */
export function indexErrors(report: PetitionImportReport | null): ErrorIndex {
  const byCell = new Map<string, ImportCellError[]>()
  const byRow = new Map<number, ImportCellError[]>()
  const fieldOf = new Map((report?.columns ?? []).map((c) => [c.header, c.field]))
  for (const e of report?.errors ?? []) {
    const field = fieldOf.get(e.column) ?? 'other'
    const key = `${e.row}|${(TABLE_FIELDS as readonly string[]).includes(field) ? field : 'other'}`
    byCell.set(key, [...(byCell.get(key) ?? []), e])
    byRow.set(e.row, [...(byRow.get(e.row) ?? []), e])
  }
  return {
    cell: (row, field) => byCell.get(`${row}|${field}`) ?? [],
    row: (row) => byRow.get(row) ?? [],
  }
}

/** Columns the user is asked about: unknown ones, and those the user has already mapped. */
export function columnsToAsk(report: PetitionImportReport | null) {
  return (report?.columns ?? []).filter((c) => c.by !== 'synonym')
}

/** Keep/take choices by row number, as the commit sends them. */
export type Choices = Readonly<Record<string, PetitionImportChoice>>

/** Rows whose reported, closed or published case differs and that have no keep/take yet. */
export function pendingChoices(report: PetitionImportReport | null, choices: Choices): number[] {
  return (report?.rows ?? [])
    .filter((r) => r.needsChoice && !choices[String(r.row)])
    .map((r) => r.row)
}

/** The choices to send: only rows of the current report that need one. */
export function chosenChoices(report: PetitionImportReport | null, choices: Choices) {
  const out: Record<string, PetitionImportChoice> = {}
  for (const r of report?.rows ?? []) {
    const c = choices[String(r.row)]
    if (r.needsChoice && c) out[String(r.row)] = c
  }
  return out
}

/**
 * The import may be confirmed: a report with rows, not one error, and a keep/take for every
 * case that needs one.
 */
export function canCommit(report: PetitionImportReport | null, choices: Choices = {}): boolean {
  return (
    !!report &&
    report.errors.length === 0 &&
    report.rows.length > 0 &&
    pendingChoices(report, choices).length === 0
  )
}

/** The repeat links to send: only rows still in the report, each to a candidate it offers. */
export function chosenRepeats(
  report: PetitionImportReport | null,
  chosen: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const r of report?.rows ?? []) {
    const id = chosen[String(r.row)]
    if (id && r.repeatCandidates.some((c) => c.id === id)) out[String(r.row)] = id
  }
  return out
}

/**
 * A compared value as the user reads it: codes (finding, closure, domains, key case) in words,
 * a blank named. `t` is vue-i18n's.
 */
export function differenceValue(t: (key: string) => string, field: string, v: string): string {
  if (!v) return t('petitionImport.blank')
  if (field === 'finding') return t(`petition.findings.${v}`)
  if (field === 'closure') return t(`petitionImport.closures.${v}`)
  if (field === 'domains')
    return v
      .split('、')
      .map((x) => t(`problem.domains.${x}`))
      .join('、')
  if (field === 'keyCase') return v === 'true' ? t('petitionImport.keyCase') : '—'
  return v
}
