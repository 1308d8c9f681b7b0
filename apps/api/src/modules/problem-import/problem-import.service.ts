import type { ProblemImportBody, ProblemImportReport } from '@rectify/schemas'
import type { Db, DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { shanghaiDate } from '../../lib/dates.js'
import { XLSX_TYPE } from '../../lib/xlsx-stream.js'
import { filesRepository, type FileRow } from '../files/files.repository.js'
import type { FileStore } from '../files/file-store.js'
import type { LightSettings } from '../problems/lights.js'
import { actsAsOffice } from '../problems/problems.access.js'
import { analyse, type Analysis, type ImportContext } from './analyse.js'
import { deadlineBase } from './deadline.js'
import { importRepository as repo } from './import.repository.js'
import { writeImport } from './import.writer.js'
import { normalizeHeader, readTaskSheet, UnreadableSheetError, type Sheet } from './sheet.js'

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
  ) {}

  /** 403 not the office, 404 round or file (someone else's, attached), 422 not a workbook. */
  async run(ctx: Ctx, roundId: string, body: ProblemImportBody): Promise<ProblemImportReport> {
    if (!actsAsOffice(ctx.actor)) throw forbidden('The problem list is imported by the office')
    const round = await repo.round(this.db, roundId)
    if (!round) throw notFound('Round')
    const file = await filesRepository.findById(this.db, body.fileId)
    if (!file || file.ownerType !== null || !ctx.actor.id || file.uploadedBy !== ctx.actor.id)
      throw notFound('File')
    if (file.mimeType !== XLSX_TYPE && !/\.xlsx$/i.test(file.name))
      throw new AppError('unprocessable', 'The file is not an Excel workbook (.xlsx)')
    const sheet = await this.sheet(file)
    const today = shanghaiDate()
    const base = deadlineBase(round.planApprovedDate, today)
    if (body.dryRun ?? true) {
      const a = analyse(sheet, body, await context(this.db, roundId, base))
      return report(a, true, false)
    }
    return this.db.transaction(async (tx) => {
      // The upload is locked with the rows: two commits of one file run one after the other,
      // and the second finds every problem there (unchanged).
      const [locked] = await filesRepository.lockAttachable(tx, [file.id], ctx.actor.id!)
      if (!locked) throw notFound('File')
      const a = analyse(sheet, body, await context(tx, roundId, base))
      const r = report(a, false, false)
      if (a.errors.length) return r
      // Nothing new or changed (the same file again): nothing is written, not even the audit.
      if (!r.counts.new && !r.counts.updated) return { ...r, imported: true }
      await writeImport(tx, ctx, {
        roundId,
        fileId: file.id,
        tasks: a.tasks,
        start: base.immediate,
        today,
        settings: this.settings,
        counts: r.counts,
      })
      await repo.remember(
        tx,
        Object.entries(body.mapping ?? {}).map(([h, f]) => [normalizeHeader(h), f]),
      )
      return { ...r, imported: true }
    })
  }

  private async sheet(file: FileRow): Promise<Sheet> {
    const chunks: Buffer[] = []
    for await (const chunk of await this.store.open(file.storageKey)) chunks.push(chunk as Buffer)
    try {
      return await readTaskSheet(Buffer.concat(chunks))
    } catch (err) {
      if (err instanceof UnreadableSheetError)
        throw new AppError('unprocessable', `The workbook cannot be read: ${err.message}`)
      throw err
    }
  }
}

/** Units, counties, remembered mappings and the round's problems: read once per import. */
async function context(
  db: DbOrTx,
  roundId: string,
  base: ImportContext['base'],
): Promise<ImportContext> {
  const [units, remembered, existing] = await Promise.all([
    repo.activeUnits(db),
    repo.remembered(db),
    repo.existing(db, roundId),
  ])
  return { units, counties: units.filter((u) => u.kind === 'county'), remembered, existing, base }
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
    counts: {
      tasks: a.rows.length,
      new: n('new'),
      updated: n('update'),
      unchanged: n('unchanged'),
      errors: a.errors.length,
      measures: a.rows.reduce((s, r) => s + r.measures.length, 0),
    },
    imported,
  }
}
