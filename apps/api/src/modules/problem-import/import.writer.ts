import { eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { measures, milestones, problemUnits, problems } from '../../db/schema/index.js'
import type { Ctx } from '../../lib/context.js'
import { insertJson } from '../../lib/bulk-insert.js'
import { PIPELINE_SLICE, PIPELINE_STEP, pipeline } from '../../lib/pipeline.js'
import { uuidv7 } from '../../lib/ids.js'
import { searchTokens } from '../../lib/search.js'
import { recordAudit, recordAuditMany, type AuditEvent } from '../audit/index.js'
import {
  type LightSettings,
  type ProblemFacts,
  problemLight,
  problemPlanned,
  refreshDerived,
  reviseProblem,
  syncProblemUnits,
} from '../problems/index.js'
import { emitEvent, type DomainEvent } from '../events/index.js'
import type { Task } from './analyse.js'
import { importRepository as repo } from './import.repository.js'

export interface WriteInput {
  roundId: string
  fileId: string
  tasks: Task[]
  /** A measure's start: the round's plan approval date, else today (never after its deadline). */
  start: string
  today: string
  settings: LightSettings
  counts: Record<string, number>
}

/** A new problem's status and light before any derivation (the table's defaults). */
const DEFAULT_STATUS = 'draft' as const
const DEFAULT_LIGHT = 'green'
type MeasureInsert = typeof measures.$inferInsert
type MilestoneInsert = typeof milestones.$inferInsert

/** A task's measures (and the stages as milestones of each) for problem `problemId`. */
function planRows(t: Task, problemId: string, start: string, firstSeq = 1) {
  const ms: MeasureInsert[] = []
  const mls: MilestoneInsert[] = []
  for (const [i, m] of t.measures.entries()) {
    const id = uuidv7()
    ms.push({
      id,
      problemId,
      seq: firstSeq + i,
      content: m.content,
      unitId: m.unitId,
      startDate: start < t.deadline ? start : t.deadline,
      deadline: t.deadline,
    })
    for (const [j, s] of t.stages.entries())
      mls.push({
        id: uuidv7(),
        measureId: id,
        seq: j + 1,
        name: s.text.slice(0, 200),
        dueDate: s.deadline,
      })
  }
  return { ms, mls }
}

/**
 * Writes an analysed import inside the caller's transaction, set-based: every row of the new
 * problems (problems with their search tokens, planned progress and lights computed here from
 * the plan just laid out, their unit links, measures, milestones) is built in JS and inserted as
 * JSON; changed problems are updated one by one; the audit has one entry for the import and one
 * per created or updated problem, chained in one batch when the transaction ends.
 *
 * The new problems are written pipelined (lib/pipeline.ts): PIPELINE_STEP tasks per insert, sent
 * while the next step's rows and audit entries are built. Every insert is awaited before
 * anything else is written; the first failure fails the import.
 */
export async function writeImport(tx: DbOrTx, ctx: Ctx, w: WriteInput): Promise<void> {
  const fresh = w.tasks.filter((t) => t.row.action === 'new')
  const changed = w.tasks.filter((t) => t.row.action === 'update')
  await recordAudit(tx, ctx, {
    action: 'problem.list_imported',
    entityType: 'round',
    entityId: w.roundId,
    after: { fileId: w.fileId, ...w.counts },
  })
  const writes = pipeline()
  const events: DomainEvent[] = []
  let step: ReturnType<typeof newRows>[] = []
  const flush = () => {
    if (!step.length) return
    const links = { chunk: 5000, onConflictDoNothing: true }
    writes.send(
      insertJson(
        tx,
        problems,
        step.flatMap((s) => s.rows),
        { chunk: PIPELINE_STEP },
      ),
    )
    writes.send(
      insertJson(
        tx,
        problemUnits,
        step.flatMap((s) => s.links),
        links,
      ),
    )
    writes.send(
      insertJson(
        tx,
        measures,
        step.flatMap((s) => s.ms),
        { chunk: 5000 },
      ),
    )
    writes.send(
      insertJson(
        tx,
        milestones,
        step.flatMap((s) => s.mls),
        { chunk: 5000 },
      ),
    )
    step = []
  }
  for (let i = 0; i < fresh.length; i += PIPELINE_SLICE) {
    const slice = newRows(fresh.slice(i, i + PIPELINE_SLICE), w)
    await recordAuditMany(tx, ctx, slice.audit)
    events.push(...slice.events)
    step.push(slice)
    if (step.length * PIPELINE_SLICE >= PIPELINE_STEP) flush()
    await writes.yield()
  }
  flush()
  await writes.done()
  await emitEvent(tx, ...events)
  const updated: AuditEvent[] = []
  for (const t of changed) updated.push(await update(tx, t, w))
  await recordAuditMany(tx, ctx, updated)
}

/** The rows, light events and audit entries of new problems, built in JS (no database). */
function newRows(fresh: Task[], w: WriteInput) {
  const audit: AuditEvent[] = []
  const rows: (typeof problems.$inferInsert)[] = []
  const links: (typeof problemUnits.$inferInsert)[] = []
  const ms: MeasureInsert[] = []
  const mls: MilestoneInsert[] = []
  const events: DomainEvent[] = []
  for (const t of fresh) {
    const id = uuidv7()
    const plan = planRows(t, id, w.start)
    ms.push(...plan.ms)
    mls.push(...plan.mls)
    // What refreshDerived would read back: a draft with no reports, its plan as laid out.
    const facts: ProblemFacts = {
      status: DEFAULT_STATUS,
      deadline: t.deadline,
      reportedProgress: 0,
      measures: plan.ms.map((m) => ({
        id: m.id!,
        startDate: m.startDate,
        deadline: m.deadline,
        weight: 1,
        status: 'pending' as const,
        percent: 0,
        milestones: plan.mls
          .filter((x) => x.measureId === m.id)
          .map((x) => ({ name: x.name, dueDate: x.dueDate, weight: null, doneDate: null })),
      })),
    }
    const light = problemLight(facts, w.today, w.settings)
    rows.push({
      id,
      roundId: w.roundId,
      code: t.row.code,
      title: t.title,
      description: t.description,
      source: t.source,
      nature: t.nature,
      domain: t.domain,
      regionId: t.regionId,
      mode: t.mode,
      target: t.target,
      deadline: t.deadline,
      deadlineText: t.deadlineText,
      collectiveUnits: t.collectiveUnits,
      leadLeader: t.leadLeader,
      leadUnitId: t.leadUnitId,
      searchTokens: searchTokens(t.row.code, t.title, t.description),
      plannedProgress: problemPlanned(facts, w.today),
      light: light.color,
      lightReasons: light.reasons,
      lightAsOf: w.today,
    })
    // The links syncProblemUnits derives (lead, region, measure units) and the co-units.
    const linked = new Set<string>()
    const link = (unitId: string | null | undefined, role: string) => {
      if (!unitId || linked.has(`${role}:${unitId}`)) return
      linked.add(`${role}:${unitId}`)
      links.push({ problemId: id, unitId, role })
    }
    link(t.leadUnitId, 'lead')
    link(t.regionId, 'region')
    for (const m of plan.ms) link(m.unitId, 'measure')
    for (const unitId of t.coUnitIds) link(unitId, 'co')
    if (light.color !== DEFAULT_LIGHT)
      events.push({
        type: 'problem.light_changed',
        entityType: 'problem',
        entityId: id,
        unitId: t.leadUnitId,
        data: {
          problemId: id,
          code: t.row.code,
          title: t.title,
          from: DEFAULT_LIGHT,
          to: light.color,
          date: w.today,
        },
      })
    audit.push({
      action: 'problem.created',
      entityType: 'problem',
      entityId: id,
      unitId: t.leadUnitId,
      after: {
        code: t.row.code,
        title: t.title,
        mode: t.mode,
        deadline: t.deadline,
        deadlineText: t.deadlineText,
        leadUnit: t.leadUnitId,
        coUnits: t.coUnitIds,
        ...(t.collectiveUnits && { collectiveUnits: t.collectiveUnits }),
        ...(t.row.inferred.length && { inferred: t.row.inferred }),
        measures: t.measures.length,
        via: 'import',
      },
    })
  }
  return { rows, links, ms, mls, events, audit }
}

/** One changed problem: its fields, co-units, and (while the plan is open) its measures. */
async function update(tx: DbOrTx, t: Task, w: WriteInput): Promise<AuditEvent> {
  const ex = t.existing!
  const optional = (f: string) => t.provided.has(f)
  await reviseProblem(
    tx,
    ex.id,
    {
      title: t.title,
      ...(optional('description') && { description: t.description }),
      ...(optional('domain') && { domain: t.domain }),
      ...(optional('nature') && { nature: t.nature }),
      ...(optional('source') && { source: t.source }),
      ...(optional('region') && { regionId: t.regionId }),
      mode: t.mode,
      target: t.target,
      deadline: t.deadline,
      deadlineText: t.deadlineText,
      collectiveUnits: t.collectiveUnits,
      leadLeader: t.leadLeader,
      leadUnitId: t.leadUnitId,
      searchTokens: searchTokens(
        t.row.code,
        t.title,
        optional('description') ? t.description : ex.description,
      ),
    },
    t.coUnitIds,
  )
  const newTexts = t.measures.map((m) => m.content)
  if (ex.measures.join('\n') !== newTexts.join('\n') || ex.deadline !== t.deadline) {
    // Measures keep their ids (and anything hanging off them) by position; extras are added,
    // surplus ones dropped; milestones are laid out again from the stages.
    const old = await repo.measuresOf(tx, ex.id)
    if (old.length)
      await tx.delete(milestones).where(
        inArray(
          milestones.measureId,
          old.map((m) => m.id),
        ),
      )
    const plan = planRows(t, ex.id, w.start)
    const renamed = new Map<string, string>()
    for (const [i, m] of plan.ms.entries()) {
      const keep = old[i]
      if (!keep) continue
      renamed.set(m.id!, keep.id)
      m.id = keep.id
      await tx
        .update(measures)
        .set({ content: m.content, unitId: m.unitId, deadline: m.deadline, startDate: m.startDate })
        .where(eq(measures.id, keep.id))
    }
    await repo.insertMany(plan.ms.slice(old.length), 1000, (c) => tx.insert(measures).values(c))
    await repo.dropMeasures(
      tx,
      old.slice(plan.ms.length).map((m) => m.id),
    )
    const mls = plan.mls.map((x) => ({ ...x, measureId: renamed.get(x.measureId) ?? x.measureId }))
    await repo.insertMany(mls, 1000, (c) => tx.insert(milestones).values(c))
  }
  await syncProblemUnits(tx, ex.id)
  await refreshDerived(tx, [ex.id], w.today, w.settings)
  return {
    action: 'problem.updated',
    entityType: 'problem',
    entityId: ex.id,
    unitId: t.leadUnitId,
    before: {
      title: ex.title,
      deadline: ex.deadline,
      deadlineText: ex.deadlineText,
      mode: ex.mode,
      collectiveUnits: ex.collectiveUnits,
      measures: ex.measures.length,
    },
    after: {
      title: t.title,
      deadline: t.deadline,
      deadlineText: t.deadlineText,
      mode: t.mode,
      collectiveUnits: t.collectiveUnits,
      measures: t.measures.length,
      via: 'import',
    },
  }
}
