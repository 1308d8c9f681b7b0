import { and, asc, eq, inArray } from 'drizzle-orm'
import type { AccountabilityForm, Role } from '@rectify/schemas'
import type { Db, Tx } from '../db/client.js'
import type { FieldCipher } from '../lib/crypto/field-cipher.js'
import { problems, rounds, units, users } from '../db/schema/index.js'
import type { Ctx } from '../lib/context.js'
import { addDays } from '../lib/dates.js'
import { AccountabilityService } from '../modules/accountability/index.js'
import { InspectionsService } from '../modules/inspections/index.js'
import { DEFAULT_LIGHT_SETTINGS } from '../modules/problems/index.js'
import { ProblemsService } from '../modules/problems/index.js'

export interface InspectionsSeedContext {
  /** The demo office account, which plans inspections and records accountability. */
  officeId: string
  unit: (code: string) => string
  today: string
  cipher: FieldCipher
}

/** The office as the services see it (city-wide). */
async function officeCtx(tx: Tx, userId: string): Promise<Ctx> {
  const [u] = await tx.select().from(users).where(eq(users.id, userId))
  return {
    actor: {
      type: 'user',
      id: u!.id,
      name: u!.username,
      unitId: u!.unitId,
      unitPath: null,
      roles: u!.roles as Role[],
      scopes: [],
      sessionId: null,
      cityWide: true,
    },
    meta: { requestId: null, ip: null, userAgent: 'rectify-cli/seed --demo' },
  }
}

/** The first demo problems (by code) whose region is the county `code`. */
async function problemsIn(tx: Tx, unitId: string, n: number) {
  return tx
    .select({ id: problems.id, code: problems.code })
    .from(problems)
    .where(eq(problems.regionId, unitId))
    .orderBy(asc(problems.code))
    .limit(n)
}

/**
 * Demo inspections and accountability records, through their services: a past unannounced
 * inspection at 临湖县 whose finding opened a problem (source inspection); a planned unannounced
 * one 临湖县 cannot see yet; a routine one at 青山县 whose finding links a ledger problem; and
 * accountability records — a unit talked to (约谈), a person admonished (诫勉), a circulated
 * criticism (通报批评) — tied to demo problems.
 */
