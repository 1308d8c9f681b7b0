import type { ProblemImportBody, ProblemImportReport } from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { forbidden, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { loadWorkbook, normalizeLabel, type WorkbookLimits } from '../../lib/workbook/index.js'
import { annotateWorkbook, annotatedFileName, marksOf, readAll } from '../../lib/xlsx-annotate.js'
import type { LightSettings } from '../problems/index.js'
import { actsAsOffice } from '../problems/index.js'
import { analyse, type Analysis, type ImportContext } from './analyse.js'
import { AnalysisCache, analysisKey } from './analysis-cache.js'
import { createStagedUnits, stageUnits } from './new-units.js'
import { deadlineBase } from './deadline.js'
import { importRepository as repo } from './import.repository.js'
import { writeImport } from './import.writer.js'
import { findUpload, lockUploads, type FileStore } from '../files/index.js'

/**
 * The import of a problem list (问题清单 / 整改任务表) into a round: a dry run reads every task
 * and writes nothing; the commit writes every task in one transaction, or nothing when any cell
 * has an error. Tasks are matched to the round's problems by code: a problem is updated only when
 * something differs, so importing a round's ledger export again changes nothing. The office only,
 * from a workbook it uploaded itself and has not attached (the upload stays unattached: it is the
 * office's working copy, readable by its uploader).
 */
export class ProblemImportService {
  constructor(
    private readonly db: Db,
    private readonly store: FileStore,
    private readonly settings: LightSettings,
    private readonly limits: WorkbookLimits,
  ) {}

  /** Dry runs' analyses, for the commit that follows (analysis-cache.ts). */
  private readonly analyses = new AnalysisCache()

  /**
   * 403 not the office, 404 round or file (someone else's, attached), 422 not an .xlsx or .xls
   * workbook (by content) or one beyond the workbook limits.
   */
  async run(ctx: Ctx, roundId: string, body: ProblemImportBody): Promise<ProblemImportReport> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('The problem list is imported by the office')
    const round = await repo.round(this.db, roundId)
    if (!round) throw notFound('Round')
    const file = await findUpload(this.db, body.fileId, ctx.actor)
    if (!file) throw notFound('File')
    const readSheet = async () => loadWorkbook(await this.store.open(file.storageKey), this.limits)
    const today = shanghaiDate()
    const dates = {
      base: deadlineBase(round.planApprovedDate, today),
      today,
      feedbackDate: round.feedbackDate,
    }
    const key = analysisKey({
      fileId: file.id,
      sha256: file.sha256,
      roundId,
      // findUpload found the actor's own upload: the actor has an id.
      actorId: ctx.actor.id!,
      dates,
      body,
    })
    if (body.dryRun ?? true) {
      const sheet = await readSheet()
      const c = await context(this.db, roundId, dates, body)
      const a = analyse(sheet, body, c)
      if (!a.errors.length) this.analyses.put(key, c, a)
      return report(a, true, false)
    }
    return this.db.transaction(async (tx) => {
      // The upload is locked with the rows: two commits of one file run one after the other,
      // and the second finds every problem there (unchanged).
      const [locked] = await lockUploads(tx, [file.id], ctx.actor.id!)
      if (!locked) throw notFound('File')
      const fresh = await context(tx, roundId, dates, body)
      // The dry run's analysis when what it read is unchanged, else the workbook read again.
      const kept = this.analyses.take(key, fresh)
      const c = kept?.context ?? fresh
      const a = kept?.analysis ?? analyse(await readSheet(), body, c)
      const r = report(a, false, false)
      // Errors, or warnings not acknowledged: nothing is written (the route answers 422).
      if (a.errors.length || r.counts.unacknowledged) return r
      // Nothing new or changed (the same file again): nothing is written, not even the audit.
      if (!r.counts.new && !r.counts.updated) return { ...r, rows: [], imported: true }
      // Units the sheet names that the office chose to create: first, through the units module.
      await createStagedUnits(tx, ctx, r.newUnits, c, file.id)
      await writeImport(tx, ctx, {
        roundId,
        fileId: file.id,
        tasks: a.tasks,
        start: dates.base.immediate,
        today,
        settings: this.settings,
        counts: r.counts,
      })
      await repo.remember(
        tx,
        Object.entries(body.mapping ?? {}).map(([h, f]) => [normalizeLabel(h), f]),
      )
      // The rows were shown by the dry run; once written the counts say what happened.
      return { ...r, rows: [], imported: true }
    })
  }

  /**
   * The upload with the dry run's errors and warnings marked in its cells (fill and 批注), as an
   * .xlsx to download (lib/xlsx-annotate.ts). The same checks and answers as `run`; writes nothing.
   */
  async errorsWorkbook(
    ctx: Ctx,
    roundId: string,
    body: ProblemImportBody,
  ): Promise<{ filename: string; content: Buffer }> {
    const r = await this.run(ctx, roundId, { ...body, dryRun: true })
    const file = await findUpload(this.db, body.fileId, ctx.actor)
    if (!file) throw notFound('File')
    const bytes = await readAll(await this.store.open(file.storageKey))
    const marks = marksOf(r.errors, r.warnings)
    return {
      filename: annotatedFileName(file.name),
      content: await annotateWorkbook(bytes, marks, this.limits),
    }
  }
}

/** Units (and those to create), remembered mappings and the round's problems: read once. */
async function context(
  db: DbOrTx,
  roundId: string,
  dates: Pick<ImportContext, 'base' | 'today' | 'feedbackDate'>,
  body: ProblemImportBody,
): Promise<ImportContext> {
  const [units, remembered, existing] = await Promise.all([
    repo.activeUnits(db),
    repo.remembered(db),
    repo.existing(db, roundId),
  ])
  const byId = new Map(units.map((u) => [u.id, u]))
  return {
    units,
    byId,
    counties: units.filter((u) => u.kind === 'county'),
    pending: stageUnits(body.createUnits ?? {}, units, byId),
    remembered,
    existing,
    ...dates,
  }
}

function report(a: Analysis, dryRun: boolean, imported: boolean): ProblemImportReport {
  const n = (action: string) => a.rows.filter((r) => r.action === action).length
  return {
    dryRun,
    sheet: a.sheet,
    columns: a.columns,
    missingFields: a.missingFields,
    rows: a.rows,
    errors: a.errors,
    warnings: a.warnings,
    newUnits: newUnits(a),
    counts: {
      tasks: a.rows.length,
      new: n('new'),
      updated: n('update'),
      unchanged: n('unchanged'),
      errors: a.errors.length,
      warnings: a.warnings.length,
      unacknowledged: a.warnings.filter((w) => !w.acknowledged).length,
      measures: a.rows.reduce((s, r) => s + r.measures.length, 0),
    },
    imported,
  }
}

/** The staged units some row of the sheet names (a staged name no row uses is not created). */
function newUnits(a: Analysis): ProblemImportReport['newUnits'] {
  const out = new Map<string, ProblemImportReport['newUnits'][number]>()
  for (const r of a.rows)
    for (const u of r.units) if (u.create) out.set(u.text, { name: u.text, ...u.create })
  return [...out.values()]
}
