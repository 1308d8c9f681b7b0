import type { ProgressImportBody, ProgressImportReport } from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import {
  loadWorkbook,
  normalizeLabel,
  readTable,
  type WorkbookLimits,
  type WorkbookSheet,
} from '../../lib/workbook/index.js'
import { annotateWorkbook, annotatedFileName, marksOf, readAll } from '../../lib/xlsx-annotate.js'
import { recordAuditMany, type AuditEvent } from '../audit/index.js'
import { findDispatchPeriod, type DispatchPeriodRow } from '../dispatch/index.js'
import { notifyEach, unitRecipients } from '../inbox/index.js'
import { actsAsOffice } from '../problems/index.js'
import type { ReportsService } from '../reports/index.js'
import { PROGRESS_FIELDS } from './fields.js'
import { progressImportRepository as repo } from './progress-import.repository.js'
import { resolveRows, type PlannedReport } from './resolve.js'
import { columnCell, columnLabel, parseRows, type ProgressTable } from './rows.js'
import { unitMatcher } from './units.js'
import { findUpload, lockUploads, type FileStore } from '../files/index.js'

type Analysis = Omit<ProgressImportReport, 'dryRun' | 'imported' | 'reportIds' | 'counts'> & {
  planned: PlannedReport[]
}

/**
 * The import of a monthly progress table (整改进展情况表) into a dispatch period: each row becomes
 * a progress report of its unit, submitted by the office on the unit's behalf through the reports
 * module's front door (ReportsService.submitOnBehalfIn: the same rules, event and audit entry as
 * a unit's own report, marked 由整改办代为报送) and reviewed like any other. A dry run writes
 * nothing; the commit writes every report in one transaction, or nothing when any row has an
 * error. 已完成 proposes the problem for acceptance to its lead unit (an inbox message), never
 * moves it. The office only, from a workbook it uploaded itself and has not attached.
 */
export class ProgressImportService {
  constructor(
    private readonly db: Db,
    private readonly store: FileStore,
    private readonly reports: ReportsService,
    private readonly limits: WorkbookLimits,
  ) {}

  /**
   * 403 not the office, 404 period or file, 409 closed period, 422 not an .xlsx or .xls workbook
   * (by content) or one beyond the workbook limits.
   */
  async run(ctx: Ctx, periodId: string, body: ProgressImportBody): Promise<ProgressImportReport> {
    if (!actsAsOffice(ctx.actor) || !ctx.actor.id)
      throw forbidden('Progress tables are imported by the office')
    const period = await findDispatchPeriod(this.db, periodId)
    if (!period) throw notFound('Dispatch period')
    const file = await findUpload(this.db, body.fileId, ctx.actor)
    if (!file) throw notFound('File')
    const sheet = await loadWorkbook(await this.store.open(file.storageKey), this.limits)
    if (body.dryRun ?? true) {
      ensureOpen(period)
      return report(await this.analyse(this.db, period, sheet, body), true, [])
    }
    return this.db.transaction(async (tx) => {
      // The period is locked against closing, the upload against a second commit of itself.
      const locked = await findDispatchPeriod(tx, periodId, true)
      ensureOpen(locked!)
      const [own] = await lockUploads(tx, [file.id], ctx.actor.id!)
      if (!own) throw notFound('File')
      const a = await this.analyse(tx, period, sheet, body)
      // Refused, or nothing to report (every row skipped or already reported): nothing written.
      if (a.errors.length || !a.planned.length) return report(a, false, [])
      const reportIds: string[] = []
      for (const p of a.planned)
        reportIds.push(
          (await this.reports.submitOnBehalfIn(tx, ctx, p.problem.id, p.unit.id, p.body)).id,
        )
      const proposals = a.planned.flatMap((p, i) =>
        p.proposesAcceptance ? [{ ...p, reportId: reportIds[i]! }] : [],
      )
      const messages = await notifyEach(
        tx,
        await Promise.all(
          proposals.map(async (p) => ({
            userIds: await unitRecipients(tx, p.problem.leadUnitId),
            message: {
              kind: 'acceptance',
              title: `单位报告已完成，建议申请验收：${p.problem.code}`,
              body: `${p.unit.name}在“${period.title}”进展表中报告“${p.problem.title}”已完成（由整改办代为报送，待审核）。请核实后申请验收。`,
              link: `/problems/${p.problem.id}`,
              entityType: 'problem',
              entityId: p.problem.id,
            },
          })),
        ),
      )
      await repo.remember(
        tx,
        Object.entries(body.mapping ?? {}).map(([h, f]) => [normalizeLabel(h), f]),
      )
      const events: AuditEvent[] = proposals.map((p, i) => ({
        action: 'problem.acceptance_proposed',
        entityType: 'problem',
        entityId: p.problem.id,
        unitId: p.problem.leadUnitId,
        after: {
          problemId: p.problem.id,
          reportId: p.reportId,
          unitId: p.unit.id,
          period: period.period,
          submittedOnBehalf: true,
          messages: messages[i] ?? 0,
        },
      }))
      const r = report(a, false, reportIds)
      events.push({
        action: 'progress_import.committed',
        entityType: 'dispatch_period',
        entityId: period.id,
        after: {
          fileId: file.id,
          fileName: file.name,
          sheet: a.sheet,
          period: period.period,
          submittedOnBehalf: true,
          reports: a.planned.map((p, i) => ({
            row: p.row,
            reportId: reportIds[i],
            problemId: p.problem.id,
            unitId: p.unit.id,
            percent: p.body.percent,
          })),
          proposals: proposals.map((p) => p.problem.id),
          counts: r.counts,
        },
      })
      await recordAuditMany(tx, ctx, events)
      return r
    })
  }