export async function seedInspections(
  tx: Tx,
  c: InspectionsSeedContext,
): Promise<{ inspections: number; accountabilityRecords: number }> {
  const db = tx as unknown as Db
  const ctx = await officeCtx(tx, c.officeId)
  const service = new InspectionsService(
    db,
    new ProblemsService(db, DEFAULT_LIGHT_SETTINGS, c.cipher),
  )
  const lh = c.unit('JZ-LH')
  const qs = c.unit('JZ-QS')
  const [round] = await tx.select({ id: rounds.id }).from(rounds).limit(1)

  const past = await service.create(ctx, {
    title: '临湖县湖滨河沿线入河排污口明察暗访',
    kind: 'unannounced',
    plannedDate: addDays(c.today, -40),
    team: '市督查室 王敏、市生态环境局执法支队 周涛、江州日报记者 陈晨',
    sites: [
      { name: '湖滨河城关段', address: '临湖县城关镇滨河路' },
      { name: '湖滨镇工业集中区雨水排口', address: '临湖县湖滨镇工业大道' },
    ],
    targetUnitIds: [lh],
  })
  await service.complete(ctx, past.id, past.version, {
    doneDate: addDays(c.today, -40),
    summary:
      '暗访湖滨河沿线排口6处，发现工业集中区雨水排口晴天排水、水体发黑发臭，已现场取样并移交县生态环境分局。',
  })
  await service.recordFinding(ctx, past.id, {
    content:
      '湖滨镇工业集中区雨水排口晴天排放黑臭废水，现场检测化学需氧量超标2.3倍，疑似企业雨污混接偷排。',
    site: '湖滨镇工业集中区雨水排口',
    unitId: lh,
    problem: {
      roundId: round!.id,
      code: '明察暗访-2026-01',
      title: '湖滨镇工业集中区雨水排口晴天排放黑臭废水',
      description:
        '市督查室明察暗访发现，湖滨镇工业集中区雨水排口晴天排水，水体发黑发臭，疑似企业雨污混接、偷排生产废水。',
      nature: 'individual',
      domain: 'water',
      regionId: lh,
      mode: 'time_bound',
      target: '完成集中区雨污分流改造，排口晴天无排水，受纳水体消除黑臭。',
      deadline: addDays(c.today, 80),
      leadUnitId: lh,
      coUnitIds: [c.unit('JZ-EEB')],
    },
  })

  await service.create(ctx, {
    title: '临湖县畜禽养殖污染治理“回头看”暗访',
    kind: 'unannounced',
    plannedDate: addDays(c.today, 12),
    team: '市督查室 王敏、市农业农村局 孙婷',
    sites: [{ name: '青石乡规模养殖场', address: '临湖县青石乡' }],
    targetUnitIds: [lh],
  })

  const routine = await service.create(ctx, {
    title: '青山县废弃矿山生态修复现场督查',
    kind: 'routine',
    plannedDate: addDays(c.today, -15),
    team: '市督查室 王敏、市自然资源局 郑凯',
    sites: [{ name: '龙潭镇废弃采石场', address: '青山县龙潭镇' }],
    targetUnitIds: [qs],
  })
  const done = await service.complete(ctx, routine.id, routine.version, {
    doneDate: addDays(c.today, -15),
    summary: '现场查看废弃矿山修复点4处，2处复绿效果较好，2处进度滞后。',
  })
  const [qsProblem] = await problemsIn(tx, qs, 1)
  if (qsProblem)
    await service.recordFinding(ctx, done.id, {
      content: '龙潭镇废弃采石场边坡治理尚未开工，矿坑裸露，未见复绿措施。',
      site: '龙潭镇废弃采石场',
      unitId: qs,
      problemId: qsProblem.id,
    })

  // Accountability records, tied to the ledger's problems in 临湖县 and 青山县.
  const accountability = new AccountabilityService(db)
  const lhProblems = (await problemsIn(tx, lh, 2)).map((p) => p.id)
  const qsProblems = (await problemsIn(tx, qs, 1)).map((p) => p.id)
  const [town] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.code, ['JZ-LH-T2']), eq(units.kind, 'township')))
  const records: {
    form: AccountabilityForm
    subject:
      | { kind: 'unit'; unitId: string }
      | { kind: 'person'; unitId: string; name: string; post: string }
    problemIds: string[]
    body: string
    daysAgo: number
    doc: string
    summary: string
  }[] = [
    {
      form: 'talk',
      subject: { kind: 'unit', unitId: lh },
      problemIds: lhProblems,
      body: '市生态环境保护督察整改工作领导小组',
      daysAgo: 30,
      doc: '江整改办〔2026〕9号',
      summary: '临湖县污水处理厂提标改造进度滞后于序时进度，约谈临湖县人民政府主要负责同志。',
    },
    {
      form: 'admonition',
      subject: { kind: 'person', unitId: town?.id ?? lh, name: '刘建国', post: '湖滨镇副镇长' },
      problemIds: lhProblems.slice(0, 1),
      body: '临湖县纪委监委',
      daysAgo: 21,
      doc: '临纪〔2026〕14号',
      summary: '对辖区排污口排查整治工作履职不力，予以诫勉。',
    },
    {
      form: 'criticism',
      subject: { kind: 'unit', unitId: qs },
      problemIds: qsProblems,
      body: '市生态环境保护督察整改工作领导小组',
      daysAgo: 10,
      doc: '江整改办〔2026〕12号',
      summary: '废弃矿山生态修复进度严重滞后，在全市范围内通报批评。',
    },
  ]
  let n = 0
  for (const r of records) {
    if (!r.problemIds.length) continue
    await accountability.create(ctx, {
      subjectKind: r.subject.kind,
      unitId: r.subject.unitId,
      ...(r.subject.kind === 'person'
        ? { personName: r.subject.name, personPost: r.subject.post }
        : {}),
      problemIds: r.problemIds,
      form: r.form,
      decidingBody: r.body,
      decisionDate: addDays(c.today, -r.daysAgo),
      docNumber: r.doc,
      summary: r.summary,
    })
    n += 1
  }
  return { inspections: 3, accountabilityRecords: n }
}
