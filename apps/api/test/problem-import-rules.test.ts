import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import type { ProblemImportReport } from '@rectify/schemas'
import { auditLog, files, problemUnits, problems, rounds, units } from '../src/db/schema/index.js'
import { filesDir } from '../src/config.js'
import { shanghaiDate } from '../src/lib/dates.js'
import { createTestApp, type TestApp } from './build-app.js'
import { client, login, makeUnit, makeWorld } from './factories.js'
import { makeRound } from './ledger-factories.js'
import { taskSheet, uploadXlsx } from './problem-import-factories.js'

/**
 * The problem-list import's rules on tables as offices publish them: collective phrases, unknown
 * units created in the import, what was inferred, and warnings to acknowledge.
 */
let t: TestApp
let world: Awaited<ReturnType<typeof makeWorld>>
let token = ''
const Y = Number(shanghaiDate().slice(0, 4)) + 1
const HEADERS = ['序号', '督察反馈问题', '责任单位', '整改时限']

async function run(roundId: string, data: Buffer, body: Record<string, unknown> = {}) {
  const fileId = await uploadXlsx(t.app, token, data)
  return client(t.app, token).post(`/api/v1/rounds/${roundId}/problem-import`, { fileId, ...body })
}
async function round(dates: { feedbackDate?: string; planApprovedDate?: string } = {}) {
  const r = await makeRound(t.database.db)
  await t.database.db
    .update(rounds)
    .set({ planApprovedDate: `${Y - 1}-03-01`, feedbackDate: null, ...dates })
    .where(eq(rounds.id, r.id))
  return r
}

beforeAll(async () => {
  t = await createTestApp()
  world = await makeWorld(t.database.db)
  await makeUnit(t.database.db, { parent: world.units.city, name: '市住建局' })
  token = (await login(t.app, world.users.office.username)).accessToken
})
afterAll(() => t?.close())

describe('collective phrases', () => {
  const sheet = () =>
    taskSheet({
      headers: HEADERS,
      rows: [
        [1, '秸秆焚烧管控不力', '各级党委、政府', `${Y}年底前`],
        [2, '工业园区污水直排', '市生态环境局（牵头）、各乡镇（街道）、市直有关单位', `${Y}年底前`],
      ],
    })

  it('reads each phrase as one collective, 、 and all, and says what it expands to', async () => {
    const r = (await run((await round()).id, await sheet())).json<ProblemImportReport>()
    const [one, two] = r.rows
    expect(one!.units.map((u) => [u.text, u.collectiveKind, u.choice])).toEqual([
      ['各级党委、政府', 'levels', null],
    ])
    expect(one!.units[0]!.expandsTo.map((u) => u.id).sort()).toEqual(
      [world.units.countyA.id, world.units.countyB.id, world.units.townA.id].sort(),
    )
    expect(two!.units.map((u) => [u.text, u.role, u.collectiveKind])).toEqual([
      ['市生态环境局', 'lead', null],
      ['各乡镇（街道）', 'co', 'townships'],
      ['市直有关单位', 'co', 'departments'],
    ])
    // 市直: the departments directly under the city, not the counties or townships.
    const depts = two!.units[2]!.expandsTo.map((u) => u.name)
    expect(depts).toContain('市生态环境局')
    expect(depts).not.toContain('甲县')
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '责任单位'],
      [3, '责任单位'],
      [3, '责任单位'],
    ])
  })

  it('expands a phrase or records it as a collective responsibility with a coordinating unit', async () => {
    const rd = await round()
    const res = await run(rd.id, await sheet(), {
      dryRun: false,
      collectives: {
        '各级党委、政府': { action: 'collective', coordinatorId: world.units.eeb.id },
        '各乡镇（街道）': { action: 'expand' },
        市直有关单位: { action: 'collective', coordinatorId: world.units.office.id },
      },
    })
    expect(res.statusCode).toBe(200)
    const db = t.database.db
    const [one] = await db
      .select()
      .from(problems)
      .where(and(eq(problems.roundId, rd.id), eq(problems.code, '1')))
    expect(one).toMatchObject({ leadUnitId: world.units.eeb.id, collectiveUnits: '各级党委、政府' })
    const [two] = await db
      .select()
      .from(problems)
      .where(and(eq(problems.roundId, rd.id), eq(problems.code, '2')))
    expect(two).toMatchObject({ leadUnitId: world.units.eeb.id, collectiveUnits: '市直有关单位' })
    const co = await db
      .select({ unitId: problemUnits.unitId })
      .from(problemUnits)
      .where(and(eq(problemUnits.problemId, two!.id), eq(problemUnits.role, 'co')))
    expect(co.map((c) => c.unitId).sort()).toEqual(
      [world.units.townA.id, world.units.office.id].sort(),
    )
  })
})

