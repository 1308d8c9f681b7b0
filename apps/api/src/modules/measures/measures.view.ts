import type { Measure } from '@rectify/schemas'
import type { Config } from '../../config.js'
import type { DbOrTx } from '../../db/client.js'
import {
  measureLight,
  measurePlanned,
  type LightSettings,
  type MeasureFacts,
} from '../problems/index.js'
import {
  measuresRepository as repo,
  type MeasureRow,
  type MeasureWithUnit,
  type MilestoneRow,
} from './measures.repository.js'

// How measures are shown: the record with its unit and milestones, and today's planned progress and light.

/** The light settings from the configuration. */
export function lightSettings(config: Config): LightSettings {
  return { tolerance: config.LIGHT_TOLERANCE_POINTS, nearDays: config.LIGHT_NEAR_DAYS }
}

/** The plan facts of a measure, as lights.ts computes with them. */
export function measureFacts(m: MeasureRow, ms: MilestoneRow[]): MeasureFacts {
  return {
    id: m.id,
    startDate: m.startDate,
    deadline: m.deadline,
    weight: m.weight,
    status: m.status as MeasureFacts['status'],
    percent: m.percent,
    milestones: ms.map((x) => ({
      name: x.name,
      dueDate: x.dueDate,
      weight: x.weight,
      doneDate: x.doneDate,
    })),
  }
}

/** A problem's measures in plan order, each with its milestones. */
async function planOf(db: DbOrTx, problemId: string) {
  const rows = await repo.listByProblem(db, problemId)
  const ms = await repo.milestonesOf(
    db,
    rows.map((r) => r.measure.id),
  )
  return rows.map((row) => ({ row, milestones: ms.filter((x) => x.measureId === row.measure.id) }))
}

/** The plan facts of all measures of a problem, in plan order. */
export async function planFacts(db: DbOrTx, problemId: string): Promise<MeasureFacts[]> {
  return (await planOf(db, problemId)).map((m) => measureFacts(m.row.measure, m.milestones))
}

export function toMeasure(
  r: MeasureWithUnit,
  ms: MilestoneRow[],
  today: string,
  settings: LightSettings,
): Measure {
  const m = r.measure
  const facts = measureFacts(m, ms)
  return {
    id: m.id,
    problemId: m.problemId,
    seq: m.seq,
    content: m.content,
    unit: { id: m.unitId, code: r.unitCode, name: r.unitName },
    personName: m.personName,
    startDate: m.startDate,
    deadline: m.deadline,
    originalDeadline: m.originalDeadline,
    weight: m.weight,
    status: facts.status,
    percent: m.percent,
    doneDate: m.doneDate,
    plannedProgress: measurePlanned(facts, today),
    light: measureLight(facts, today, settings),
    milestones: ms.map((x) => ({
      id: x.id,
      name: x.name,
      dueDate: x.dueDate,
      weight: x.weight,
      doneDate: x.doneDate,
    })),
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  }
}

/** A problem's measures in plan order as the API shows them, lights computed for `today`. */
export async function loadMeasures(
  db: DbOrTx,
  problemId: string,
  today: string,
  settings: LightSettings,
): Promise<Measure[]> {
  return (await planOf(db, problemId)).map((m) => toMeasure(m.row, m.milestones, today, settings))
}

/** What the audit log keeps of a measure: the record, not what is computed for today. */
export function auditView(m: Measure): Record<string, unknown> {
  const { light: _light, plannedProgress: _planned, ...rest } = m
  return rest
}
