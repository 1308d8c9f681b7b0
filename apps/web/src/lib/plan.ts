/**
 * The plan editor's working copy of a measure and its milestones, and the checks the API would
 * make (MeasuresService.checkDates), run before saving so the message sits next to the field.
 */
import type {
  CreateMeasureBody,
  Measure,
  MilestoneInput,
  UpdateMeasureBody,
} from '@rectify/schemas'

export interface MilestoneDraft {
  name: string
  dueDate: string | null
  weight: number | null
  doneDate: string | null
}

export interface MeasureDraft {
  /** Stable key for v-for (the id once saved). */
  key: string
  /** null until the measure is created. */
  id: string | null
  /** The version the edit is based on (If-Match); null for a new measure. */
  version: number | null
  content: string
  unitId: string | null
  personName: string
  startDate: string | null
  deadline: string | null
  weight: number
  milestones: MilestoneDraft[]
}

/** A problem with the draft: `field` names the input (`deadline`, `milestones.2.dueDate`). */
export interface PlanIssue {
  field: string
  /** i18n key of the message. */
  key: string
  named?: Record<string, unknown>
}

/** A group of units offered for a measure: the problem's own units first, then the rest. */
export interface UnitOptionGroup {
  label: string
  options: { id: string; name: string }[]
}

let counter = 0
const newKey = () => `new-${++counter}`

/** A blank measure for the "add measure" button. */
export function emptyMeasure(startDate: string | null, deadline: string | null): MeasureDraft {
  return {
    key: newKey(),
    id: null,
    version: null,
    content: '',
    unitId: null,
    personName: '',
    startDate,
    deadline,
    weight: 1,
    milestones: [],
  }
}

/** The editable copy of a saved measure. */
export function fromMeasure(measure: Measure): MeasureDraft {
  return {
    key: measure.id,
    id: measure.id,
    version: measure.version,
    content: measure.content,
    unitId: measure.unit.id,
    personName: measure.personName,
    startDate: measure.startDate,
    deadline: measure.deadline,
    weight: measure.weight,
    milestones: measure.milestones.map((m) => ({
      name: m.name,
      dueDate: m.dueDate,
      weight: m.weight,
      doneDate: m.doneDate,
    })),
  }
}

/** Milestones proposed by the reverse-scheduling helper, as editable rows. */
export function fromProposal(milestones: readonly MilestoneInput[]): MilestoneDraft[] {
  return milestones.map((m) => ({
    name: m.name,
    dueDate: m.dueDate,
    weight: m.weight ?? null,
    doneDate: m.doneDate ?? null,
  }))
}

const hasWeight = (m: MilestoneDraft) => m.weight !== null && m.weight !== undefined

/** Everything the API would refuse about this measure, as messages for the fields. */
export function checkMeasure(
  draft: MeasureDraft,
  problemDeadline: string,
  today: string,
): PlanIssue[] {
  const issues: PlanIssue[] = []
  if (!draft.content.trim()) issues.push({ field: 'content', key: 'plan.rules.content' })
  if (!draft.unitId) issues.push({ field: 'unitId', key: 'plan.rules.unit' })
  if (!draft.startDate) issues.push({ field: 'startDate', key: 'plan.rules.startDate' })
  if (!draft.deadline) issues.push({ field: 'deadline', key: 'plan.rules.deadline' })
  const start = draft.startDate
  const end = draft.deadline
  if (start && end && start > end) issues.push({ field: 'deadline', key: 'plan.rules.order' })
  if (end && end > problemDeadline)
    issues.push({
      field: 'deadline',
      key: 'plan.rules.afterProblem',
      named: { date: problemDeadline },
    })
  draft.milestones.forEach((m, i) => {
    if (!m.name.trim())
      issues.push({ field: `milestones.${i}.name`, key: 'plan.rules.milestoneName' })
    if (!m.dueDate)
      issues.push({ field: `milestones.${i}.dueDate`, key: 'plan.rules.milestoneDue' })
    else if (start && end && (m.dueDate < start || m.dueDate > end))
      issues.push({ field: `milestones.${i}.dueDate`, key: 'plan.rules.milestoneWithin' })
    if (m.doneDate && m.doneDate > today)
      issues.push({ field: `milestones.${i}.doneDate`, key: 'plan.rules.doneFuture' })
  })
  const weighted = draft.milestones.filter(hasWeight)
  if (weighted.length && weighted.length < draft.milestones.length) {
    draft.milestones.forEach((m, i) => {
      if (!hasWeight(m))
        issues.push({ field: `milestones.${i}.weight`, key: 'plan.rules.weightAll' })
    })
  } else if (weighted.length) {
    const sum = weightSum(draft.milestones)
    if (Math.abs(sum - 100) > 0.01)
      issues.push({ field: 'milestones', key: 'plan.rules.weightSum', named: { sum } })
  }
  return issues
}