describe('unknown units', () => {
  const sheet = () =>
    taskSheet({
      headers: HEADERS,
      rows: [[1, '城区河道黑臭', '市城市管理局、甲县', `${Y}年底前`]],
    })

  it('suggests the closest units, and lets the office create the unit under an existing one in the same import, audited', async () => {
    const rd = await round()
    const dry = (await run(rd.id, await sheet())).json<ProblemImportReport>()
    expect(dry.errors).toHaveLength(1)
    expect(dry.rows[0]!.units[0]).toMatchObject({ text: '市城市管理局', unit: null })
    const planned = (
      await run(rd.id, await sheet(), {
        createUnits: { 市城市管理局: { parentId: world.units.city.id } },
      })
    ).json<ProblemImportReport>()
    expect(planned.errors).toEqual([])
    expect(planned.newUnits).toEqual([
      {
        name: '市城市管理局',
        kind: 'department',
        parent: expect.objectContaining({ id: world.units.city.id }),
      },
    ])
    // The dry run created nothing.
    const db = t.database.db
    expect(await db.select().from(units).where(eq(units.name, '市城市管理局'))).toEqual([])
    const done = await run(rd.id, await sheet(), {
      dryRun: false,
      createUnits: { 市城市管理局: { parentId: world.units.city.id } },
    })
    expect(done.json<ProblemImportReport>().imported).toBe(true)
    const [unit] = await db.select().from(units).where(eq(units.name, '市城市管理局'))
    expect(unit).toMatchObject({ kind: 'department', parentId: world.units.city.id })
    const [p] = await db.select().from(problems).where(eq(problems.roundId, rd.id))
    expect(p!.leadUnitId).toBe(unit!.id)
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'unit.created'), eq(auditLog.entityId, unit!.id)))
    expect(audit!.after).toMatchObject({ name: '市城市管理局', via: 'problem-import' })
    // The next import finds the unit by name.
    const again = (await run(rd.id, await sheet())).json<ProblemImportReport>()
    expect(again.rows[0]!.action).toBe('unchanged')
  })

  it('refuses a new unit whose parent is not a unit', async () => {
    const sheet = await taskSheet({
      headers: HEADERS,
      rows: [[1, '道路扬尘', '市交通运输局', `${Y}年底前`]],
    })
    const res = await run((await round()).id, sheet, {
      createUnits: { 市交通运输局: { parentId: '01900000-0000-7000-8000-000000000000' } },
    })
    expect(res.statusCode).toBe(422)
  })
})

