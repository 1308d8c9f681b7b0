import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, asc, count, eq, inArray } from 'drizzle-orm'
import type { ProblemImportReport } from '@rectify/schemas'
import {
  auditLog,
  measures,
  milestones,
  problemUnits,
  problems,
  rounds,
} from '../src/db/schema/index.js'
import { shanghaiDate } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import { client, login, makeUnit, makeWorld } from './factories.js'
import { makeProblem, makeRound, qs } from './ledger-factories.js'
import { xls, xlsx } from './fixtures/workbooks.js'
import { readRows, taskSheet, uploadXlsx } from './problem-import-factories.js'

let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let hud: { id: string; name: string }
let wrb: { id: string }
const tokens: Record<string, string> = {}
const PLAN_DATE = '2026-03-01'
/** Next year (Asia/Shanghai): the fixtures' deadlines stay ahead of today whenever this runs. */
const Y = Number(shanghaiDate().slice(0, 4)) + 1

const HEADERS = [
  '序号',
  '问题\n编号',
  '督察反馈问题',
  '牵头单位',
  '配合单位',
  '牵头市领导',
  '整改目标',
  '完成\n时限',
  '整改措施',
  '整改方式',
]
/** A published plan's task table: title rows, wrapped headers, a task over two merged rows. */
const MESSY = {
  above: [['附件1'], ['江州市贯彻落实中央生态环境保护督察反馈意见整改任务清单']],
  headers: HEADERS,
  rows: [
    [
      1,
      '反馈问题第1项',
      '城区污水管网雨污混流',
      '市住建局',
      '市生态环境局、甲县',
      '王明（副市长）',
      '消除直排',
      `${Y}年底前完成管网排查；${Y + 1}年底前全部完成`,
      `1.${Y}年6月底前完成排查；2.新建管网12公里`,
      '',
    ],
    [
      2,
      '反馈问题第2项',
      '工地扬尘管控不到位',
      '市生态环境局',
      '',
      '',
      '全部密闭运输',
      '立行立改、长期坚持',
      '开展专项检查',
      '',
    ],
    ['', '', '', '', '乙县', '', '', '', '建立渣土车监管平台', ''],
    [
      3,
      '反馈问题第3项',
      '饮用水水源地违规建筑',
      '市水利局',
      '各县（市、区）人民政府',
      '李强',
      '清理违建',
      `${Y}年6月底前`,
      '（1）清理违建（2）设置隔离设施',
      '',
    ],
    [
      4,
      '反馈问题第4项',
      '河道采砂监管不力',
      '市生态环境局',
      '',
      '',
      '',
      `${Y}年6月底前完成并长期坚持`,
      '一、完成排查；二、长效监管',
      '',
    ],
  ],
  // Task 2 spans sheet rows 5–6: its 序号, 编号, 问题, 牵头单位, 时限 cells are merged down.
  merges: [
    [5, 1, 6, 1],
    [5, 2, 6, 2],
    [5, 3, 6, 3],
    [5, 4, 6, 4],
    [5, 8, 6, 8],
  ] as [number, number, number, number][],
}

const api = (who: string) => client(t.app, tokens[who])
async function runImport(
  roundId: string,
  data: Buffer,
  body: Record<string, unknown> = {},
  who = 'office',
) {
  const fileId = await uploadXlsx(t.app, tokens[who]!, data)
  return api(who).post(`/api/v1/rounds/${roundId}/problem-import`, { fileId, ...body })
}
async function newRound() {
  const r = await makeRound(t.database.db)
  await t.database.db.update(rounds).set({ planApprovedDate: PLAN_DATE }).where(eq(rounds.id, r.id))
  return r
}

/** A round's problems as the round trip compares them. */
async function snapshot(roundId: string) {
  const db = t.database.db
  const rows = await db
    .select()
    .from(problems)
    .where(eq(problems.roundId, roundId))
    .orderBy(asc(problems.code))
  const ids = rows.map((r) => r.id)
  const co = ids.length
    ? await db.select().from(problemUnits).where(inArray(problemUnits.problemId, ids))
    : []
  const ms = ids.length
    ? await db
        .select()
        .from(measures)
        .where(inArray(measures.problemId, ids))
        .orderBy(asc(measures.seq))
    : []
  return rows.map((p) => ({
    code: p.code,
    title: p.title,
    description: p.description,
    lead: p.leadUnitId,
    co: co
      .filter((u) => u.problemId === p.id && u.role === 'co')
      .map((u) => u.unitId)
      .sort(),
    leader: p.leadLeader,
    collective: p.collectiveUnits,
    target: p.target,
    deadline: p.deadline,
    mode: p.mode,
    deadlineText: p.deadlineText,
    // The ledger shows measures as text (a measure's unit is its task's lead or the unit it names).
    measures: ms.filter((m) => m.problemId === p.id).map((m) => [m.content, m.deadline]),
  }))
}

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  hud = await makeUnit(t.database.db, { parent: world.units.city, name: '市住建局' })
  wrb = await makeUnit(t.database.db, { parent: world.units.city, name: '市水利局' })
  for (const who of ['office', 'lead', 'unitA', 'unitB'] as const)
    tokens[who] = (await login(t.app, world.users[who].username)).accessToken
})
afterAll(() => t?.close())

