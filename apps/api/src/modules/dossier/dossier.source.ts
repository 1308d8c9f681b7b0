import type { DbOrTx } from '../../db/client.js'
import type { Actor } from '../../lib/context.js'
import { accountabilityScope } from '../accountability/index.js'
import { accountabilityOfProblem } from '../accountability/index.js'
import { noticesOfProblem } from '../notices/index.js'
import { visibleTo as noticeScope } from '../notices/index.js'
import {
  dossierRepository as repo,
  type DossierAuditRow,
  type DossierFile,
  type DossierProblem,
  type DossierReport,
} from './dossier.repository.js'
import { PROBLEM_OWNED } from '../files/index.js'

/** Rows per query for the parts that grow with a problem's life (bounded memory, few queries). */
export const PAGE = { reports: 50, files: 100, audit: 500 } as const

type Measure = Awaited<ReturnType<typeof repo.measures>>[number]
type Milestone = Awaited<ReturnType<typeof repo.milestones>>[number]
type Acceptance = Awaited<ReturnType<typeof repo.acceptances>>[number]
type AcceptanceReview = Awaited<ReturnType<typeof repo.acceptanceReviews>>[number]
type Publicity = Awaited<ReturnType<typeof repo.publicities>>[number]
type Objection = Awaited<ReturnType<typeof repo.objections>>[number]
type Closeout = Awaited<ReturnType<typeof repo.closeouts>>[number]
type ReboundReview = Awaited<ReturnType<typeof repo.reboundReviews>>[number]
type Accountability = Awaited<ReturnType<typeof accountabilityOfProblem>>[number]
type Notice = Awaited<ReturnType<typeof noticesOfProblem>>[number]

/**
 * The records of a problem that stay small whatever its age: the plan, acceptance applications,
 * publicity notices, close-outs and rebound reviews (a few rows each), loaded whole.
 */
export interface DossierFacts {
  problem: DossierProblem
  measures: (Measure & { milestones: Milestone[] })[]
  acceptances: (Acceptance & { reviews: AcceptanceReview[]; files: DossierFile[] })[]
  publicities: (Publicity & { objections: Objection[] })[]
  closeouts: Closeout[]
  reboundReviews: (ReboundReview & { files: DossierFile[] })[]
  /** Supervision notices naming the problem that the exporting actor may read (督办单). */
  notices: Notice[]
  /** Accountability records for the problem that the exporting actor may read (问责). */
  accountability: Accountability[]
}

export type ReportWithFiles = DossierReport & { files: DossierFile[] }

/** Where an evidence file sits in the archive: `evidence/<owner type>-<owner id>/<file id>-<name>`. */
export function evidencePath(file: DossierFile): string {
  // Names were sanitised on upload; a separator or control character still must not make a folder.
  const name = file.name.replace(/[/\\\p{Cc}]/gu, '_').slice(0, 150) || 'file'
  return `evidence/${file.ownerType}-${file.ownerId}/${file.id}-${name}`
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>()
  for (const row of rows) {
    const list = out.get(key(row)) ?? []
    list.push(row)
    out.set(key(row), list)
  }
  return out
}

/**
 * Loads the small records of the problem (a fixed number of queries). Accountability records
 * are scoped like everywhere else: a unit's export carries only its own subtree's.
 */
