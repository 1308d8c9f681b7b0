import { and, sql, type SQL } from 'drizzle-orm'
import type { AcceptanceLevel, CloseoutFile, Problem, Publicity } from '@rectify/schemas'
import type { DbOrTx } from '../../db/client.js'
import { AppError } from '../../errors.js'
import { acceptances, problems, units } from '../../db/schema/index.js'
import type { Actor } from '../../lib/context.js'
import { likeEscape } from '../../lib/http.js'
import { rulesObjections } from '../../lib/publicity.js'
import {
  actsAsLeadUnit,
  actsAsOffice,
  findProblem,
  isOwnUnit,
  leadsProblem,
  type ProblemRow,
  problemScope,
} from '../problems/index.js'
import type { AcceptanceRow } from './acceptance.repository.js'
import { unitRefs } from '../units/index.js'

/**
 * Who may take which close-out step (DOMAIN.md: "a unit never ... accepts its own work").
 * The policy table lets the roles in; these rules decide per problem and level.
 */

/** A problem as the close-out rules see it: the row and the paths of its lead unit and region. */
export interface Subject {
  row: ProblemRow
  leadUnitPath: string
  regionPath: string | null
}

/** The problem with the unit paths the rules need, if the actor may see it. */
export async function findSubject(
  db: DbOrTx,
  problemId: string,
  actor: Actor,
): Promise<Subject | undefined> {
  const row = await findProblem(db, problemId, problemScope(actor))
  if (!row) return undefined
  const refs = await unitRefs(
    db,
    [row.leadUnitId, row.regionId].filter((x): x is string => !!x),
  )
  const path = (id: string | null) => refs.find((u) => u.id === id)?.path ?? null
  return { row, leadUnitPath: path(row.leadUnitId) ?? '', regionPath: path(row.regionId) }
}

/** The office's steps (publicity, close-out, rebound reviews): never on its own unit's problem. */
export function officeMay(actor: Actor, leadUnitId: string): boolean {
  return actsAsOffice(actor) && !isOwnUnit(actor, leadUnitId)
}

/**
 * May `actor` review level `kind` of an application? The office reviews any level, never
 * for its own unit. A county level may also be reviewed by a lead-unit actor whose subtree
 * holds the problem's region, unless its unit is the lead unit, lies inside the lead unit's
 * subtree, or applied: nobody reviews their own unit's work.
 */
export function mayReviewLevel(
  actor: Actor,
  kind: AcceptanceLevel,
  s: Subject,
  appliedUnitId: string | null,
): boolean {
  if (isOwnUnit(actor, s.row.leadUnitId) || isOwnUnit(actor, appliedUnitId)) return false
  if (actsAsOffice(actor)) return true
  if (kind !== 'county' || !actsAsLeadUnit(actor) || !s.regionPath) return false
  const path = actor.unitPath!
  return s.regionPath.startsWith(path) && !path.startsWith(s.leadUnitPath)
}

/**
 * The same rule as SQL over `acceptances` joined with `problems`: in_review applications whose
 * current level `actor` may review (the `awaitingMe` list). Kept beside mayReviewLevel so the
 * two cannot drift apart (test/acceptance-access.test.ts checks them against each other).
 */
export function awaitingSql(actor: Actor): SQL {
  const notOwn = actor.unitId
    ? sql`${problems.leadUnitId} <> ${actor.unitId} and ${acceptances.appliedUnitId} is distinct from ${actor.unitId}`
    : sql`true`
  const inReview = sql`${acceptances.status} = 'in_review'`
  if (actsAsOffice(actor)) return and(inReview, notOwn)!
  if (!actsAsLeadUnit(actor)) return sql`false`
  const path = actor.unitPath!
  return and(
    inReview,
    notOwn,
    sql`(${acceptances.levels} ->> ${acceptances.currentLevel}) = 'county'`,
    sql`exists (select 1 from ${units} r where r.id = ${problems.regionId}
      and r.path like ${`${likeEscape(path)}%`})`,
    sql`not exists (select 1 from ${units} l where l.id = ${problems.leadUnitId}
      and starts_with(${path}, l.path))`,
  )!
}

/**
 * The one rule of applying for acceptance, used by `can.apply` and by the application itself:
 * null when `actor` may apply now, else the refusal the application answers with (409 for the
 * problem's state, 403 for who asks, 409 `not_ready` for work not finished).
 *
 * Readiness (具备验收条件): a problem under way applies only when its reported completion —
 * the percent of its latest report the office accepted, which for measure reports is the
 * weighted mean over its measures — has reached 100 %: the work is done and the office has
 * seen it reported. An `immediate` problem (立行立改) goes from draft straight to acceptance
 * (DOMAIN.md): it has no reporting stage, and its application is the report of the fix.
 */
export function applyRefusal(
  actor: Actor,
  s: Subject,
  latest: Pick<AcceptanceRow, 'status'> | undefined,
): AppError | null {
  const { status, mode } = s.row
  if (status !== 'in_progress' && !(status === 'draft' && mode === 'immediate'))
    return new AppError('conflict', `A problem in ${status} cannot apply for acceptance`)
  if (!leadsProblem(actor, s.leadUnitPath))
    return new AppError('not_lead_unit', 'Only the lead unit applies for acceptance')
  if (latest?.status === 'in_review')
    return new AppError('conflict', 'An application is already under review')
  if (status === 'in_progress' && s.row.reportedProgress < 100)
    return new AppError(
      'not_ready',
      `Reported completion is ${s.row.reportedProgress} %: a problem applies for acceptance once the office has accepted reports of all its work done (100 %)`,
    )
  return null
}

/** What the close-out file says about a problem, for `can`. */
export interface CanFacts {
  latest: AcceptanceRow | undefined
  open: Publicity | undefined
  scheduledRebound: boolean
}

/** What `actor` may do next on the problem (the routes still check each step). */
export function computeCan(actor: Actor, s: Subject, f: CanFacts): CloseoutFile['can'] {
  const status = s.row.status as Problem['status']
  const office = officeMay(actor, s.row.leadUnitId)
  const inReview = f.latest?.status === 'in_review' ? f.latest : undefined
  const level = inReview?.currentLevel ?? null
  const kind = level === null ? null : ((inReview!.levels as AcceptanceLevel[])[level] ?? null)
  const canApply = applyRefusal(actor, s, f.latest) === null
  return {
    apply: canApply,
    review:
      inReview && kind && mayReviewLevel(actor, kind, s, inReview.appliedUnitId)
        ? { acceptanceId: inReview.id, level: level!, levelKind: kind }
        : null,
    openPublicity: office && status === 'acceptance' && f.latest?.status === 'passed',
    close:
      office && status === 'publicity' && !!f.open?.periodOver && f.open.objections.pending === 0,
    ruleObjections:
      rulesObjections(actor, s.row.leadUnitId) &&
      status === 'publicity' &&
      (f.open?.objections.pending ?? 0) > 0,
    reviewRebound: office && status === 'closed' && f.scheduledRebound,
    downloadDossier: true,
  }
}