describe('problem-list import', () => {
  it('reads a task table with a two-row merged header, a traditional-character row and notes — .xlsx and .xls alike', async () => {
    const rows = [
      ['附件1'],
      ['江州市整改任务清单'],
      ['序号', '反馈意见建议', '整改责任', null, '整改時限', '整改措施'],
      [null, null, '责任单位', '牵头市领导', null, null],
      [1, '城区扬尘管控不到位', '市住建局', '王明（副市长）', `${Y}年底前`, '开展工地巡查'],
      [null, null, null, null, null, '建立扬尘台账'],
      [2, '河道採砂監管不力', '甲縣', '', `${Y}年６月底前`, '开展联合执法'],
      ['填表说明：序号按问题编排。'],
      ['制表人：张三', null, '审核人：李四'],
    ]
    const merges: [number, number, number, number][] = [
      [2, 1, 2, 6],
      [3, 1, 4, 1],
      [3, 2, 4, 2],
      [3, 3, 3, 4],
      [3, 5, 4, 5],
      [3, 6, 4, 6],
      [5, 1, 6, 1],
      [5, 2, 6, 2],
      [5, 3, 6, 3],
      [5, 4, 6, 4],
      [5, 5, 6, 5],
    ]
    for (const data of [await xlsx(rows, merges), xls(rows, merges)]) {
      const round = await newRound()
      const res = await runImport(round.id, data)
      expect(res.statusCode, res.body).toBe(200)
      const r = res.json<ProblemImportReport>()
      expect(r.errors).toEqual([])
      expect(r.columns.map((c) => [c.header, c.field])).toEqual([
        ['序号', 'seq'],
        ['反馈意见建议', 'title'],
        ['责任单位', 'units'],
        ['牵头市领导', 'leadLeader'],
        ['整改时限', 'deadline'],
        ['整改措施', 'measures'],
      ])
      expect(r.rows.map((x) => [x.rows, x.code, x.title, x.deadline.deadline, x.measures])).toEqual(
        [
          [[5, 6], '1', '城区扬尘管控不到位', `${Y}-12-31`, ['开展工地巡查', '建立扬尘台账']],
          [[7], '2', '河道採砂監管不力', `${Y}-06-30`, ['开展联合执法']],
        ],
      )
      expect(r.rows[1]!.units.map((u) => [u.text, u.unit?.id])).toEqual([
        ['甲縣', world.units.countyA.id],
      ])
      const done = await runImport(round.id, data, { dryRun: false })
      expect(done.json<ProblemImportReport>()).toMatchObject({ imported: true, counts: { new: 2 } })
    }
  })

  it('reads a messy plan in a dry run: title rows, wrapped headers, merged tasks, stages, marks — and writes nothing', async () => {
    const round = await newRound()
    const res = await runImport(round.id, await taskSheet(MESSY), { expandCollective: true })
    expect(res.statusCode).toBe(200)
    const r = res.json<ProblemImportReport>()
    expect(r.errors).toEqual([])
    expect(r.counts).toMatchObject({ tasks: 4, new: 4, measures: 8 })
    const [one, two, three, four] = r.rows
    expect(one!.deadline).toMatchObject({ mode: 'time_bound', deadline: `${Y + 1}-12-31` })
    expect(one!.deadline.stages.map((s) => s.deadline)).toEqual([`${Y}-12-31`, `${Y + 1}-12-31`])
    expect(one!.measures).toEqual([`${Y}年6月底前完成排查`, '新建管网12公里'])
    expect(one!.units.map((u) => [u.text, u.role, u.unit?.id])).toEqual([
      ['市住建局', 'lead', hud.id],
      ['市生态环境局', 'co', world.units.eeb.id],
      ['甲县', 'co', world.units.countyA.id],
    ])
    expect(two).toMatchObject({ rows: [5, 6], measures: ['开展专项检查', '建立渣土车监管平台'] })
    expect(two!.deadline).toMatchObject({ mode: 'long_term', text: '立行立改、长期坚持' })
    expect(three!.units.find((u) => u.collective)).toMatchObject({
      text: '各县（市、区）人民政府',
      role: 'co',
    })
    expect(four!.deadline).toMatchObject({ mode: 'long_term', deadline: `${Y}-06-30` })
    expect(r.columns.find((c) => c.header === '完成时限')).toMatchObject({
      field: 'deadline',
      by: 'synonym',
    })
    expect(
      await t.database.db
        .select({ n: count() })
        .from(problems)
        .where(eq(problems.roundId, round.id)),
    ).toEqual([{ n: 0 }])
  })

  it('reports errors per row and column in Chinese and English, offers to expand collective names, and suggests units', async () => {
    const round = await newRound()
    const sheet = await taskSheet({
      headers: ['序号', '督察反馈问题', '责任单位', '整改时限'],
      rows: [
        [1, '问题甲', '市住房城乡建设局', `${Y}年底前`],
        [2, '问题乙', '市生态环境局、各县区', '尽快'],
        [3, '', '市生态环境局', `${Y}年底前`],
      ],
    })
    const r = (await runImport(round.id, sheet)).json<ProblemImportReport>()
    const at = (row: number) => r.errors.filter((e) => e.row === row).map((e) => e.column)
    expect(at(2)).toEqual(['责任单位'])
    expect(r.errors.find((e) => e.row === 2)!.message).toContain('市住建局')
    expect(r.rows[0]!.units[0]!.suggestions[0]).toMatchObject({ id: hud.id })
    expect(at(3).sort()).toEqual(['整改时限', '责任单位'])
    expect(r.errors.find((e) => e.row === 3 && e.column === '责任单位')!.message).toContain(
      '集合名称',
    )
    expect(at(4)).toEqual(['督察反馈问题'])
    expect(r.errors.every((e) => e.messageEn.length > 0)).toBe(true)
    expect(r.rows.map((x) => x.action)).toEqual(['error', 'error', 'error'])

    // A commit with errors writes nothing and answers 422 with the report.
    const refused = await runImport(round.id, sheet, { dryRun: false })
    expect(refused.statusCode).toBe(422)
    expect(refused.json<{ report: ProblemImportReport }>().report.imported).toBe(false)
    expect(
      await t.database.db
        .select({ n: count() })
        .from(problems)
        .where(eq(problems.roundId, round.id)),
    ).toEqual([{ n: 0 }])

    // The chosen unit for the unknown name and the expansion clear the unit errors.
    const fixed = (
      await runImport(round.id, sheet, {
        unitAliases: { 市住房城乡建设局: hud.id },
        expandCollective: true,
      })
    ).json<ProblemImportReport>()
    expect(fixed.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '整改时限'],
      [4, '督察反馈问题'],
    ])
  })

  it('lets the office map an unknown column and remembers the mapping', async () => {
    const round = await newRound()
    const sheet = await taskSheet({
      headers: ['序号', '任务内容', '责任单位', '整改时限'],
      rows: [[1, '问题丙', '市生态环境局', `${Y}年底前`]],
    })
    const first = (await runImport(round.id, sheet)).json<ProblemImportReport>()
    expect(first.missingFields).toEqual(['title'])
    // The column named as the clerk knows it, never the field's name (title).
    expect(first.errors).toEqual([
      {
        row: 1,
        column: '问题/整改任务',
        cell: null,
        message: expect.stringMatching(
          /^缺少必需的列“问题\/整改任务”（可用列名：问题、反馈问题、反馈意见、整改任务、督察反馈问题、反馈意见建议……）/,
        ),
        messageEn: expect.stringMatching(
          /^Missing required column “问题\/整改任务” \(problem or task; /,
        ),
      },
    ])
    const done = await runImport(round.id, sheet, { dryRun: false, mapping: { 任务内容: 'title' } })
    expect(done.json<ProblemImportReport>()).toMatchObject({ imported: true, counts: { new: 1 } })
    const again = (await runImport(round.id, sheet)).json<ProblemImportReport>()
    expect(again.columns[1]).toMatchObject({ header: '任务内容', field: 'title', by: 'mapping' })
    expect(again.rows[0]!.action).toBe('unchanged')
  })

  it('round-trips: the ledger export imported into an empty round gives the same problems, and again changes nothing', async () => {
    const db = t.database.db
    const source = await newRound()
    const imported = await runImport(source.id, await taskSheet(MESSY), {
      dryRun: false,
      expandCollective: true,
    })
    expect(imported.json<ProblemImportReport>()).toMatchObject({
      imported: true,
      counts: { new: 4 },
    })
    // Typed-in problems (no deadline text), immediate and time-bound, with co-units.
    await makeProblem(db, {
      round: source,
      code: '自查问题1',
      description: '自查发现：园区雨水排口旱季有污水流出，经溯源为企业内部管网混接。',
      leadUnit: world.units.eeb,
      coUnits: [world.units.countyB],
      mode: 'immediate',
      deadline: '2026-05-01',
      leadLeader: { name: '赵六', post: '' },
    })
    await makeProblem(db, {
      round: source,
      code: '自查问题2',
      leadUnit: world.units.countyA,
      mode: 'time_bound',
      deadline: '2026-09-30',
    })
    // A collective responsibility recorded with its coordinating unit goes out in 集体责任.
    await db
      .update(problems)
      .set({ collectiveUnits: '各县（市、区）人民政府' })
      .where(and(eq(problems.roundId, source.id), eq(problems.code, '自查问题2')))
    const stages = await db.select({ n: count() }).from(milestones)
    expect(stages[0]!.n).toBeGreaterThan(0)

    const exported = await api('office').get(`/api/v1/exports/problems${qs({ round: source.id })}`)
    expect(exported.statusCode).toBe(200)
    expect(exported.headers['content-type']).toContain('spreadsheetml')
    const rows = await readRows(exported.rawPayload)
    // A title row and an as-of line above the header, as a clerk's 台账 has them.
    expect(rows[2]!.slice(0, 10)).toEqual([
      '序号',
      '问题编号',
      '督察反馈问题',
      '问题描述',
      '责任单位',
      '集体责任',
      '牵头市领导',
      '整改目标',
      '整改时限',
      '整改措施',
    ])
    expect(rows).toHaveLength(3 + 6)

    const target = await newRound()
    // The typed-in problems' deadlines have passed: the clerk acknowledges the warnings.
    const refused = await runImport(target.id, exported.rawPayload, {
      dryRun: false,
      expandCollective: true,
    })
    expect(refused.statusCode).toBe(422)
    const r = await runImport(target.id, exported.rawPayload, {
      dryRun: false,
      expandCollective: true,
      acknowledge: 'all',
    })
    expect(r.json<ProblemImportReport>()).toMatchObject({
      imported: true,
      errors: [],
      counts: { new: 6 },
    })
    expect(await snapshot(target.id)).toEqual(await snapshot(source.id))
    // Lights are derived on import as on create: the immediate problem due in May is red.
    const lights = await db
      .select({ code: problems.code, light: problems.light, asOf: problems.lightAsOf })
      .from(problems)
      .where(eq(problems.roundId, target.id))
    expect(lights.every((l) => l.asOf !== null)).toBe(true)
    expect(lights.find((l) => l.code === '自查问题1')!.light).toBe('red')

    const before = await db
      .select()
      .from(problems)
      .where(eq(problems.roundId, target.id))
      .orderBy(asc(problems.code))
    const fileId = await uploadXlsx(t.app, tokens.office!, exported.rawPayload)
    const audits = await db.select({ n: count() }).from(auditLog)
    const again = await api('office').post(`/api/v1/rounds/${target.id}/problem-import`, {
      fileId,
      dryRun: false,
      expandCollective: true,
    })
    expect(again.json<ProblemImportReport>().counts).toMatchObject({
      unchanged: 6,
      new: 0,
      updated: 0,
    })
    expect(
      await db
        .select()
        .from(problems)
        .where(eq(problems.roundId, target.id))
        .orderBy(asc(problems.code)),
    ).toEqual(before)
    expect(await db.select({ n: count() }).from(auditLog)).toEqual(audits)
  })

  it('updates a problem whose row changed, and only it', async () => {
    const round = await newRound()
    const sheet = (title: string) =>
      taskSheet({
        headers: ['问题编号', '督察反馈问题', '责任单位', '整改时限', '整改措施'],
        rows: [
          ['A-1', title, '市生态环境局', `${Y}年底前`, '1、排查；2、整治'],
          ['A-2', '不变的问题', '市水利局', `${Y}年底前`, '整治'],
        ],
      })
    await runImport(round.id, await sheet('原标题'), { dryRun: false })
    const dry = (await runImport(round.id, await sheet('新标题'))).json<ProblemImportReport>()
    expect(dry.rows.map((x) => x.action)).toEqual(['update', 'unchanged'])
    const r = (
      await runImport(round.id, await sheet('新标题'), { dryRun: false })
    ).json<ProblemImportReport>()
    expect(r).toMatchObject({ imported: true, rows: [], counts: { updated: 1, unchanged: 1 } })
    const [a1] = await t.database.db.select().from(problems).where(eq(problems.code, 'A-1'))
    expect(a1).toMatchObject({ title: '新标题', version: 2 })
    const [a2] = await t.database.db.select().from(problems).where(eq(problems.code, 'A-2'))
    expect(a2).toMatchObject({ version: 1, leadUnitId: wrb.id })
  })
})