export async function loadFacts(
  db: DbOrTx,
  problem: DossierProblem,
  actor: Actor,
): Promise<DossierFacts> {
  const id = problem.id
  const [
    measures,
    acceptances,
    reviews,
    publicities,
    closeouts,
    rebounds,
    accountability,
    notices,
  ] = await Promise.all([
    repo.measures(db, id),
    repo.acceptances(db, id),
    repo.acceptanceReviews(db, id),
    repo.publicities(db, id),
    repo.closeouts(db, id),
    repo.reboundReviews(db, id),
    accountabilityOfProblem(db, id, accountabilityScope(actor)),
    noticesOfProblem(db, id, noticeScope(actor)),
  ])
  const [milestones, acceptanceFiles, reboundFiles, objections] = await Promise.all([
    repo.milestones(
      db,
      measures.map((m) => m.id),
    ),
    repo.filesOf(
      db,
      id,
      'acceptance',
      acceptances.map((a) => a.id),
    ),
    repo.filesOf(
      db,
      id,
      'rebound_review',
      rebounds.map((r) => r.id),
    ),
    repo.objections(
      db,
      publicities.map((p) => p.id),
    ),
  ])
  const milestonesOf = groupBy(milestones, (m) => m.measureId)
  const reviewsOf = groupBy(reviews, (r) => r.acceptanceId)
  const filesOf = groupBy([...acceptanceFiles, ...reboundFiles], (f) => f.ownerId)
  const objectionsOf = groupBy(objections, (o) => o.publicityId)
  return {
    problem,
    measures: measures.map((m) => ({ ...m, milestones: milestonesOf.get(m.id) ?? [] })),
    acceptances: acceptances.map((a) => ({
      ...a,
      reviews: reviewsOf.get(a.id) ?? [],
      files: filesOf.get(a.id) ?? [],
    })),
    publicities: publicities.map((p) => ({ ...p, objections: objectionsOf.get(p.id) ?? [] })),
    closeouts,
    reboundReviews: rebounds.map((r) => ({ ...r, files: filesOf.get(r.id) ?? [] })),
    notices,
    accountability,
  }
}

/** The problem's progress reports with their evidence, oldest first, a page at a time. */
export async function* reportPages(
  db: DbOrTx,
  problemId: string,
  size: number = PAGE.reports,
): AsyncGenerator<ReportWithFiles[]> {
  let after: string | null = null
  for (;;) {
    const page = await repo.reportsPage(db, problemId, after, size)
    if (!page.length) return
    const files = groupBy(
      await repo.filesOf(
        db,
        problemId,
        'report',
        page.map((r) => r.id),
      ),
      (f) => f.ownerId,
    )
    yield page.map((r) => ({ ...r, files: files.get(r.id) ?? [] }))
    if (page.length < size) return
    after = page[page.length - 1]!.id
  }
}

/**
 * Every evidence file of the problem, by id: the files of its records that are read like the
 * problem (files.service.ts PROBLEM_OWNED). Public-report photos stay out: only city-wide
 * users may read those, and a dossier is read like the problem.
 */
export async function* evidenceFiles(
  db: DbOrTx,
  problemId: string,
  size: number = PAGE.files,
): AsyncGenerator<DossierFile> {
  let after: string | null = null
  for (;;) {
    const page = await repo.filesPage(db, problemId, [...PROBLEM_OWNED], after, size)
    yield* page
    if (page.length < size) return
    after = page[page.length - 1]!.id
  }
}

/** Every audit entry of the problem's timeline, oldest first. */
export async function* auditEntries(
  db: DbOrTx,
  problemId: string,
  size: number = PAGE.audit,
): AsyncGenerator<DossierAuditRow> {
  let after = 0n
  for (;;) {
    const page = await repo.auditPage(db, problemId, after, size)
    yield* page
    if (page.length < size) return
    after = page[page.length - 1]!.seq
  }
}

/**
 * Fields of a public report's audit entry that belong to the reporter — who they are, how to
 * reach them, the tracking code that opens their report — for the office alone, never exported.
 */
const REPORTER_FIELDS = ['name', 'contact', 'trackingCode']

function withoutReporter(entityType: string, v: unknown): unknown {
  if (entityType !== 'public_report' || !v || typeof v !== 'object') return v
  const out = { ...(v as Record<string, unknown>) }
  for (const f of REPORTER_FIELDS) delete out[f]
  return out
}

/**
 * audit.jsonl in chunks of whole lines (about 64 KB each): one JSON object per entry with its
 * place in the hash chain. A public report's reporter fields are left out.
 */
export async function* auditJsonl(db: DbOrTx, problemId: string): AsyncGenerator<string> {
  let chunk = ''
  for await (const e of auditEntries(db, problemId)) {
    chunk += `${JSON.stringify({
      seq: e.seq.toString(),
      at: e.at.toISOString(),
      actor: { type: e.actorType, id: e.actorId, name: e.actorName },
      action: e.action,
      entity: { type: e.entityType, id: e.entityId },
      before: withoutReporter(e.entityType, e.before),
      after: withoutReporter(e.entityType, e.after),
      prevHash: e.prevHash,
      hash: e.hash,
    })}\n`
    if (chunk.length >= 64 * 1024) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}
