import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import type { Tx } from '../db/client.js'
import type { FieldCipher } from '../lib/crypto/field-cipher.js'
import {
  files,
  measures,
  milestones,
  problemUnits,
  problems,
  progressReports,
  rounds,
} from '../db/schema/index.js'
import { addDays, daysBetween, periodOf } from '../lib/dates.js'
import { uuidv7 } from '../lib/ids.js'
import { searchTokens } from '../lib/search.js'
import type { FileStore } from '../modules/files/index.js'
import { reverseSchedule } from '../modules/measures/index.js'
import { measurePlanned, sealPhones } from '../modules/problems/index.js'
import { refreshDerived, syncProblemUnits } from '../modules/problems/index.js'
import { demoPdf, demoPng } from './evidence.js'
import { DEMO_PROBLEMS, type DemoProblem, type DemoState } from './ledger-data.js'

export interface LedgerSeedContext {
  unit: (code: string) => string
  /** Users whose names appear on reports and reviews. */
  users: { office: string; eco: string; county: string }
  store: FileStore | null
  today: string
  /** Seals the responsible persons' phones, as the problems service does. */
  cipher: FieldCipher
}

/** Where each demo state puts the dates and the reported progress, relative to today. */
function plan(state: DemoState, today: string) {
  switch (state) {
    case 'draft':
    case 'plan_review':
      return { status: state, start: addDays(today, 10), deadline: addDays(today, 180), lag: 0 }
    case 'near':
      return {
        status: 'in_progress',
        start: addDays(today, -160),
        deadline: addDays(today, 8),
        lag: 0,
      }
    case 'behind':
      return {
        status: 'in_progress',
        start: addDays(today, -120),
        deadline: addDays(today, 90),
        lag: 30,
      }
    case 'milestone_missed':
      return {
        status: 'in_progress',
        start: addDays(today, -200),
        deadline: addDays(today, 60),
        lag: 0,
      }
    case 'overdue':
      return {
        status: 'in_progress',
        start: addDays(today, -300),
        deadline: addDays(today, -20),
        lag: 25,
      }
    case 'long_term':
      return {
        status: 'in_progress',
        start: addDays(today, -240),
        deadline: addDays(today, 1000),
        lag: 0,
      }
    case 'acceptance':
      return {
        status: 'acceptance',
        start: addDays(today, -200),
        deadline: addDays(today, 30),
        lag: 0,
      }
    default:
      return {
        status: 'in_progress',
        start: addDays(today, -90),
        deadline: addDays(today, 150),
        lag: 0,
      }
  }
}

/** The demo's responsible persons (their phones are sealed as the problems service seals them). */
export const DEMO_PERSONS = [
  { name: '周建国', post: '副局长', phone: '0791-8800' },
  { name: '吴晓燕', post: '科长', phone: '0791-8801' },
  { name: '郑海涛', post: '副县长', phone: '0791-8802' },
]

/**
 * The demo ledger: a central round and the ~40 problems of DEMO_PROBLEMS in every state the
 * ledger defines (draft, plan review, in progress green/blue/yellow/red, long-term, applied for
 * acceptance), with measures, reverse-scheduled milestones, reports and small evidence files.
 */