describe('import and export access', () => {
  it('lets only the office import, and only its own unattached upload', async () => {
    const round = await newRound()
    const sheet = await taskSheet(MESSY)
    expect((await runImport(round.id, sheet, {}, 'lead')).statusCode).toBe(403)
    const fileId = await uploadXlsx(t.app, tokens.lead!, sheet)
    const res = await api('office').post(`/api/v1/rounds/${round.id}/problem-import`, { fileId })
    expect(res.statusCode).toBe(404)
    expect((await api('lead').get('/api/v1/problems/import-template')).statusCode).toBe(403)
  })

  it('serves a template dated from next year that imports with no error or warning, its collective expanded when ticked', async () => {
    const db = t.database.db
    const tpl = await api('office').get('/api/v1/problems/import-template')
    expect(tpl.statusCode).toBe(200)
    const rows = await readRows(tpl.rawPayload)
    expect(rows[2]![6]).toContain(`${Y}年6月底前`)
    // A round dated like the demo's (feedback 330 days ago, plan approved 300 days ago), with
    // the units the template names.
    const round = await makeRound(db)
    const today = shanghaiDate()
    const ago = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10)
    await db
      .update(rounds)
      .set({ feedbackDate: ago(330), planApprovedDate: ago(300) })
      .where(eq(rounds.id, round.id))
    const east = await makeUnit(db, { parent: world.units.city, kind: 'county', name: '江东区' })
    for (const name of ['市城管局', '市自然资源局'])
      await makeUnit(db, { parent: world.units.city, name })
    const unticked = (await runImport(round.id, tpl.rawPayload)).json<ProblemImportReport>()
    expect(unticked.errors.map((e) => [e.row, e.column])).toEqual([[5, '责任单位']])
    const ticked = (
      await runImport(round.id, tpl.rawPayload, { expandCollective: true })
    ).json<ProblemImportReport>()
    const third = ticked.rows[2]!
    expect(third.units[0]).toMatchObject({ collectiveKind: 'counties', choice: 'expand' })
    expect(third.units[0]!.expandsTo.map((u) => u.id)).toContain(east.id)
    const r = await runImport(round.id, tpl.rawPayload, { expandCollective: true, dryRun: false })
    expect(r.statusCode).toBe(200)
    expect(r.json<ProblemImportReport>()).toMatchObject({
      imported: true,
      errors: [],
      warnings: [],
      counts: { tasks: 3, new: 3 },
    })
    const [one] = await db.select().from(problems).where(eq(problems.code, '示例第1项'))
    expect(one!.deadline).toBe(`${Y + 1}-12-31`)
    // The collective was expanded on commit: the new county is one of the third task's units.
    const [three] = await db.select().from(problems).where(eq(problems.code, '示例第3项'))
    const units = await db.select().from(problemUnits).where(eq(problemUnits.problemId, three!.id))
    expect(units.map((u) => u.unitId)).toContain(east.id)
  })

  it('scopes the ledger export like the ledger: a county gets only its rows, and it is audited', async () => {
    const db = t.database.db
    const round = await newRound()
    await makeProblem(db, { round, code: 'S-A', leadUnit: world.units.countyA })
    await makeProblem(db, { round, code: 'S-B', leadUnit: world.units.countyB })
    await makeProblem(db, {
      round,
      code: 'S-C',
      leadUnit: world.units.eeb,
      coUnits: [world.units.countyA],
    })
    const codes = async (who: string) => {
      const res = await api(who).get(`/api/v1/exports/problems${qs({ round: round.id })}`)
      expect(res.statusCode).toBe(200)
      return (await readRows(res.rawPayload)).slice(3).map((r) => r[1])
    }
    expect(await codes('office')).toEqual(['S-A', 'S-B', 'S-C'])
    expect(await codes('unitA')).toEqual(['S-A', 'S-C'])
    expect(await codes('unitB')).toEqual(['S-B'])
    const byUnit = await api('office').get(
      `/api/v1/exports/problems${qs({ round: round.id, unit: world.units.countyB.id })}`,
    )
    expect((await readRows(byUnit.rawPayload)).slice(3).map((r) => r[1])).toEqual(['S-B'])
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'export.problems'))
      .orderBy(asc(auditLog.seq))
    expect(entry!.after).toMatchObject({ filters: { round: expect.any(String) } })
  })
})
