import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db, Tx } from '../db/client.js'
import { problemUnits, problems, units, users } from '../db/schema/index.js'
import { cliContext, type Ctx } from '../lib/context.js'
import { addDays } from '../lib/dates.js'
import { NoticesService } from '../modules/notices/index.js'

export interface NoticesSeedContext {
  /** The demo office account, which issues, closes and escalates. */
  officeId: string
  /** The demo `county` user of 临湖县 (JZ-LH), who answers the county's notices. */
  countyId: string
  /** Id of a unit by its demo code. */
  unit: (code: string) => string
  today: string
}

/** The context a demo user acts in through the services. */
async function actingAs(tx: Tx, userId: string, role: 'office' | 'unit'): Promise<Ctx> {
  const [u] = await tx
    .select({ name: users.displayName, unitId: users.unitId, path: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId))
  const seed = cliContext('seed --demo')
  const cityWide = role === 'office'
  return {
    meta: seed.meta,
    actor: {
      ...seed.actor,
      type: 'user',
      id: userId,
      name: u!.name,
      unitId: u!.unitId,
      unitPath: cityWide ? null : u!.path,
      roles: [role],
      cityWide,
    },
  }
}

/** Open problems some unit of the subtree of `unitId` is concerned with, by code. */
async function problemsOf(tx: Tx, unitId: string, n: number) {
  const rows = await tx
    .select({ id: problems.id })
    .from(problems)
    .where(
      and(
        inArray(problems.status, ['draft', 'plan_review', 'in_progress']),
        sql`exists (select 1 from ${problemUnits} pu join ${units} u on u.id = pu.unit_id
          where pu.problem_id = ${problems.id}
            and u.path like (select path from ${units} where id = ${unitId}) || '%')`,
      ),
    )
    .orderBy(asc(problems.code))
    .limit(n)
  return rows.map((r) => r.id)
}

/**
 * Demo supervision notices to 临湖县, issued by the office through the service at past dates:
 * a reminder escalated to a supervision letter (a chain), a warning replied to by the county,
 * a closed reminder, and a listed supervision whose reply was due last week and never came
 * (overdue on the county's home page); plus a reminder to 青山县 the county cannot see.
 */
export async function seedNotices(tx: Tx, c: NoticesSeedContext) {
  const db = tx as unknown as Db
  const office = await actingAs(tx, c.officeId, 'office')
  const county = await actingAs(tx, c.countyId, 'unit')
  const lh = c.unit('JZ-LH')
  const lhProblems = await problemsOf(tx, lh, 4)
  if (!lhProblems.length) return { notices: 0 }
  const pick = (i: number) => [lhProblems[i % lhProblems.length]!]
  const at = (days: number) => new Date(`${addDays(c.today, days)}T09:30:00+08:00`)
  const service = (days: number) => new NoticesService(db, { clock: () => at(days) })
  const body = (what: string) =>
    `经调度核查，你县${what}整改进度滞后于序时进度，群众反映强烈。\n请你县高度重视，压实整改责任，倒排工期、挂图作战，确保按期完成整改任务。`
  // A reminder, answered and closed.
  const closed = await service(-30).issue(office, {
    level: 'reminder',
    unitId: lh,
    problemIds: pick(2),
    title: '关于报送临湖县畜禽养殖污染整治进展的提醒函',
    body: body('畜禽养殖污染'),
    replyDue: addDays(c.today, -20),
  })
  const replied = await service(-22).transitions.reply(county, closed.id, closed.version, {
    text: '已完成禁养区内养殖场关停搬迁，整改台账及佐证材料已同步报送。',
  })
  // A reminder three weeks ago, escalated to a supervision letter (still open) when it went unanswered.
  const reminder = await service(-21).issue(office, {
    level: 'reminder',
    unitId: lh,
    problemIds: pick(0),
    title: '关于加快推进临湖县城区黑臭水体整治的提醒函',
    body: body('城区黑臭水体'),
    replyDue: addDays(c.today, -14),
  })
  await service(-18).transitions.close(office, closed.id, replied.version, {
    note: '经核查，整改情况属实，同意办结。',
  })
  // Listed supervision, reply due last week and never answered: overdue.
  await service(-17).issue(office, {
    level: 'listed',
    unitId: lh,
    problemIds: pick(3),
    title: '关于对临湖县湖滨湿地违规侵占问题实行挂牌督办的通知',
    body: body('湖滨湿地违规侵占'),
    replyDue: addDays(c.today, -7),
  })
  await service(-13).transitions.escalate(office, reminder.id, reminder.version, {
    title: '关于临湖县城区黑臭水体整治进度滞后的督办函',
    body: `${body('城区黑臭水体')}\n前期提醒函逾期未回复，现予督办。`,
    replyDue: addDays(c.today, 10),
  })
  // A warning the county has answered, awaiting the office.
  const warning = await service(-10).issue(office, {
    level: 'warning',
    unitId: lh,
    problemIds: lhProblems.length > 2 ? lhProblems.slice(1, 3) : pick(1),
    title: '关于临湖县工业园区污水处理问题整改不力的警示函',
    body: body('工业园区污水收集处理'),
    replyDue: addDays(c.today, 4),
  })
  await service(-3).transitions.reply(county, warning.id, warning.version, {
    text: '我县已成立专班，完成园区管网排查，新建截污管网2.3公里，预计本月底完成全部整改。',
  })
  let count = 5

  const qs = await problemsOf(tx, c.unit('JZ-QS'), 1)
  if (qs.length) {
    await service(-5).issue(office, {
      level: 'reminder',
      unitId: c.unit('JZ-QS'),
      problemIds: qs,
      title: '关于加快推进青山县矿山生态修复的提醒函',
      body: body('矿山生态修复'),
      replyDue: addDays(c.today, 9),
    })
    count += 1
  }
  return { notices: count }
}