export async function seedDemoLedger(
  tx: Tx,
  c: LedgerSeedContext,
): Promise<{ problems: number; reports: number; files: number }> {
  const { today } = c
  const roundId = uuidv7()
  await tx.insert(rounds).values({
    id: roundId,
    name: '第二轮第五批中央生态环境保护督察',
    kind: 'central',
    stationedFrom: addDays(today, -420),
    stationedTo: addDays(today, -390),
    feedbackDate: addDays(today, -330),
    planApprovedDate: addDays(today, -300),
    settings: { acceptanceLevels: ['county', 'city'], publicityDays: 5 },
  })
  const ids: string[] = []
  let reportCount = 0
  let fileCount = 0
  for (const [i, d] of DEMO_PROBLEMS.entries()) {
    const id = uuidv7()
    ids.push(id)
    const pl = plan(d.state, today)
    const code =
      d.source === 'petition'
        ? `信访件 D3600000-${String(120 + i).padStart(4, '0')}`
        : `反馈问题第${i + 1}项`
    await tx.insert(problems).values({
      id,
      roundId,
      code,
      title: d.title,
      description: d.description,
      source: d.source,
      nature: d.nature,
      domain: d.domain,
      regionId: c.unit(d.region),
      mode: d.mode,
      target: `${d.measures[0]}，${d.mode === 'long_term' ? '长期坚持、定期调度' : '按期完成整改并通过验收'}。`,
      deadline: pl.deadline,
      leadLeader: { name: ['陈刚', '林志强', '黄丽'][i % 3], post: '副市长' },
      leadUnitId: c.unit(d.lead),
      responsiblePersons: sealPhones(c.cipher, [DEMO_PERSONS[i % 3]!]),
      public: d.state !== 'draft' && i % 4 !== 0,
      status: pl.status,
      searchTokens: searchTokens(code, d.title, d.description),
      createdAt: new Date(`${pl.start}T09:00:00+08:00`),
    })
    if (d.co.length)
      await tx
        .insert(problemUnits)
        .values(d.co.map((u) => ({ problemId: id, unitId: c.unit(u), role: 'co' })))
    const done = await seedMeasures(tx, c, id, d, pl)
    const reported = done.length ? Math.round(done.reduce((s, x) => s + x, 0) / done.length) : 0
    await tx
      .update(problems)
      .set({ reportedProgress: pl.status === 'acceptance' ? 100 : reported })
      .where(eqId(id))
    if (pl.status === 'in_progress' || pl.status === 'acceptance') {
      const r = await seedReports(tx, c, id, d, reported, i)
      reportCount += r.reports
      fileCount += r.files
    }
    await syncProblemUnits(tx, id)
  }
  await refreshDerived(tx, ids, today)
  return { problems: ids.length, reports: reportCount, files: fileCount }
}

const eqId = (id: string) => eq(problems.id, id)

/** Measures with reverse-scheduled milestones; returns each measure's reported percent. */
async function seedMeasures(
  tx: Tx,
  c: LedgerSeedContext,
  problemId: string,
  d: DemoProblem,
  pl: ReturnType<typeof plan>,
) {
  const percents: number[] = []
  for (const [k, content] of d.measures.entries()) {
    const id = uuidv7()
    const unitCode = k === 0 ? d.lead : (d.co[k - 1] ?? d.region)
    const proposal = reverseSchedule(
      pl.start,
      pl.deadline,
      k === 0 && d.domain !== 'air' ? 'engineering' : 'standard',
    )
    const ms = proposal.milestones.map((m, n) => {
      // Milestones already due are done on time, except where the demo shows one missed.
      const due = daysBetween(m.dueDate, c.today) >= 0
      const missed = d.state === 'milestone_missed' && k === 0 && due && n === 1
      return { ...m, doneDate: due && !missed && pl.status !== 'draft' ? m.dueDate : null }
    })
    const facts = {
      id,
      startDate: pl.start,
      deadline: pl.deadline,
      weight: 1,
      status: 'in_progress' as const,
      percent: 0,
      milestones: ms.map((m) => ({
        name: m.name,
        dueDate: m.dueDate,
        weight: m.weight ?? null,
        doneDate: m.doneDate,
      })),
    }
    const planned = measurePlanned(facts, c.today)
    const accepted = pl.status === 'acceptance'
    const percent = accepted
      ? 100
      : pl.status === 'in_progress'
        ? Math.max(0, Math.min(100, Math.round(planned - pl.lag)))
        : 0
    percents.push(percent)
    await tx.insert(measures).values({
      id,
      problemId,
      seq: k + 1,
      content,
      unitId: c.unit(unitCode),
      personName: DEMO_PERSONS[k % 3]!.name,
      startDate: pl.start,
      deadline: pl.deadline,
      status: accepted ? 'done' : pl.status === 'in_progress' ? 'in_progress' : 'pending',
      percent,
      doneDate: accepted ? addDays(c.today, -5) : null,
    })
    await tx.insert(milestones).values(
      ms.map((m, n) => ({
        id: uuidv7(),
        measureId: id,
        seq: n + 1,
        name: m.name,
        dueDate: m.dueDate,
        weight: m.weight ?? null,
        doneDate: m.doneDate,
      })),
    )
  }
  return percents
}

