import type { PetitionImportBody, PetitionImportReport, PetitionImportRow } from '@rectify/schemas'
import type { Db, DbOrTx } from '../../../db/client.js'
import { forbidden, notFound } from '../../../errors.js'
import type { Ctx } from '../../../lib/context.js'
import {
  loadWorkbook,
  type WorkbookLimits,
  type WorkbookSheet,
} from '../../../lib/workbook/index.js'
import {
  annotateWorkbook,
  annotatedFileName,
  marksOf,
  readAll,
} from '../../../lib/xlsx-annotate.js'
import { filesRepository } from '../../files/files.repository.js'
import type { FileStore } from '../../files/file-store.js'
import { actsAsPetitionOffice } from '../petitions.access.js'
import { findRepeatCandidates } from '../petitions.repeats.js'
import { regionMatcher } from './fields.js'
import { importRepository as repo } from './import.repository.js'
import { writeImport, type Analysis } from './import.writer.js'
import { parseSheet } from './rows.js'

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The import of a batch's .xlsx (交办信访件): a dry run checks every row and writes nothing;
 * the commit writes every row in one transaction, or nothing when any row has an error. Only
 * the office imports, and only a workbook it uploaded itself and has not attached yet.
 */
export class PetitionImportService {
  constructor(
    private readonly db: Db,
    private readonly store: FileStore,
    private readonly limits: WorkbookLimits,
  ) {}

  /**
   * 403 not the office, 404 batch or file (someone else's, attached), 422 not an .xlsx or .xls
   * workbook (by content) or one beyond the workbook limits.
   */
  async run(ctx: Ctx, batchId: string, body: PetitionImportBody): Promise<PetitionImportReport> {
    if (!actsAsPetitionOffice(ctx.actor))
      throw forbidden('Petition cases are imported by the office')
    const batch = await repo.findBatch(this.db, batchId)
    if (!batch) throw notFound('Petition batch')
    const file = await filesRepository.findById(this.db, body.fileId)
    if (!file || file.ownerType !== null || !ctx.actor.id || file.uploadedBy !== ctx.actor.id)
      throw notFound('File')
    const sheet = await loadWorkbook(await this.store.open(file.storageKey), this.limits)
    if (body.dryRun ?? true) {
      const a = await analyse(this.db, sheet, body, false)
      const probes = a.cases.map((c) => ({
        reportedParty: c.reportedParty,
        address: c.address,
        complaint: c.complaint,
        excludeId: a.existing.get(c.receiptNo)?.id ?? null,
      }))
      const candidates = await findRepeatCandidates(this.db, probes)
      a.rows.forEach((r, i) => (r.repeatCandidates = candidates[i] ?? []))
      return report(a, true, false, a.rows.filter((r) => r.repeatCandidates.length).length)
    }
    return this.db.transaction(async (tx) => {
      // The file is locked with the rows: two commits of one upload cannot both attach it.
      const [locked] = await filesRepository.lockAttachable(tx, [file.id], ctx.actor.id!)
      if (!locked) throw notFound('File')
      const a = await analyse(tx, sheet, body, true)
      if (a.errors.length) return report(a, false, false, 0)
      const linked = await writeImport(tx, ctx, { batch, fileId: file.id, body, analysis: a })
      return report(a, false, true, linked)
    })
  }

  /**
   * The upload with the dry run's errors marked in its cells (fill and 批注), as an .xlsx to
   * download (lib/xlsx-annotate.ts). The same checks and answers as `run`; writes nothing.
   */
  async errorsWorkbook(
    ctx: Ctx,
    batchId: string,
    body: PetitionImportBody,
  ): Promise<{ filename: string; content: Buffer }> {
    const r = await this.run(ctx, batchId, { ...body, dryRun: true })
    const file = (await filesRepository.findById(this.db, body.fileId))!
    const bytes = await readAll(await this.store.open(file.storageKey))
    return {
      filename: annotatedFileName(file.name),
      content: await annotateWorkbook(bytes, marksOf(r.errors), this.limits),
    }
  }
}

/** Parses the sheet against the database: regions, remembered mappings, existing cases, repeats. */
async function analyse(
  db: DbOrTx,
  sheet: WorkbookSheet,
  body: PetitionImportBody,
  lock: boolean,
): Promise<Analysis> {
  const [regions, remembered] = await Promise.all([
    repo.regionUnits(db),
    repo.rememberedMappings(db),
  ])
  const parsed = parseSheet(sheet, {
    mapping: body.mapping ?? {},
    remembered,
    matchRegions: regionMatcher(regions),
  })
  const receipts = parsed.cases.map((c) => c.receiptNo).filter(Boolean)
  const existing = new Map((await repo.existing(db, receipts, lock)).map((r) => [r.receiptNo, r]))
  // Repeat links chosen in the dry run: the row must be in the sheet, the case must exist and
  // must not be the row's own case.
  const repeats = new Map<number, string>()
  const chosen = Object.entries(body.repeats ?? {})
  const known = await repo.existingIds(db, [...new Set(chosen.map(([, id]) => id))])
  for (const [rowText, id] of chosen) {
    const row = Number(rowText)
    const c = parsed.cases.find((x) => x.row === row)
    const own = c && existing.get(c.receiptNo)?.id === id
    if (c && known.has(id) && !own) {
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
  parsed.errors.sort((a, b) => a.row - b.row)
  const rows: PetitionImportRow[] = parsed.cases.map((c) => ({
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
    repeatCandidates: [],
  }))
  return { sheetName: sheet.name, ...parsed, existing, repeats, rows }
}

function report(
  a: Analysis,
  dryRun: boolean,
  imported: boolean,
  repeats: number,
): PetitionImportReport {
  return {
    dryRun,
    sheet: a.sheetName,
    columns: a.columns,
    missingFields: a.missingFields,
    rows: a.rows,
    errors: a.errors,
    counts: {
      rows: a.rows.length,
      new: a.rows.filter((r) => r.action === 'new').length,
      updated: a.rows.filter((r) => r.action === 'update').length,
      errors: a.errors.length,
      repeats,
    },
    imported,
  }
}
