import ExcelJS from 'exceljs'
import { expect } from 'vitest'
import type { Database } from '../../src/db/client.js'
import { rounds } from '../../src/db/schema/index.js'
import { uuidv7 } from '../../src/lib/ids.js'
import { verifyAuditChain } from '../../src/modules/audit/audit.service.js'
import { TASK_HEADERS } from '../../src/modules/problem-import/template.js'
import { PASSWORD } from '../factories.js'
import { API_APPLICATION, loginToken } from './api-process.js'
import type { Stage } from './stage.js'

/**
 * `kill -9` of the API while it commits a 5,000-row problem-list import (issue 13): the import is
 * one transaction, so afterwards all 5,000 problems exist or none, the audit chain verifies, and
 * after a restart the same import runs through.
 */
const TASKS = 5_000
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A 5,000-task table in a published plan's layout (3 measures a task, a co-unit). */
async function workbook(units: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('任务清单')
  ws.addRow(['故障测试：整改任务清单'])
  ws.addRow([...TASK_HEADERS])
  for (let i = 1; i <= TASKS; i++)
    ws.addRow([
      i,
      `故障-${i}`,
      `第${i}项：城区污水管网雨污混流，部分河段水质不达标`,
      `${units[i % units.length]}（牵头）、${units[(i + 1) % units.length]}`,
      '王明（副市长）',
      '消除直排，断面水质稳定达标',
      '2027年6月底前',
      '1、2027年3月底前完成排查；\n2、新建管网12公里；\n3、建立长效监管机制。',
      '',
    ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function newRound(database: Database) {
  const id = uuidv7()
  await database.db.insert(rounds).values({
    id,
    name: `故障测试 ${id}`,
    kind: 'central',
    planApprovedDate: '2026-03-01',
    settings: { acceptanceLevels: ['county', 'city'], publicityDays: 5 },
  })
  return id
}

const counts = async (database: Database, roundId: string) => {
  const [row] = await database.query<{ problems: number; measures: number; audits: number }>(
    `select (select count(*)::int from problems where round_id = $1) as problems,
            (select count(*)::int from measures m join problems p on p.id = m.problem_id
              where p.round_id = $1) as measures,
            (select count(*)::int from audit_log a join problems p on a.entity_id = p.id::text
              where p.round_id = $1) as audits`,
    [roundId],
  )
  return row!
}

/** The API's transaction that has begun writing the import (pg_stat_activity), if any. */
const writingImport = async (database: Database) =>
  (
    await database.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where application_name = $1 and backend_xid is not null
          and state in ('active', 'idle in transaction') and query ilike '%insert into%'`,
      [API_APPLICATION],
    )
  ).length > 0

const apiBackends = async (database: Database) =>
  (
    await database.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where application_name = $1',
      [API_APPLICATION],
    )
  )[0]!.n

/** The kill, checked; prints its figures. */
export async function killDuringImport({ api, database, world }: Stage) {
  const office = world.users.office.username
  const units = [world.units.eeb.name, world.units.countyA.name, world.units.countyB.name]
  const token = await loginToken(api.base, office, PASSWORD)
  const auth = { authorization: `Bearer ${token}` }
  const form = new FormData()
  form.append('file', new Blob([await workbook(units)], { type: XLSX }), '故障测试任务清单.xlsx')
  const up = await fetch(`${api.base}/api/v1/files`, {
    method: 'POST',
    headers: auth,
    body: form,
  })
  expect(up.status, await up.clone().text()).toBe(201)
  const fileId = ((await up.json()) as { id: string }).id
  const commit = (roundId: string) =>
    fetch(`${api.base}/api/v1/rounds/${roundId}/problem-import`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ fileId, dryRun: false, acknowledge: 'all' }),
    })

  // Commit, and kill the API once its transaction is seen writing. On a fast machine the
  // commit may finish between two looks: then again, into a new round.
  let roundId = ''
  let killed = false
  let finishedFirst = 0
  for (let attempt = 0; attempt < 3 && !killed; attempt++) {
    roundId = await newRound(database)
    let answered = false
    const answer = commit(roundId).then(
      async (r) => ((answered = true), { status: r.status, body: await r.text() }),
      (err: Error) => ((answered = true), { status: 0, body: String(err) }),
    )
    while (!answered && !killed) {
      if (await writingImport(database)) {
        await api.kill()
        killed = true
      } else await sleep(5)
    }
    const { status, body } = await answer
    if (!killed) {
      expect(status, body).toBe(200)
      expect((await counts(database, roundId)).problems).toBe(TASKS)
      finishedFirst++
    } else expect(status, 'the killed request got an answer').toBe(0)
  }
  expect(killed, 'the import never was seen in flight').toBe(true)

  // PostgreSQL sees the connection gone and rolls the transaction back.
  for (let i = 0; (await apiBackends(database)) > 0; i++) {
    if (i > 600) throw new Error('the killed API’s connections did not go away')
    await sleep(100)
  }
  const afterKill = await counts(database, roundId)
  expect([0, TASKS]).toContain(afterKill.problems)
  expect(afterKill.measures).toBe(afterKill.problems * 3)
  expect(await verifyAuditChain(database)).toMatchObject({ ok: true })

  // Restarted, the API imports the same file into the same round: the upload's lock is free.
  await api.start()
  const again = await commit(roundId)
  const body = (await again.json()) as { imported?: boolean; counts?: { new: number } }
  expect(again.status, JSON.stringify(body).slice(0, 500)).toBe(200)
  expect(body.imported).toBe(true)
  const final = await counts(database, roundId)
  expect(final.problems).toBe(TASKS)
  expect(final.measures).toBe(TASKS * 3)
  expect(await verifyAuditChain(database)).toMatchObject({ ok: true })
  expect(api.crashed).toBeNull()

  console.log(
    `fault test, kill -9 during a ${TASKS}-row import: ${JSON.stringify({
      attemptsFinishedBeforeTheKill: finishedFirst,
      rowsAfterKill: afterKill.problems,
      auditEntriesAfterKill: afterKill.audits,
      newOnReimport: body.counts?.new,
    })}`,
  )
}
