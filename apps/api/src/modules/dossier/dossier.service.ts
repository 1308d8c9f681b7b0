import type { Readable } from 'node:stream'
import type { Db } from '../../db/client.js'
import { notFound } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { recordAudit } from '../audit/index.js'
import { problemScope } from '../problems/index.js'
import { renderHtml } from './dossier.html.js'
import { dossierRepository as repo } from './dossier.repository.js'
import { auditJsonl, evidenceFiles, loadFacts, reportPages } from './dossier.source.js'
import { DOSSIER_GENERATOR, zipDossier } from './dossier.zip.js'
import type { FileStore } from '../files/index.js'

/** A dossier ready to send: its file name and the zip, produced as it is read. */
export interface DossierDownload {
  /** `一案一档-<problem code>.zip`, with characters no file system takes replaced. */
  filename: string
  problemId: string
  stream: Readable
}

/**
 * The dossier (一案一档): everything about one problem in one archive for the file room and
 * auditors — a printable summary, every evidence file, the audit trail and a manifest of hashes.
 * Read like the problem; each export is itself audited.
 */
export class DossierService {
  constructor(
    private readonly db: Db,
    private readonly store: FileStore,
  ) {}

  async export(ctx: Ctx, problemId: string): Promise<DossierDownload> {
    const problem = await repo.problem(this.db, problemId, problemScope(ctx.actor))
    if (!problem) throw notFound('Problem')
    const generatedAt = new Date()
    // Committed before the first byte: an export the client abandons half-way still happened.
    await this.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'problem.dossier_exported',
        entityType: 'problem',
        entityId: problem.id,
        unitId: problem.leadUnitId,
        after: { code: problem.code, generator: DOSSIER_GENERATOR.version },
      }),
    )
    // The small records now, so a failure here is still an ordinary error response.
    const facts = await loadFacts(this.db, problem, ctx.actor)
    const stream = zipDossier({
      problem: { id: problem.id, code: problem.code, title: problem.title },
      generatedAt,
      html: () =>
        renderHtml({
          facts,
          reports: () => reportPages(this.db, problem.id),
          generatedAt,
          generatedBy: ctx.actor.name,
        }),
      evidence: () => evidenceFiles(this.db, problem.id),
      audit: () => auditJsonl(this.db, problem.id),
      open: (file) => this.store.open(file.storageKey),
    })
    return {
      filename: `一案一档-${problem.code.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')}.zip`,
      problemId: problem.id,
      stream,
    }
  }
}
