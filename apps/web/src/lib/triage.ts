/**
 * Which triage steps a public report (群众监督) offers, from its status: the public-reports
 * service's table of allowed steps, so the page shows only the buttons the API will take (it
 * refuses the others with 409). Reports carry no `can` of their own, unlike a close-out file.
 */
import type { PublicReport, TriagePublicReportBody } from '@rectify/schemas'

export type TriageAction = TriagePublicReportBody['action']

/** The statuses each step may start from. */
export const TRIAGE_FROM: Record<TriageAction, readonly PublicReport['status'][]> = {
  reply: ['new', 'replied', 'linked', 'converted'],
  link: ['new', 'replied'],
  open_problem: ['new', 'replied'],
  mark_objection: ['new', 'replied', 'linked'],
}

/** The triage steps open to the report now, in the order the buttons show. */
export function triageActions(report: Pick<PublicReport, 'status'>): TriageAction[] {
  return (Object.keys(TRIAGE_FROM) as TriageAction[]).filter((action) =>
    TRIAGE_FROM[action].includes(report.status),
  )
}

/** A pending objection is ruled 异议成立 or 异议不成立. */
export function mayRule(report: Pick<PublicReport, 'status' | 'ruling'>): boolean {
  return report.status === 'objection' && report.ruling === 'pending'
}

/** The start of a long report, for a list cell: at most `max` characters, on one line. */
export function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max)}…` : line
}

/** The compact problem form of 转为问题: what a new problem needs, the source set by the API. */
export interface NewProblemDraft {
  roundId: string
  code: string
  title: string
  description: string
  nature: 'individual' | 'common'
  domain: ProblemDraftDomain
  mode: ProblemDraftMode
  deadline: string
  leadUnitId: string
}
type OpenProblemBody = Extract<TriagePublicReportBody, { action: 'open_problem' }>
type ProblemDraftDomain = OpenProblemBody['problem']['domain'] | ''
type ProblemDraftMode = OpenProblemBody['problem']['mode'] | ''

/** A new problem from a report: its content becomes the description. */
export function newProblemDraft(
  report: Pick<PublicReport, 'content'>,
  roundId = '',
): NewProblemDraft {
  return {
    roundId,
    code: '',
    title: '',
    description: report.content,
    nature: 'individual',
    domain: '',
    mode: '',
    deadline: '',
    leadUnitId: '',
  }
}

/** The fields still missing, by name (each says 请填写/请选择 next to itself). */
export function missingProblemFields(draft: NewProblemDraft): (keyof NewProblemDraft)[] {
  const required: (keyof NewProblemDraft)[] = [
    'roundId',
    'code',
    'title',
    'domain',
    'mode',
    'deadline',
    'leadUnitId',
  ]
  return required.filter((field) => !String(draft[field]).trim())
}

/** The `problem` of an open_problem step (call once nothing is missing). */
export function newProblemBody(draft: NewProblemDraft): OpenProblemBody['problem'] {
  const body: OpenProblemBody['problem'] = {
    roundId: draft.roundId,
    code: draft.code.trim(),
    title: draft.title.trim(),
    description: draft.description.trim(),
    nature: draft.nature,
    domain: draft.domain as OpenProblemBody['problem']['domain'],
    mode: draft.mode as OpenProblemBody['problem']['mode'],
    deadline: draft.deadline,
    leadUnitId: draft.leadUnitId,
  }
  return body
}