/** The demo `county` account reports for 临湖县; other counties' reports name their liaison. */
function submitter(c: LedgerSeedContext, d: DemoProblem) {
  return d.region === 'JZ-LH'
    ? { submittedBy: c.users.county, submittedByName: '临湖县 张伟' }
    : { submittedBy: null, submittedByName: '县区整改联络员' }
}

/** Last month's accepted report (with evidence) and, for some, this month's waiting or returned one. */
async function seedReports(
  tx: Tx,
  c: LedgerSeedContext,
  problemId: string,
  d: DemoProblem,
  reported: number,
  i: number,
) {
  const unitId = c.unit(d.region)
  const lastMonth = periodOf(addDays(c.today.slice(0, 8) + '01', -1))
  const reportId = uuidv7()
  await tx.insert(progressReports).values({
    id: reportId,
    problemId,
    unitId,
    period: lastMonth,
    done: `${d.measures[0]}：已完成阶段性工作，累计完成${reported}%。`,
    percent: reported,
    issues:
      d.state === 'behind' || d.state === 'overdue' ? '资金和用地手续落实较慢，施工进度滞后。' : '',
    nextSteps: '继续推进整改，按节点完成任务。',
    status: 'accepted',
    reviewNote: '同意。',
    reviewedBy: c.users.office,
    reviewedAt: new Date(`${c.today}T02:00:00Z`),
    rating: d.mode === 'long_term' ? 'on_schedule' : null,
    ...submitter(c, d),
    createdAt: new Date(`${addDays(c.today, -20)}T03:00:00Z`),
  })
  let fileCount = 0
  if (c.store && i % 3 === 0) {
    const evidence = [
      { name: `现场照片-${i + 1}.png`, type: 'image/png', bytes: demoPng(i) },
      {
        name: `监测报告-${i + 1}.pdf`,
        type: 'application/pdf',
        bytes: demoPdf(`Monitoring report ${i + 1}`),
      },
    ]
    for (const e of evidence) {
      const stored = await c.store.put(Readable.from([e.bytes]))
      await tx.insert(files).values({
        id: uuidv7(),
        name: e.name,
        size: stored.size,
        mimeType: e.type,
        sha256: stored.sha256,
        storageKey: stored.key,
        ownerType: 'report',
        ownerId: reportId,
        problemId,
        unitId,
        uploadedBy: d.region === 'JZ-LH' ? c.users.county : null,
      })
      fileCount++
    }
  }
  let reports = 1
  if (i % 2 === 0 && d.state !== 'acceptance') {
    const returned = d.state === 'behind'
    await tx.insert(progressReports).values({
      id: uuidv7(),
      problemId,
      unitId,
      period: periodOf(c.today),
      done: `本月继续推进${d.measures[0]}。`,
      percent: Math.min(100, reported + 5),
      issues: '',
      nextSteps: '按计划推进。',
      status: returned ? 'returned' : 'submitted',
      reviewNote: returned ? '佐证材料不足，请补充现场照片和监测数据后重新报送。' : null,
      reviewedBy: returned ? c.users.office : null,
      reviewedAt: returned ? new Date() : null,
      ...submitter(c, d),
    })
    reports++
  }
  return { reports, files: fileCount }
}
