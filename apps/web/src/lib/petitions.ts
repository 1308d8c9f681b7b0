/**
 * The rules the petition pages share: how a status or finding is coloured, a batch's progress
 * bar, the assignment's default deadline, who sees which step on a case, and the report form's
 * body (a blank count is "not stated", never zero).
 */
import type {
  Petition,
  PetitionBatch,
  PetitionFinding,
  PetitionHandling,
  PetitionStatus,
  RepeatCandidate,
  ReportPetitionBody,
} from '@rectify/schemas'
import { addDays, shanghaiToday } from './period'
import type { Viewer } from './problem-access'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** 未交办 grey, 办理中 blue, 待审核 amber, 阶段办结 blue-green plain, 已办结 green. */
export const STATUS_TAG: Record<PetitionStatus, TagType> = {
  received: 'info',
  handling: 'primary',
  submitted: 'warning',
  partly_closed: 'primary',
  closed: 'success',
}

/** What was found true reads red (something was wrong), untrue grey. */
export const FINDING_TAG: Record<PetitionFinding, TagType> = {
  true: 'danger',
  mostly_true: 'danger',
  partly_true: 'warning',
  untrue: 'info',
}

/** The four parts of a batch's progress bar, in the order they are drawn. */
export const PROGRESS_PARTS = ['closed', 'partly_closed', 'handling', 'received'] as const
export type ProgressPart = (typeof PROGRESS_PARTS)[number]

export interface ProgressSegment {
  part: ProgressPart
  count: number
  /** Share of the batch's cases, 0–100. */
  percent: number
}

/**
 * A batch's cases by 已办结 / 阶段办结 / 办理中 / 未交办. A submitted case is still 办理中 to the
 * bar (it waits for the office, not for the unit); empty parts are left out.
 */
export function batchProgress(batch: Pick<PetitionBatch, 'byStatus'>): ProgressSegment[] {
  const n = (status: PetitionStatus) => batch.byStatus[status] ?? 0
  const counts: Record<ProgressPart, number> = {
    closed: n('closed'),
    partly_closed: n('partly_closed'),
    handling: n('handling') + n('submitted'),
    received: n('received'),
  }
  const total = PROGRESS_PARTS.reduce((sum, part) => sum + counts[part], 0)
  if (!total) return []
  return PROGRESS_PARTS.filter((part) => counts[part] > 0).map((part) => ({
    part,
    count: counts[part],
    percent: Math.round((counts[part] / total) * 1000) / 10,
  }))
}

/** The deadline an assignment proposes: today (Shanghai) plus the batch's handling days. */
export function defaultDeadline(handlingDays: number, today: string = shanghaiToday()): string {
  return addDays(today, handlingDays)
}

const handles = (viewer: Viewer) =>
  viewer.roles.includes('unit') || viewer.roles.includes('lead_unit')

/** The handling unit (its subtree's staff) reports while the case is 办理中 or 阶段办结. */
export function mayReportPetition(
  p: Pick<Petition, 'status' | 'handlingUnit'>,
  viewer: Viewer,
): boolean {
  return (
    handles(viewer) &&
    !!p.handlingUnit &&
    viewer.covers(p.handlingUnit.id) &&
    (p.status === 'handling' || p.status === 'partly_closed')
  )
}

/** The office reviews a submitted report. */
export function mayReviewPetition(p: Pick<Petition, 'status'>, viewer: Viewer): boolean {
  return viewer.roles.includes('office') && p.status === 'submitted'
}

/** The office calls the complainant back once the case has been reviewed (closed or partly). */
export function mayCallBack(p: Pick<Petition, 'status'>, viewer: Viewer): boolean {
  return viewer.roles.includes('office') && (p.status === 'closed' || p.status === 'partly_closed')
}

/** Linking an earlier case whose problem is closed reopens that problem as a rebound (反弹). */
export function reopensProblem(candidate: Pick<RepeatCandidate, 'problem'>): boolean {
  return candidate.problem?.status === 'closed'
}

/** What the unit's handling form edits; counts are null while blank ("not stated"). */
export interface HandlingDraft {
  finding: PetitionFinding | ''
  investigation: string
  measures: string
  ordersToRectify: number | null
  casesFiled: number | null
  finesWan: number | null
  detained: number | null
  talkedTo: number | null
  heldAccountable: number | null
  accountability: string
}

/** The counts of a report, in the order the form and the page show them. */
export const HANDLING_COUNTS = [
  'ordersToRectify',
  'casesFiled',
  'finesWan',
  'detained',
  'talkedTo',
  'heldAccountable',
] as const

/** A blank form, or the last report again (a return or a partly closed case is reported anew). */
export function handlingDraft(previous: PetitionHandling | null = null): HandlingDraft {
  return {
    finding: previous?.finding ?? '',
    investigation: previous?.investigation ?? '',
    measures: previous?.measures ?? '',
    ordersToRectify: previous?.ordersToRectify ?? null,
    casesFiled: previous?.casesFiled ?? null,
    finesWan: previous?.finesWan ?? null,
    detained: previous?.detained ?? null,
    talkedTo: previous?.talkedTo ?? null,
    heldAccountable: previous?.heldAccountable ?? null,
    accountability: previous?.accountability ?? '',
  }
}

/** The fields the form still needs before it may be sent. */
export function missingHandling(
  draft: HandlingDraft,
): Array<'finding' | 'investigation' | 'measures'> {
  const missing: Array<'finding' | 'investigation' | 'measures'> = []
  if (!draft.finding) missing.push('finding')
  if (!draft.investigation.trim()) missing.push('investigation')
  if (!draft.measures.trim()) missing.push('measures')
  return missing
}

/** A count as typed: blank (null, undefined, NaN) stays null rather than turning into 0. */
const count = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? null : value

/** The report as sent; call only when `missingHandling` is empty. */
export function handlingBody(draft: HandlingDraft, fileIds: readonly string[]): ReportPetitionBody {
  if (!draft.finding) throw new Error('finding is required')
  const body: ReportPetitionBody = {
    finding: draft.finding,
    investigation: draft.investigation.trim(),
    measures: draft.measures.trim(),
    accountability: draft.accountability.trim(),
  }
  for (const key of HANDLING_COUNTS) body[key] = count(draft[key])
  if (fileIds.length) body.fileIds = [...fileIds]
  return body
}

/** One reason a candidate was proposed as a repeat: its i18n key and parameters. */
export interface RepeatReason {
  key: string
  params: Record<string, string>
}

/**
 * Why a case was proposed as a repeat, in the order the check weighs them: the party it names
 * (同一被反映对象：XX化工), the same address, the same named place, and the text similarity.
 */
export function repeatReasons(c: RepeatCandidate): RepeatReason[] {
  return c.reasons.map((r): RepeatReason => {
    switch (r) {
      case 'party':
        return c.matchedParty
          ? { key: 'petition.repeats.reasons.partyNamed', params: { name: c.matchedParty } }
          : { key: 'petition.repeats.reasons.party', params: {} }
      case 'address':
        return { key: 'petition.repeats.reasons.address', params: {} }
      case 'site':
        return { key: 'petition.repeats.reasons.site', params: { name: c.matchedSite ?? '' } }
      case 'text':
        return { key: 'petition.repeats.reasons.text', params: { n: c.similarity.toFixed(2) } }
    }
  })
}
