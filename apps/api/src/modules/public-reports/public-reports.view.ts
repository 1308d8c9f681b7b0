import type { FieldCipher } from '../../lib/crypto/field-cipher.js'
import type { PublicReport, PublicReportStatus } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import type { Actor } from '../../lib/context.js'
import {
  publicReportsRepository as repo,
  type PublicReportRow,
} from './public-reports.repository.js'
import { filesOf, toFileInfo } from '../files/index.js'

/** The sealed reporter columns (lib/crypto/sealed-columns.ts), named as associated data. */
export const NAME_COLUMN = 'public_reports.name'
export const CONTACT_COLUMN = 'public_reports.contact'

/** Only the office sees who reported and how to reach them (not leaders, auditors or clients). */
export function seesContact(actor: Actor): boolean {
  return actor.type === 'user' && actor.roles.includes('office')
}

/** Rows → the office's PublicReport, a page at a time (problems and photos in one query each). */
export async function toPublicReports(
  db: DbOrTx,
  cipher: FieldCipher,
  rows: readonly PublicReportRow[],
  actor: Actor,
): Promise<PublicReport[]> {
  if (!rows.length) return []
  const problemIds = [...new Set(rows.flatMap((r) => (r.problemId ? [r.problemId] : [])))]
  const [problems, photos] = await Promise.all([
    repo.problems(db, problemIds),
    filesOf(
      db,
      'public_report',
      rows.map((r) => r.id),
    ),
  ])
  const contact = seesContact(actor)
  return rows.map((r) => {
    const p = problems.find((x) => x.id === r.problemId)
    return {
      id: r.id,
      trackingCode: r.trackingCode,
      reporterType: r.reporterType as PublicReport['reporterType'],
      name: contact ? cipher.openNullable(r.name, NAME_COLUMN) : null,
      contact: contact ? cipher.openNullable(r.contact, CONTACT_COLUMN) : null,
      content: r.content,
      problem: p ? { id: p.id, code: p.code, title: p.title } : null,
      status: r.status as PublicReport['status'],
      publicityId: r.publicityId,
      ruling: r.ruling as PublicReport['ruling'],
      rulingReason: r.rulingReason,
      reply: r.reply,
      repliedAt: r.repliedAt?.toISOString() ?? null,
      createdProblemId: r.createdProblemId,
      photos: photos.filter((f) => f.ownerId === r.id).map(toFileInfo),
      intake:
        r.clientId && r.externalId
          ? {
              clientId: r.clientId,
              externalId: r.externalId,
              addressString: r.address,
              lat: r.latitude,
              long: r.longitude,
            }
          : null,
      createdAt: r.createdAt.toISOString(),
      version: r.version,
    }
  })
}

export async function toPublicReport(
  db: DbOrTx,
  cipher: FieldCipher,
  row: PublicReportRow,
  actor: Actor,
) {
  return (await toPublicReports(db, cipher, [row], actor))[0]!
}

/**
 * What the reporter sees with the tracking code: whether someone is on it and the public reply.
 * The problem only when it is published; nothing of the office's handling beyond that.
 */
export async function toTrackingStatus(
  db: DbOrTx,
  r: PublicReportRow,
): Promise<PublicReportStatus> {
  const problemId = r.problemId ?? r.createdProblemId
  const [p] = problemId ? await repo.problems(db, [problemId]) : []
  return {
    trackingCode: r.trackingCode,
    createdAt: r.createdAt.toISOString(),
    status: r.reply !== null ? 'replied' : r.status === 'new' ? 'received' : 'in_handling',
    reply: r.reply,
    repliedAt: r.repliedAt?.toISOString() ?? null,
    problem: p?.public ? { code: p.code, title: p.title } : null,
  }
}

/** The audit entry's record of a report: never the reporter's name or contact. */
export function auditView(r: PublicReportRow): Record<string, unknown> {
  return {
    trackingCode: r.trackingCode,
    reporterType: r.reporterType,
    hasName: r.name !== null,
    hasContact: r.contact !== null,
    status: r.status,
    problemId: r.problemId,
    publicityId: r.publicityId,
    ruling: r.ruling,
    rulingReason: r.rulingReason,
    reply: r.reply,
    createdProblemId: r.createdProblemId,
  }
}
