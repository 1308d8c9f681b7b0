import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { petitions } from '../../db/schema/index.js'
import type { Ctx } from '../../lib/context.js'
import { recordAudit } from '../audit/index.js'

/** Cases whose complainant is erased per transaction (one batch = one transaction). */
const BATCH = 500

/**
 * Retention of complainant identities (issue 18): a case closed more than `days` ago loses its
 * complainant's name, contact and their blind indexes; `complainant_erased_at` says when, and
 * one `petition.complainant_erased` audit entry per case records it (never the values). The
 * case, its handling, call-back and history are kept. Batches of BATCH cases, each one
 * transaction with its audit entries, rows locked SKIP LOCKED so two instances never erase the
 * same case twice; an interrupted run resumes at the next. Resolves to the number erased.
 */
export async function eraseExpiredComplainants(
  db: Db,
  ctx: Ctx,
  days: number,
  signal?: AbortSignal,
): Promise<number> {
  let erased = 0
  for (;;) {
    if (signal?.aborted) return erased
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: petitions.id,
          receiptNo: petitions.receiptNo,
          handlingUnitId: petitions.handlingUnitId,
          closedAt: petitions.closedAt,
        })
        .from(petitions)
        .where(
          and(
            eq(petitions.status, 'closed'),
            lt(petitions.closedAt, sql`now() - make_interval(days => ${days})`),
            isNull(petitions.complainantErasedAt),
            or(
              sql`${petitions.complainantName} <> ''`,
              sql`${petitions.complainantContact} <> ''`,
              sql`${petitions.complainantNameIndex} <> ''`,
              sql`${petitions.complainantContactIndex} <> ''`,
            ),
          ),
        )
        .orderBy(petitions.closedAt)
        .limit(BATCH)
        .for('update', { skipLocked: true })
      if (!due.length) return 0
      const rows = await tx
        .update(petitions)
        .set({
          complainantName: '',
          complainantContact: '',
          complainantNameIndex: '',
          complainantContactIndex: '',
          complainantErasedAt: sql`now()`,
        })
        .where(
          sql`${petitions.id} in (${sql.join(
            due.map((d) => sql`${d.id}`),
            sql`, `,
          )})`,
        )
        .returning({ id: petitions.id, erasedAt: petitions.complainantErasedAt })
      const at = new Map(rows.map((r) => [r.id, r.erasedAt!.toISOString()]))
      await recordAudit(
        tx,
        ctx,
        ...due.map((d) => ({
          action: 'petition.complainant_erased',
          entityType: 'petition',
          entityId: d.id,
          unitId: d.handlingUnitId,
          after: {
            receiptNo: d.receiptNo,
            closedAt: d.closedAt!.toISOString(),
            erasedAt: at.get(d.id)!,
            retentionDays: days,
          },
        })),
      )
      return due.length
    })
    erased += n
    if (n < BATCH) return erased
  }
}
