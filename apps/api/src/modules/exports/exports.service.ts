import { and, eq, ne, sql } from 'drizzle-orm'
import type {
  ExportAccountabilityQuery,
  ExportMeasuresQuery,
  ExportPetitionsQuery,
  ExportReportsQuery,
} from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import {
  measures,
  petitionBatches,
  petitions,
  problems,
  progressReports,
} from '../../db/schema/index.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { likeEscape } from '../../lib/http.js'
import type { XlsxSink } from '../../lib/xlsx-stream.js'
import { accountabilityScope } from '../accountability/index.js'
import { accountabilityCountByUnit } from '../accountability/index.js'
import { recordAudit } from '../audit/index.js'
import { petitionScope } from '../petitions/index.js'
import { countPetitions } from '../petitions/index.js'
import { problemScope } from '../problems/index.js'
import { chineseDate } from '../../lib/dates.js'
import { periodName } from './exports.format.js'
import { exportsRepository as repo } from './exports.repository.js'
import { petitionsSheet } from './exports.disclosure.js'
import { accountabilitySheet, measuresSheet, reportsSheet } from './exports.sheets.js'
import { findUnitPath } from '../units/index.js'

/** What a route streams: the file name and the function that writes the workbook. */
export interface Export {
  filename: string
  build: (sink: XlsxSink) => Promise<void>
}

/** A unit filter naming no unit matches nothing (never everything). */
const NOWHERE = '/nowhere/'

/**
 * The streamed .xlsx exports of measures, progress reports, the petition disclosure table and
 * accountability counts. Each reads through the object scope of the list it mirrors
 * (problemScope, petitionScope, accountabilityScope) and writes an audit entry naming what was
 * exported, with which filters and how many rows, before the first byte is sent. The rows are
 * read from `readDb` (the replica when there is one: an export may be seconds behind the
 * ledger); the audit entry is written on the primary (`db`).
 */
export class ExportsService {
  constructor(
    private readonly db: Db,
    private readonly readDb: Db = db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The measures of the problems the caller sees (整改措施台账). */
  async measures(ctx: Ctx, q: ExportMeasuresQuery): Promise<Export> {
    const unitPath = q.unit ? await this.unitPath(q.unit) : undefined
    const where = and(
      problemScope(ctx.actor),
      q.round ? eq(problems.roundId, q.round) : undefined,
      unitPath
        ? sql`exists (select 1 from units mu where mu.id = ${measures.unitId} and mu.path like ${`${likeEscape(unitPath)}%`})`
        : undefined,
    )
    const today = shanghaiDate(this.clock())
    const rows = await repo.countMeasures(this.readDb, where)
    await this.audit(ctx, 'measures', { ...q }, rows)
    return {
      filename: `整改措施台账-${chineseDate(today)}.xlsx`,
      build: (sink) => measuresSheet(this.readDb, sink, where, today),
    }
  }

  /** The progress reports of a dispatch period on the problems the caller sees. */
  async reports(ctx: Ctx, q: ExportReportsQuery): Promise<Export> {
    const unitPath = q.unit ? await this.unitPath(q.unit) : undefined
    const where = and(
      problemScope(ctx.actor, sql`${progressReports.problemId}`),
      eq(progressReports.period, q.period),
      q.round ? eq(problems.roundId, q.round) : undefined,
      unitPath ? repo.reportUnitUnder(unitPath) : undefined,
    )
    const today = shanghaiDate(this.clock())
    const rows = await repo.countReports(this.readDb, where)
    await this.audit(ctx, 'reports', { ...q }, rows)
    return {
      filename: `整改进展报告-${periodName(q.period)}-${chineseDate(today)}.xlsx`,
      build: (sink) => reportsSheet(this.readDb, sink, where, q.period, today),
    }
  }

  /**
   * The disclosure table of the assigned cases the caller sees, in the columns cities publish
   * (with 序号, the investigation and the dates), in natural receipt order. Rows come
   * from the petitions repository's case list, whose columns leave the complainant out by
   * construction; the sheet names none of them either.
   */
  async petitions(ctx: Ctx, q: ExportPetitionsQuery): Promise<Export> {
    const scope = and(
      petitionScope(ctx.actor),
      // A case not yet handed to a unit has nothing to disclose.
      ne(petitions.status, 'received'),
      q.round
        ? sql`exists (select 1 from ${petitionBatches} rb where rb.id = ${petitions.batchId} and rb.round_id = ${q.round})`
        : undefined,
    )
    const today = shanghaiDate(this.clock())
    const filter = { scope, batch: q.batch, today }
    const rows = await countPetitions(this.readDb, filter)
    await this.audit(ctx, 'petitions', { ...q }, rows)
    return {
      filename: `信访件办理情况公开表-${chineseDate(today)}.xlsx`,
      build: (sink) => petitionsSheet(this.readDb, sink, filter, today),
    }
  }

  /** Accountability records by unit × form (问责情况统计), filtered like GET /accountability/counts. */
  async accountability(ctx: Ctx, q: ExportAccountabilityQuery): Promise<Export> {
    const unitPath = q.unit ? await this.unitPath(q.unit) : undefined
    const filter = { ...q, unitPath, scope: accountabilityScope(ctx.actor) }
    const counts = await accountabilityCountByUnit(this.readDb, filter)
    const today = shanghaiDate(this.clock())
    await this.audit(ctx, 'accountability', { ...q }, new Set(counts.map((c) => c.unitId)).size)
    return {
      filename: `问责情况统计-${chineseDate(today)}.xlsx`,
      build: (sink) => accountabilitySheet(sink, counts, q, today),
    }
  }

  private async unitPath(id: string): Promise<string> {
    return (await findUnitPath(this.readDb, id)) ?? NOWHERE
  }

  /** One audit entry per export: what, the filters as given, and how many rows it holds. */
  private async audit(ctx: Ctx, what: string, filters: object, rows: number): Promise<void> {
    await this.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'export.downloaded',
        entityType: 'export',
        entityId: null,
        after: { what, filters, rows },
      }),
    )
  }
}
