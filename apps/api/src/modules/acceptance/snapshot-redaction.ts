import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { acceptanceReviews, problems } from '../../db/schema/index.js'
import { ANONYMOUS, type Ctx } from '../../lib/context.js'
import type { JobDefinition } from '../../lib/jobs.js'
import { recordAudit } from '../audit/index.js'
import { snapshotSha256, type SnapshotContent } from './snapshot.js'

/** Reviews rewritten per transaction (one batch = one transaction with its audit entries). */
const BATCH = 200

/** A snapshot that still holds a responsible person's phone (one frozen before they were sealed). */
const HOLDS_PHONE = sql`${acceptanceReviews.snapshot} @? '$.problem.responsiblePersons[*].phone'`

/** The actor the redactions' audit entries name. */
const JOB_CTX: Ctx = {
  actor: { ...ANONYMOUS, type: 'cli', name: 'job:acceptance', cityWide: true },
  meta: { requestId: null, ip: null, userAgent: 'rectify-jobs' },
}

/**
 * Acceptance snapshots frozen before responsible persons' phones were sealed hold those phones
 * as the API returned them then, in clear (issue 18). New snapshots leave the phones out; this
 * rewrites the old ones the same way — each person without `phone`, nothing else changed — and
 * stores the snapshot's new SHA-256. A snapshot's hash is recorded in its review's audit entry
 * and may have been published, so the rewrite is itself audited: one
 * `acceptance.snapshot_redacted` entry per review (on its acceptance) with the old and the new hash, which is how
 * anyone holding the old hash finds why it no longer matches. Batches of BATCH reviews, rows
 * locked SKIP LOCKED (two instances never redact one twice); an interrupted run resumes with the
 * next. Resolves to the number redacted.
 */
export async function redactSnapshotPhones(
  db: Db,
  ctx: Ctx,
  signal?: AbortSignal,
): Promise<number> {
  let redacted = 0
  for (;;) {
    if (signal?.aborted) return redacted
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: acceptanceReviews.id,
          acceptanceId: acceptanceReviews.acceptanceId,
          level: acceptanceReviews.level,
          unitId: problems.leadUnitId,
          snapshot: acceptanceReviews.snapshot,
          sha256: acceptanceReviews.snapshotSha256,
        })
        .from(acceptanceReviews)
        .innerJoin(problems, eq(problems.id, acceptanceReviews.problemId))
        .where(HOLDS_PHONE)
        .orderBy(acceptanceReviews.id)
        .limit(BATCH)
        .for('update', { of: acceptanceReviews, skipLocked: true })
      if (!due.length) return 0
      const next = due.map((r) => {
        const content = withoutPhones(r.snapshot as SnapshotContent)
        return { id: r.id, snapshot: content, sha256: snapshotSha256(content) }
      })
      await tx.execute(sql`
        update acceptance_reviews t set snapshot = x.snapshot, snapshot_sha256 = x.sha256
          from jsonb_to_recordset(${JSON.stringify(next)}::jsonb)
            as x(id uuid, snapshot jsonb, sha256 text)
         where t.id = x.id`)
      await recordAudit(
        tx,
        ctx,
        ...due.map((r, i) => ({
          action: 'acceptance.snapshot_redacted',
          entityType: 'acceptance',
          entityId: r.acceptanceId,
          unitId: r.unitId,
          before: { review: r.id, level: r.level, snapshotSha256: r.sha256 },
          after: {
            review: r.id,
            level: r.level,
            snapshotSha256: next[i]!.sha256,
            removed: 'problem.responsiblePersons[].phone',
          },
        })),
      )
      return due.length
    })
    redacted += n
    if (n < BATCH) return redacted
  }
}

/** The snapshot with every responsible person's `phone` left out, all else as it was. */
function withoutPhones(content: SnapshotContent): SnapshotContent {
  const persons = content.problem.responsiblePersons.map((p) => {
    const { phone: _phone, ...rest } = p as typeof p & { phone?: unknown }
    return rest
  })
  return { ...content, problem: { ...content.problem, responsiblePersons: persons } }
}

/** The redaction as a job: it finds nothing to do once old snapshots are rewritten. */
export function snapshotRedactionJob(db: Db, everyMs: number): JobDefinition {
  return {
    name: 'redact-snapshot-phones',
    everyMs,
    run: async (signal) => {
      const n = await redactSnapshotPhones(db, JOB_CTX, signal)
      return n ? `${n} acceptance snapshot(s) redacted` : null
    },
  }
}
