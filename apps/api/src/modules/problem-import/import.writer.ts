import { eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { measures, milestones, problemUnits, problems } from '../../db/schema/index.js'
import type { Ctx } from '../../lib/context.js'
import { uuidv7 } from '../../lib/ids.js'
import { searchTokens } from '../../lib/search.js'
import { recordAudit, type AuditEvent } from '../audit/audit.writer.js'
import type { LightSettings } from '../problems/lights.js'
import { computeDerived, refreshDerived, syncProblemUnits } from '../problems/problems.derived.js'
import { emitEvent, type DomainEvent } from '../events/events.writer.js'
import { problemsRepository } from '../problems/problems.repository.js'
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

const CHUNK = 500
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
 * Writes an analysed import inside the caller's transaction: new problems in bulk (search tokens,
 * unit links and lights as the problems service derives them), changed problems one by one,
 * then the audit — one entry for the import and one per created or updated problem.
 */
export async function writeImport(tx: DbOrTx, ctx: Ctx, w: WriteInput): Promise<void> {
  const fresh = w.tasks.filter((t) => t.row.action === 'new')
  const changed = w.tasks.filter((t) => t.row.action === 'update')
  const audit: AuditEvent[] = []
  const rows: (typeof problems.$inferInsert)[] = []
  const co: { problemId: string; unitId: string; role: string }[] = []
  const ms: MeasureInsert[] = []
  const mls: MilestoneInsert[] = []
  for (const t of fresh) {
    const id = uuidv7()
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
      leadLeader: t.leadLeader,
      leadUnitId: t.leadUnitId,
      searchTokens: searchTokens(t.row.code, t.title, t.description),
    })
    for (const unitId of t.coUnitIds) co.push({ problemId: id, unitId, role: 'co' })
    const plan = planRows(t, id, w.start)
    ms.push(...plan.ms)
    mls.push(...plan.mls)
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
        measures: t.measures.length,
        via: 'import',
      },
    })
  }
  await repo.insertMany(rows, CHUNK, (c) => tx.insert(problems).values(c))
  await repo.insertMany(co, 2000, (c) => tx.insert(problemUnits).values(c))
  await repo.insertMany(ms, 1000, (c) => tx.insert(measures).values(c))
  await repo.insertMany(mls, 1000, (c) => tx.insert(milestones).values(c))
  const ids = rows.map((r) => r.id)
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK)
    await repo.linkUnits(tx, chunk)
    await storeDerived(tx, chunk, w)
  }
  for (const t of changed) audit.push(await update(tx, t, w))
  audit.unshift({
    action: 'problem.list_imported',
    entityType: 'round',
    entityId: w.roundId,
    after: { fileId: w.fileId, ...w.counts },
  })
  // recordAudit writes one multi-row insert: chunked to stay under the parameter limit.
  for (let i = 0; i < audit.length; i += 1000)
    await recordAudit(tx, ctx, ...audit.slice(i, i + 1000))
}

/** One changed problem: its fields, co-units, and (while the plan is open) its measures. */
async function update(tx: DbOrTx, t: Task, w: WriteInput): Promise<AuditEvent> {
  const ex = t.existing!
  const optional = (f: string) => t.provided.has(f)
  await problemsRepository.update(tx, ex.id, {
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
    leadLeader: t.leadLeader,
    leadUnitId: t.leadUnitId,
    searchTokens: searchTokens(
      t.row.code,
      t.title,
      optional('description') ? t.description : ex.description,
    ),
  })
  await problemsRepository.setCoUnits(tx, ex.id, t.coUnitIds)
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
      measures: ex.measures.length,
    },
    after: {
      title: t.title,
      deadline: t.deadline,
      deadlineText: t.deadlineText,
      mode: t.mode,
      measures: t.measures.length,
      via: 'import',
    },
  }
}

/**
 * refreshDerived for a batch of new problems with one UPDATE … FROM (VALUES …) instead of one
 * per problem (5,000 problems in one import): the same computeDerived, and the same
 * problem.light_changed events when the light differs from the default green.
 */
async function storeDerived(tx: DbOrTx, ids: string[], w: WriteInput): Promise<void> {
  const rows = await tx
    .select({
      id: problems.id,
      status: problems.status,
      deadline: problems.deadline,
      reportedProgress: problems.reportedProgress,
      light: problems.light,
      leadUnitId: problems.leadUnitId,
      code: problems.code,
      title: problems.title,
    })
    .from(problems)
    .where(inArray(problems.id, ids))
  const derived = await computeDerived(tx, rows, w.today, w.settings)
  const events: DomainEvent[] = []
  for (const r of rows) {
    const to = derived.get(r.id)?.light.color
    if (to && to !== r.light)
      events.push({
        type: 'problem.light_changed',
        entityType: 'problem',
        entityId: r.id,
        unitId: r.leadUnitId,
        data: { problemId: r.id, code: r.code, title: r.title, from: r.light, to, date: w.today },
      })
  }
  await emitEvent(tx, ...events)
  const values = [...derived].map(
    ([id, d]) =>
      sql`(${id}::uuid, ${d.plannedProgress}::float8, ${d.light.color}, ${JSON.stringify(d.light.reasons)}::jsonb)`,
  )
  if (!values.length) return
  await tx.execute(sql`
    update ${problems} set planned_progress = v.planned, light = v.light, light_reasons = v.reasons,
      light_as_of = ${w.today}
    from (values ${sql.join(values, sql`, `)}) as v(id, planned, light, reasons)
    where "problems".id = v.id`)
}
