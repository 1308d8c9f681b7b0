import type { PetitionImportBody, PetitionImportReport, PetitionImportRow } from '@rectify/schemas'
import type { DbOrTx } from '../../../db/client.js'
import { addDays } from '../../../lib/dates.js'
import { cellRef, type WorkbookSheet } from '../../../lib/workbook/index.js'
import { differences, isProtected } from './diff.js'
import { regionMatcher } from './fields.js'
import { rowHandling, type RowHandling } from './handling.js'
import { importRepository as repo } from './import.repository.js'
import type { Analysis, RowPlan } from './import.writer.js'
import { parseSheet } from './rows.js'

/**
 * Parses the sheet against the database: regions, remembered mappings, existing cases, the
 * repeat links chosen, the handling each row states and how each existing case differs — with
 * the office's keep/take choice where the case is reported, closed or published. On a commit
 * (`commit`: rows locked) a row that needs a choice and has none is an error.
 */
export async function analyse(
  db: DbOrTx,
  sheet: WorkbookSheet,
  body: PetitionImportBody,
  batch: { handedOn: string; handlingDays: number },
  commit: boolean,
): Promise<Analysis> {
  const [regions, remembered, allUnits] = await Promise.all([
    repo.regionUnits(db),
    repo.rememberedMappings(db),
    repo.handlingUnits(db),
  ])
  const parsed = parseSheet(sheet, {
    mapping: body.mapping ?? {},
    remembered,
    matchRegions: regionMatcher(regions),
  })
  const receipts = parsed.cases.map((c) => c.receiptNo).filter(Boolean)
  const existing = new Map((await repo.existing(db, receipts, commit)).map((r) => [r.receiptNo, r]))
  const repeats = chosenRepeats(parsed, existing, body, await known(db, body))
  // The handling each row states and how each existing case differs from its row.
  const published = await repo.publishedCaseIds(
    db,
    [...existing.values()].map((r) => r.id),
  )
  const byId = new Map(allUnits.map((u) => [u.id, u]))
  const unitRef = (id: string) => {
    const u = byId.get(id)
    return u ? { id: u.id, code: u.code, name: u.name } : null
  }
  const regionName = (ids: readonly string[]) =>
    ids.map((id) => byId.get(id)?.name ?? '').join('、')
  const mapped = new Set<string>(parsed.columns.filter((c) => c.field).map((c) => c.field!))
  const ctx = {
    matchUnit: regionMatcher(allUnits),
    unit: unitRef,
    columnOf: (f: string, label: string) =>
      parsed.columns.find((c) => c.field === f)?.header ?? label,
    cellOf: (f: string, row: number) => {
      const col = parsed.columns.find((c) => c.field === f)
      return col ? cellRef(row, col.index) : null
    },
    errors: parsed.errors,
  }
  const plans = new Map<number, RowPlan>()
  for (const c of parsed.cases) {
    const before = existing.get(c.receiptNo)
    const handling = rowHandling(c, before, ctx)
    const diffs = before ? differences(before, c, handling, mapped, regionName) : []
    const needsChoice = !!before && diffs.length > 0 && isProtected(before, published)
    const choice = needsChoice ? (body.choices?.[String(c.row)] ?? null) : null
    plans.set(c.row, { handling, differences: diffs, needsChoice, choice })
    if (commit && needsChoice && !choice) {
      c.valid = false
      parsed.errors.push({
        row: c.row,
        column: ctx.columnOf('receiptNo', '收件编号'),
        cell: ctx.cellOf('receiptNo', c.row),
        message: `信访件“${c.receiptNo}”已报送、已办结或已公开，本表内容与之不同：请选择保留原内容或采用表中内容`,
        messageEn: `Case "${c.receiptNo}" is reported, closed or published and the sheet differs: choose to keep it or take the sheet's text`,
      })
    }
  }
  parsed.errors.sort((a, b) => a.row - b.row)
  const rows: PetitionImportRow[] = parsed.cases.map((c) => {
    const plan = plans.get(c.row)!
    return {
      row: c.row,
      receiptNo: c.receiptNo,
      action: !c.valid ? 'error' : existing.has(c.receiptNo) ? 'update' : 'new',
      regionText: c.regionText,
      regions: c.regions.map((u) => ({ id: u.id, code: u.code, name: u.name })),
      reportedParty: c.reportedParty,
      address: c.address,
      domains: c.domains,
      complaint: c.complaint,
      keyCase: c.keyCase,
      finding: c.finding,
      hasComplainant: !!(c.complainantName || c.complainantContact),
      handling: echo(plan.handling),
      differences: plan.differences,
      needsChoice: plan.needsChoice,
      choice: plan.choice,
      repeatCandidates: [],
    }
  })
  const deadline = addDays(batch.handedOn, batch.handlingDays)
  return { sheetName: sheet.name, ...parsed, existing, repeats, plans, rows, deadline }
}

async function known(db: DbOrTx, body: PetitionImportBody) {
  return repo.existingIds(db, [...new Set(Object.values(body.repeats ?? {}))])
}

/**
 * Repeat links chosen in the dry run: the row must be in the sheet, the case must exist and
 * must not be the row's own case.
 */
function chosenRepeats(
  parsed: ReturnType<typeof parseSheet>,
  existing: Map<string, { id: string }>,
  body: PetitionImportBody,
  knownIds: Set<string>,
): Map<number, string> {
  const repeats = new Map<number, string>()
  for (const [rowText, id] of Object.entries(body.repeats ?? {})) {
    const row = Number(rowText)
    const c = parsed.cases.find((x) => x.row === row)
    const own = c && existing.get(c.receiptNo)?.id === id
    if (c && knownIds.has(id) && !own) {
      repeats.set(row, id)
      continue
    }
    if (c) c.valid = false
    parsed.errors.push({
      row: Math.max(1, row),
      column: '重复件',
      cell: null,
      message: own
        ? '不能将信访件关联为其自身的重复件'
        : c
          ? '所选的早前信访件不存在'
          : `第${row}行不是表中的信访件`,
      messageEn: own
        ? 'A case cannot repeat itself'
        : c
          ? 'The earlier case chosen does not exist'
          : `Row ${row} is not a case of the sheet`,
    })
  }
  return repeats
}

/** The handling as the dry run echoes it (without the internal unit id). */
function echo(h: RowHandling | null): PetitionImportRow['handling'] {
  if (!h) return null
  const { handlingUnitId: _u, ...rest } = h
  return rest
}

/** The report a dry run or a commit answers. */
export function report(
  a: Analysis,
  dryRun: boolean,
  imported: boolean,
  repeats: number,
): PetitionImportReport {
  const rows = a.rows
  return {
    dryRun,
    sheet: a.sheetName,
    columns: a.columns,
    missingFields: a.missingFields,
    // The rows were shown by the dry run; once written the counts say what happened.
    rows: imported ? [] : rows,
    errors: a.errors,
    counts: {
      rows: rows.length,
      new: rows.filter((r) => r.action === 'new').length,
      updated: rows.filter((r) => r.action === 'update').length,
      errors: a.errors.length,
      repeats,
      handled: rows.filter((r) => r.handling).length,
      needChoice: rows.filter((r) => r.needsChoice).length,
      unchanged: rows.filter(
        (r) =>
          r.action === 'update' &&
          !r.differences.length &&
          !(r.handling && a.existing.get(r.receiptNo)?.status === 'received') &&
          !a.repeats.has(r.row),
      ).length,
    },
    imported,
  }
}
