/** How an accountability record names its subject, and the form's body from what was typed. */
import type { AccountabilityRecord, CreateAccountabilityBody } from '@rectify/schemas'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** `临湖县` for a unit; `刘建国（湖滨镇副镇长）` for a person (unit and post). */
export function subjectText(
  r: Pick<AccountabilityRecord, 'subjectKind' | 'unit' | 'personName' | 'personPost'>,
  t: Translate,
): string {
  if (r.subjectKind === 'unit') return r.unit.name
  return t('accountability.personOf', {
    name: r.personName ?? '',
    unit: r.unit.name,
    post: r.personPost ?? '',
  })
}

/** What the accountability form edits. */
export interface AccountabilityDraft {
  subjectKind: 'unit' | 'person'
  unitId: string | null
  personName: string
  personPost: string
  problemIds: string[]
  form: CreateAccountabilityBody['form'] | ''
  decidingBody: string
  decisionDate: string
  docNumber: string
  summary: string
}

export function emptyDraft(): AccountabilityDraft {
  return {
    subjectKind: 'unit',
    unitId: null,
    personName: '',
    personPost: '',
    problemIds: [],
    form: '',
    decidingBody: '',
    decisionDate: '',
    docNumber: '',
    summary: '',
  }
}

export function draftOf(r: AccountabilityRecord): AccountabilityDraft {
  return {
    subjectKind: r.subjectKind,
    unitId: r.unit.id,
    personName: r.personName ?? '',
    personPost: r.personPost ?? '',
    problemIds: r.problems.map((p) => p.id),
    form: r.form,
    decidingBody: r.decidingBody,
    decisionDate: r.decisionDate,
    docNumber: r.docNumber,
    summary: r.summary,
  }
}

/** The fields still missing (keys of `accountability.required`). */
export function missingFields(d: AccountabilityDraft): string[] {
  const out: string[] = []
  if (!d.unitId) out.push('unit')
  if (d.subjectKind === 'person' && !d.personName.trim()) out.push('personName')
  if (!d.problemIds.length) out.push('problems')
  if (!d.form) out.push('form')
  if (!d.decidingBody.trim()) out.push('decidingBody')
  if (!d.decisionDate) out.push('decisionDate')
  return out
}

/** The request body (call once nothing is missing); a unit subject carries no person. */
export function recordBody(d: AccountabilityDraft, fileIds: string[]): CreateAccountabilityBody {
  const person = d.subjectKind === 'person'
  return {
    subjectKind: d.subjectKind,
    unitId: d.unitId!,
    personName: person ? d.personName.trim() : null,
    personPost: person && d.personPost.trim() ? d.personPost.trim() : null,
    problemIds: d.problemIds,
    form: d.form as CreateAccountabilityBody['form'],
    decidingBody: d.decidingBody.trim(),
    decisionDate: d.decisionDate,
    docNumber: d.docNumber.trim(),
    summary: d.summary.trim(),
    fileIds,
  }
}
