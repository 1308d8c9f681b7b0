import type { FieldCipher } from '../../../lib/crypto/field-cipher.js'
import type { PetitionImportBody, PetitionImportReport } from '@rectify/schemas'
import type { Db } from '../../../db/client.js'
import { forbidden, notFound } from '../../../errors.js'
import type { Ctx } from '../../../lib/context.js'
import { loadWorkbook, type WorkbookLimits } from '../../../lib/workbook/index.js'
import {
  annotateWorkbook,
  annotatedFileName,
  marksOf,
  readAll,
} from '../../../lib/xlsx-annotate.js'
import { actsAsPetitionOffice } from '../petitions.access.js'
import { findRepeatCandidates } from '../petitions.repeats.js'
import { importRepository as repo } from './import.repository.js'
import { analyse, report } from './analyse.js'
import { writeImport } from './import.writer.js'
import { findUpload, lockUploads, type FileStore } from '../../files/index.js'

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
    private readonly cipher: FieldCipher,
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
    const file = await findUpload(this.db, body.fileId, ctx.actor)
    if (!file) throw notFound('File')
    const sheet = await loadWorkbook(await this.store.open(file.storageKey), this.limits)
    if (body.dryRun ?? true) {
      const a = await analyse(this.db, sheet, body, batch, false)
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
      const [locked] = await lockUploads(tx, [file.id], ctx.actor.id!)
      if (!locked) throw notFound('File')
      const a = await analyse(tx, sheet, body, batch, true)
      if (a.errors.length) return report(a, false, false, 0)
      const linked = await writeImport(tx, ctx, {
        batch,
        fileId: file.id,
        body,
        analysis: a,
        cipher: this.cipher,
      })
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
    const file = await findUpload(this.db, body.fileId, ctx.actor)
    if (!file) throw notFound('File')
    const bytes = await readAll(await this.store.open(file.storageKey))
    return {
      filename: annotatedFileName(file.name),
      content: await annotateWorkbook(bytes, marksOf(r.errors), this.limits),
    }
  }
}