describe('what the import inferred, and warnings', () => {
  it('marks the guessed domain, the region from a county-level lead and the assumed deadline, and writes the region', async () => {
    const rd = await round()
    const sheet = await taskSheet({
      headers: HEADERS,
      rows: [
        [1, '建筑工地扬尘管控不到位', '甲县', '长期坚持'],
        [2, '某镇垃圾填埋场渗滤液外溢', '甲县城关镇', `${Y}年6月底前`],
        [3, '管理制度不健全', '市生态环境局', '立行立改'],
      ],
    })
    // The dry run shows what was inferred; the commit answers the counts, not the rows again.
    const r = (await run(rd.id, sheet)).json<ProblemImportReport>()
    expect(r.warnings.map((w) => [w.row, w.code])).toEqual([[4, 'deadline_past']])
    // 立行立改 is due when the plan was approved: passed already, a warning acknowledged.
    const done = (
      await run(rd.id, sheet, { dryRun: false, acknowledge: [4] })
    ).json<ProblemImportReport>()
    expect(done).toMatchObject({ imported: true, rows: [], counts: { new: 3, tasks: 3 } })
    const [one, two, three] = r.rows
    expect(one).toMatchObject({ domain: 'air', inferred: ['domain', 'region', 'deadline'] })
    expect(one!.region?.id).toBe(world.units.countyA.id)
    expect(one!.deadline.deadline).toBe(`${Y + 2}-12-31`)
    expect(two).toMatchObject({ domain: 'solid_waste', inferred: ['domain', 'region'] })
    expect(two!.region?.id).toBe(world.units.countyA.id)
    expect(three).toMatchObject({ domain: 'other', region: null, inferred: ['domain', 'deadline'] })
    const written = await t.database.db
      .select({ code: problems.code, regionId: problems.regionId })
      .from(problems)
      .where(eq(problems.roundId, rd.id))
    expect(written.find((p) => p.code === '1')!.regionId).toBe(world.units.countyA.id)
  })

  it('warns of deadlines past or before the feedback date, and commits only when they are acknowledged', async () => {
    const rd = await round({ feedbackDate: `${Y - 1}-01-10` })
    const sheet = await taskSheet({
      headers: HEADERS,
      rows: [
        [1, '问题甲', '市生态环境局', `${Y - 2}年底前`],
        [2, '问题乙', '市生态环境局', `${Y - 1}年1月5日`],
        [3, '问题丙', '市生态环境局', `${Y}年底前`],
      ],
    })
    const dry = (await run(rd.id, sheet)).json<ProblemImportReport>()
    expect(dry.errors).toEqual([])
    expect(dry.warnings.map((w) => [w.row, w.code, w.acknowledged])).toEqual([
      [2, 'before_feedback', false],
      [3, 'before_feedback', false],
    ])
    expect(dry.counts).toMatchObject({ warnings: 2, unacknowledged: 2 })
    const refused = await run(rd.id, sheet, { dryRun: false, acknowledge: [2] })
    expect(refused.statusCode).toBe(422)
    expect(refused.json<{ detail: string }>().detail).toContain('acknowledge')
    expect(await t.database.db.select().from(problems).where(eq(problems.roundId, rd.id))).toEqual(
      [],
    )
    const done = await run(rd.id, sheet, { dryRun: false, acknowledge: [2, 3] })
    expect(done.json<ProblemImportReport>()).toMatchObject({ imported: true, counts: { new: 3 } })

    const late = await round()
    const past = (
      await run(late.id, sheet, { dryRun: false, acknowledge: 'all' })
    ).json<ProblemImportReport>()
    expect(past.warnings.map((w) => [w.row, w.code])).toEqual([
      [2, 'deadline_past'],
      [3, 'deadline_past'],
    ])
    expect(past.imported).toBe(true)
  })
})

describe('a published task table', () => {
  it('imports a title row, 序号 and a header over two rows with merged group cells, with a collective and an unknown unit', async () => {
    // Row 1 title; rows 2–3 the header: 整改责任 over 责任单位 | 牵头市领导, the rest merged down.
    const data = await taskSheet({
      above: [
        ['江州市贯彻落实督察反馈意见整改任务清单'],
        ['序号', '督察反馈问题', '整改责任', '', '整改时限', '整改措施'],
      ],
      headers: ['', '', '责任单位', '牵头市领导', '', ''],
      rows: [
        [
          1,
          '城区污水管网雨污混流',
          '市住建局、各县（市、区）人民政府',
          '王明（副市长）',
          `${Y}年底前`,
          '新建管网',
        ],
        [2, '工地扬尘', '市城市执法局', '李强', `${Y}年6月底前`, '专项检查'],
      ],
      merges: [
        [1, 1, 1, 6],
        [2, 3, 2, 4],
        [2, 1, 3, 1],
        [2, 2, 3, 2],
        [2, 5, 3, 5],
        [2, 6, 3, 6],
      ],
    })
    const rd = await round()
    const dry = (await run(rd.id, data)).json<ProblemImportReport>()
    expect(dry.rows.map((r) => [r.row, r.code, r.title])).toEqual([
      [4, '1', '城区污水管网雨污混流'],
      [5, '2', '工地扬尘'],
    ])
    expect(dry.rows[0]!.leadLeader).toBe('王明（副市长）')
    expect(dry.rows[0]!.units.map((u) => [u.text, u.collectiveKind])).toEqual([
      ['市住建局', null],
      ['各县（市、区）人民政府', 'counties'],
    ])
    expect(dry.errors.map((e) => [e.row, e.column])).toEqual([
      [4, '责任单位'],
      [5, '责任单位'],
    ])
    const done = await run(rd.id, data, {
      dryRun: false,
      collectives: { '各县（市、区）人民政府': { action: 'expand' } },
      createUnits: { 市城市执法局: { parentId: world.units.city.id } },
    })
    expect(done.json<ProblemImportReport>()).toMatchObject({ imported: true, counts: { new: 2 } })
  })
})

