/**
 * What the signed-in user may do with one problem, from their roles, their unit and the
 * problem's state: DOMAIN.md "The problem's life" as the API enforces it (transitions.ts,
 * problems.access.ts). It only decides which buttons show; the API refuses everything else.
 */
import type { Measure, Problem, ProblemAction, ProgressReport, Role } from '@rectify/schemas'

/** The signed-in user as the rules see them. */
export interface Viewer {
  roles: readonly Role[]
  unitId: string
  /** Whether unit `id` is the viewer's unit or one below it. */
  covers: (unitId: string) => boolean
}

type ProblemFacts = Pick<Problem, 'status' | 'mode' | 'leadUnit'>

const isOffice = (viewer: Viewer) => viewer.roles.includes('office')

/** The viewer acts as the problem's lead unit (牵头单位): lead-unit role over its lead unit. */
export function leadsProblem(viewer: Viewer, problem: Pick<Problem, 'leadUnit'>): boolean {
  return viewer.roles.includes('lead_unit') && viewer.covers(problem.leadUnit.id)
}

/** The office, but never on a problem its own unit leads (separation of duties). */
function officeFor(viewer: Viewer, problem: Pick<Problem, 'leadUnit'>): boolean {
  return isOffice(viewer) && problem.leadUnit.id !== viewer.unitId
}

/**
 * The plan steps (`POST /problems/:id/transitions`) the viewer may take now, in the order the
 * buttons show. Applying for acceptance is not one of them: it is an application with a
 * self-check and materials (`POST /problems/:id/acceptances`), offered when the problem's
 * close-out file says `can.apply`.
 */
export function problemActions(problem: ProblemFacts, viewer: Viewer): ProblemAction[] {
  switch (problem.status) {
    case 'draft':
      return leadsProblem(viewer, problem) ? ['submit'] : []
    case 'plan_review':
      return officeFor(viewer, problem) ? ['approve', 'return'] : []
    case 'in_progress':
    case 'acceptance':
    case 'publicity':
    case 'closed':
      return []
  }
}

/**
 * How the viewer may edit the plan: `full` (the office until close-out, the lead unit while it
 * drafts), `progress` (the lead unit once approved: only tick milestones off), or `none`.
 */
export function planAccess(problem: ProblemFacts, viewer: Viewer): 'full' | 'progress' | 'none' {
  if (isOffice(viewer)) return problem.status === 'closed' ? 'none' : 'full'
  if (leadsProblem(viewer, problem)) {
    if (problem.status === 'draft') return 'full'
    if (problem.status === 'in_progress') return 'progress'
  }
  return 'none'
}

/** Responsible and lead units report progress and ask for extensions while work is under way. */
export function mayReport(problem: Pick<Problem, 'status'>, viewer: Viewer): boolean {
  const unitRole = viewer.roles.includes('unit') || viewer.roles.includes('lead_unit')
  return unitRole && problem.status === 'in_progress'
}

/**
 * Whose deadline the viewer may ask to move: the whole problem only from the lead unit (anyone
 * of the lead unit or above it); a co-responsible unit its own measures. The API refuses the rest.
 */
export function mayExtendWhole(problem: Pick<Problem, 'leadUnit'>, viewer: Viewer): boolean {
  return viewer.covers(problem.leadUnit.id)
}

/** The measures whose deadline the viewer may ask to move (see mayExtendWhole). */
export function extendableMeasures(
  measures: readonly Measure[],
  problem: Pick<Problem, 'leadUnit'>,
  viewer: Viewer,
): Measure[] {
  if (mayExtendWhole(problem, viewer)) return [...measures]
  return measures.filter((measure) => viewer.covers(measure.unit.id))
}

/** The office grants or denies extensions, never for its own unit's problem. */
export function mayDecideExtension(problem: Pick<Problem, 'leadUnit'>, viewer: Viewer): boolean {
  return officeFor(viewer, problem)
}

/**
 * A submitted report is reviewed by the office, or by the lead unit for its co-responsible
 * units; nobody reviews their own unit's report.
 */
export function mayReview(
  report: Pick<ProgressReport, 'status' | 'unit'>,
  problem: Pick<Problem, 'leadUnit' | 'status'>,
  viewer: Viewer,
): boolean {
  if (report.status !== 'submitted' || problem.status === 'closed') return false
  if (report.unit.id === viewer.unitId) return false
  if (isOffice(viewer)) return true
  return leadsProblem(viewer, problem) && report.unit.id !== problem.leadUnit.id
}

/** The measures the viewer may report on: all for the lead unit, else its own units' measures. */
export function reportableMeasures(
  measures: readonly Measure[],
  problem: Pick<Problem, 'leadUnit'>,
  viewer: Viewer,
): Measure[] {
  if (leadsProblem(viewer, problem)) return [...measures]
  return measures.filter((measure) => viewer.covers(measure.unit.id))
}