/** The sum of the milestone weights, to two decimals. */
export function weightSum(milestones: readonly MilestoneDraft[]): number {
  const sum = milestones.reduce((total, m) => total + (m.weight ?? 0), 0)
  return Math.round(sum * 100) / 100
}

function milestoneBody(milestones: readonly MilestoneDraft[]): MilestoneInput[] {
  return milestones.map((m) => ({
    name: m.name.trim(),
    dueDate: m.dueDate!,
    weight: m.weight,
    doneDate: m.doneDate,
  }))
}

/** The body that creates the measure (call after `checkMeasure` found nothing). */
export function createBody(draft: MeasureDraft): CreateMeasureBody {
  return {
    content: draft.content.trim(),
    unitId: draft.unitId!,
    personName: draft.personName.trim(),
    startDate: draft.startDate!,
    deadline: draft.deadline!,
    weight: draft.weight,
    milestones: milestoneBody(draft.milestones),
  }
}

/**
 * The fields of `draft` that differ from the saved `measure`, as a PATCH body; null when nothing
 * changed. In `progress` mode only the milestones' done dates may change.
 */
export function updateBody(
  draft: MeasureDraft,
  measure: Measure,
  mode: 'full' | 'progress' = 'full',
): UpdateMeasureBody | null {
  const body: UpdateMeasureBody = {}
  const saved = fromMeasure(measure)
  const milestones = milestoneBody(draft.milestones)
  const milestonesChanged =
    JSON.stringify(milestones) !== JSON.stringify(milestoneBody(saved.milestones))
  if (mode === 'progress') return milestonesChanged ? { milestones } : null
  if (draft.content.trim() !== saved.content) body.content = draft.content.trim()
  if (draft.unitId && draft.unitId !== saved.unitId) body.unitId = draft.unitId
  if (draft.personName.trim() !== saved.personName) body.personName = draft.personName.trim()
  if (draft.startDate && draft.startDate !== saved.startDate) body.startDate = draft.startDate
  if (draft.deadline && draft.deadline !== saved.deadline) body.deadline = draft.deadline
  if (draft.weight !== saved.weight) body.weight = draft.weight
  if (milestonesChanged) body.milestones = milestones
  return Object.keys(body).length ? body : null
}

/**
 * After a 412: the draft on top of the newer saved measure. A field the user left as it was
 * takes the newer value; a field the user changed keeps the user's value, so their edit is
 * reapplied and someone else's unrelated change is not silently undone.
 */
export function rebaseDraft(draft: MeasureDraft, before: Measure, after: Measure): MeasureDraft {
  const old = fromMeasure(before)
  const latest = fromMeasure(after)
  const pick = <K extends keyof MeasureDraft>(key: K): MeasureDraft[K] =>
    JSON.stringify(draft[key]) === JSON.stringify(old[key]) ? latest[key] : draft[key]
  return {
    ...draft,
    id: after.id,
    version: after.version,
    content: pick('content'),
    unitId: pick('unitId'),
    personName: pick('personName'),
    startDate: pick('startDate'),
    deadline: pick('deadline'),
    weight: pick('weight'),
    milestones: pick('milestones'),
  }
}