describe('the commit that follows its dry run (the same upload and choices)', () => {
  const url = (roundId: string) => `/api/v1/rounds/${roundId}/problem-import`
  const sheet = (unit: string) =>
    taskSheet({
      headers: HEADERS,
      rows: [
        [1, '河道两岸垃圾堆放', unit, `${Y}年底前`],
        [2, '城区道路扬尘', '市城市建设局', `${Y}年底前`],
      ],
    })

  it('writes what the dry run showed, units to create included, without reading the upload again', async () => {
    const rd = await round()
    const fileId = await uploadXlsx(t.app, token, await sheet('市住建局'))
    const body = { fileId, createUnits: { 市城市建设局: { parentId: world.units.city.id } } }
    const dry = (await client(t.app, token).post(url(rd.id), body)).json<ProblemImportReport>()
    expect(dry.errors).toEqual([])
    // The upload's bytes are gone: a commit that read the workbook again would fail.
    const [file] = await t.database.db.select().from(files).where(eq(files.id, fileId))
    rmSync(join(filesDir(t.config), file!.storageKey))
    const done = await client(t.app, token).post(url(rd.id), { ...body, dryRun: false })
    expect(done.statusCode).toBe(200)
    expect(done.json<ProblemImportReport>().counts).toMatchObject({ new: 2, errors: 0 })
    const [unit] = await t.database.db.select().from(units).where(eq(units.name, '市城市建设局'))
    const written = await t.database.db.select().from(problems).where(eq(problems.roundId, rd.id))
    expect(written.find((p) => p.title === '城区道路扬尘')!.leadUnitId).toBe(unit!.id)
  })

  it('analyses afresh when what the dry run read has changed since', async () => {
    const rd = await round()
    const db = t.database.db
    const forestry = await makeUnit(db, { parent: world.units.city, name: '市林业局' })
    const fileId = await uploadXlsx(t.app, token, await sheet('市林业局'))
    const body = { fileId, createUnits: { 市城市建设局: { parentId: world.units.city.id } } }
    const dry = (await client(t.app, token).post(url(rd.id), body)).json<ProblemImportReport>()
    expect(dry.errors).toEqual([])
    // Between the dry run and the commit the unit the sheet names is renamed.
    await db.update(units).set({ name: '市林业和草原局' }).where(eq(units.id, forestry.id))
    const done = await client(t.app, token).post(url(rd.id), { ...body, dryRun: false })
    expect(done.statusCode).toBe(422)
    const { report: refused } = done.json<{ report: ProblemImportReport }>()
    expect(refused.rows[0]!.units[0]).toMatchObject({ text: '市林业局', unit: null })
    expect(await db.select().from(problems).where(eq(problems.roundId, rd.id))).toEqual([])
  })
})

describe('a write that fails half-way', () => {
  it('writes nothing and answers once, when a statement after the first fails', async () => {
    const rd = await round()
    const db = t.database
    const broken = await makeUnit(db.db, { parent: world.units.city, name: '市故障测试局' })
    // The problems go in first; their unit links (the next statement) then fail, and the
    // statements already queued behind them fail in the aborted transaction.
    await db.query(`create function test_refuse_link() returns trigger language plpgsql as $$
      begin raise exception 'refused link'; end $$`)
    await db.query(`create trigger test_refuse_link before insert on problem_units for each row
      when (new.unit_id = '${broken.id}') execute function test_refuse_link()`)
    const sheet = await taskSheet({
      headers: HEADERS,
      rows: [
        [1, '河道两岸垃圾堆放', '市住建局', `${Y}年底前`],
        [2, '城区道路扬尘', '市住建局（牵头）、市故障测试局', `${Y}年底前`],
      ],
    })
    const fileId = await uploadXlsx(t.app, token, sheet)
    const url = `/api/v1/rounds/${rd.id}/problem-import`
    const failed = await client(t.app, token).post(url, { fileId, dryRun: false })
    expect(failed.statusCode).toBe(500)
    expect(await db.db.select().from(problems).where(eq(problems.roundId, rd.id))).toEqual([])
    const imported = await db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'problem.list_imported'), eq(auditLog.entityId, rd.id)))
    expect(imported).toEqual([])
    await db.query('drop trigger test_refuse_link on problem_units')
    await db.query('drop function test_refuse_link()')
    const again = await client(t.app, token).post(url, { fileId, dryRun: false })
    expect(again.statusCode).toBe(200)
    expect(again.json<ProblemImportReport>().counts).toMatchObject({ new: 2 })
  })
})