  /**
   * The upload with the dry run's errors (light red) and warnings (yellow) marked in its cells,
   * each with a note (批注), as an .xlsx to download (lib/xlsx-annotate.ts). The same checks and
   * answers as `run`; writes nothing.
   */
  async errorsWorkbook(
    ctx: Ctx,
    periodId: string,
    body: ProgressImportBody,
  ): Promise<{ filename: string; content: Buffer }> {
    const r = await this.run(ctx, periodId, { ...body, dryRun: true })
    const file = await findUpload(this.db, body.fileId, ctx.actor)
    if (!file) throw notFound('File')
    const bytes = await readAll(await this.store.open(file.storageKey))
    return {
      filename: annotatedFileName(file.name),
      content: await annotateWorkbook(bytes, marksOf(r.errors, r.warnings), this.limits),
    }
  }

  private async analyse(
    db: DbOrTx,
    period: DispatchPeriodRow,
    sheet: WorkbookSheet,
    body: ProgressImportBody,
  ): Promise<Analysis> {
    const remembered = await repo.remembered(db)
    const table = readTable(sheet, {
      fields: PROGRESS_FIELDS,
      mapping: body.mapping ?? {},
      remembered,
    })
    const t: ProgressTable = table ?? { sheet: sheet.name, columns: [], records: [] }
    const parsed = parseRows(t)
    if (!table)
      parsed.errors.unshift({
        row: 1,
        column: '表头',
        cell: null,
        message: '找不到表头：表头应有“问题”（或“问题编号”）和“整改进展”等列名',
        messageEn:
          'No header found: it should name columns such as 问题 (or 问题编号) and 整改进展',
      })
    const [problems, units] = await Promise.all([
      repo.roundProblems(db, period.roundId),
      repo.activeUnits(db),
    ])
    const byId = new Map(units.map((u) => [u.id, u]))
    const fileUnit = body.unitId ? (byId.get(body.unitId) ?? null) : null
    if (body.unitId && !fileUnit)
      throw new AppError('unprocessable', 'The unit chosen for the file does not exist', {
        errors: [{ path: '/unitId', message: 'no such active unit' }],
      })
    const candidates = await repo.titleCandidates(
      db,
      period.roundId,
      parsed.rows.map((r) => r.title),
    )
    const resolved = await resolveRows(parsed.rows, parsed.errors, {
      problems,
      units: byId,
      matchUnits: unitMatcher(units),
      fileUnit,
      choices: body.rows ?? {},
      candidates,
      period: period.period,
      refusal: (p, u) => this.reports.onBehalfRefusal(db, p, u),
      reported: (ids) => repo.reported(db, period.period, ids),
      label: (f) => columnLabel(t, f),
      cell: (f, row) => columnCell(t, f, row),
    })
    const rowNos = new Set(parsed.rows.map((r) => r.row))
    return {
      sheet: t.sheet,
      period: { id: period.id, period: period.period, title: period.title },
      columns: t.columns.map((c) => ({
        index: c.index,
        header: c.header,
        field: c.field,
        by: c.by,
      })),
      missingFields: parsed.missing,
      rows: resolved.rows,
      // Header-level errors (a missing column) first, then the rows' own.
      errors: [...parsed.errors.filter((e) => !rowNos.has(e.row)), ...resolved.errors],
      warnings: resolved.warnings,
      planned: resolved.planned,
    }
  }
}

function ensureOpen(period: { status: string; title: string }) {
  if (period.status !== 'open')
    throw new AppError('conflict', `The dispatch period ${period.title} is closed`)
}

function report(a: Analysis, dryRun: boolean, reportIds: string[]): ProgressImportReport {
  const { planned, ...rest } = a
  const n = (action: string) => a.rows.filter((r) => r.action === action).length
  return {
    ...rest,
    dryRun,
    counts: {
      rows: a.rows.length,
      reports: planned.length,
      skipped: n('skip'),
      duplicates: n('duplicate'),
      unconfirmed: a.rows.filter((r) => r.match.by === 'title' && r.action !== 'skip').length,
      proposals: planned.filter((p) => p.proposesAcceptance).length,
      errors: a.errors.length,
    },
    imported: !dryRun && !a.errors.length,
    reportIds,
  }
}
