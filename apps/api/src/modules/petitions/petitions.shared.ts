import type { DbOrTx } from '../../db/client.js'
import { AppError, forbidden, notFound, invalid } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { searchTokens } from '../../lib/search.js'
import { recordAudit } from '../audit/index.js'
import { reopenCloseout } from '../acceptance/index.js'
import { lockProblem, moveProblem } from '../problems/index.js'
import type { LightSettings } from '../problems/index.js'
import { actsAsPetitionOffice } from './petitions.access.js'
import { matchKey } from './petitions.repeats.js'
import { repeatColumns } from './repeat-keys.js'
import { petitionsRepository as repo, type CaseRow } from './petitions.repository.js'
import { auditView } from './petitions.view.js'
import { unitRefs } from '../units/index.js'

/** 403 unless the caller does the office's part of petitions. */
export function office(ctx: Ctx, what = 'This step'): void {
  if (!actsAsPetitionOffice(ctx.actor)) throw forbidden(`${what} is the office's`)
}

/** The case locked at the version the caller read: 404 unknown, 412 stale. */
export async function lockCase(tx: DbOrTx, id: string, version: number): Promise<CaseRow> {
  const row = await repo.lockById(tx, id)
  if (!row) throw notFound('Petition')
  if (row.version !== version) throw new AppError('precondition_failed')
  return row
}

/**
 * The derived columns every write keeps filled: the match keys the repeat check compares and
 * the bigram tokens `q` searches.
 */
export function derivedColumns(c: {
  receiptNo: string
  reportedParty: string
  address: string
  complaint: string
}) {
  return {
    partyKey: matchKey(c.reportedParty),
    addressKey: matchKey(c.address),
    ...repeatColumns(c),
    searchTokens: searchTokens(c.receiptNo, c.reportedParty, c.address, c.complaint),
  }
}

/** 422 when a region unit does not exist. */
export async function checkUnits(tx: DbOrTx, ids: readonly string[], path: string) {
  if (!ids.length) return
  const found = await unitRefs(tx, ids)
  const i = ids.findIndex((id) => !found.some((u) => u.id === id))
  if (i >= 0) throw invalid(`${path}/${i}`, 'no such unit')
}

/** Writes the case's audit entry (before/after without the complainant). */
export async function auditCase(
  tx: DbOrTx,
  ctx: Ctx,
  action: string,
  before: CaseRow | null,
  after: CaseRow,
  extra: Record<string, unknown> = {},
) {
  await recordAudit(tx, ctx, {
    action,
    entityType: 'petition',
    entityId: after.id,
    unitId: after.handlingUnitId,
    before: before ? auditView(before) : null,
    after: { ...auditView(after), ...extra },
  })
}

/**
 * A repeat complaint about a closed problem's site: each named problem that is closed is
 * reopened as a rebound the way a failed rebound review does it (close-out marked reopened, its
 * other scheduled reviews cancelled, `fail_rebound` through lifecycle.ts with the rebound flag),
 * in the caller's transaction. Problems not closed are left alone. Returns the reopened ids.
 */
export async function reboundClosedProblems(
  tx: DbOrTx,
  ctx: Ctx,
  settings: LightSettings,
  problemIds: readonly (string | null)[],
  details: { petitionId: string; repeatOfId: string; receiptNo: string },
): Promise<string[]> {
  const reopened: string[] = []
  for (const id of [...new Set(problemIds.filter((x): x is string => !!x))].sort()) {
    await lockProblem(tx, id)
    const [p] = await repo.problemRefs(tx, [id])
    if (p?.status !== 'closed') continue
    const closeoutId = await repo.openCloseout(tx, id)
    const cancelled = closeoutId ? await reopenCloseout(tx, closeoutId, new Date()) : []
    await moveProblem(tx, ctx, settings, {
      problemId: id,
      action: 'fail_rebound',
      reason: `信访件 ${details.receiptNo} 重复反映`,
      set: { rebound: true, outcome: null, closedOn: null },
      details: { ...details, closeoutId, cancelled },
    })
    reopened.push(id)
  }
  return reopened
}
