import { eq } from 'drizzle-orm'
import type { Db, DbOrTx } from '../db/client.js'
import { units } from '../db/schema/index.js'
import { notifyUsers } from '../modules/inbox/index.js'
import { RemindersService, parseOffsets } from '../modules/reminders/index.js'

/**
 * Demo reminders: 临湖县's contact (the `county` account) and head (`lhoffice`), one scheduler
 * pass as of `today` so the county's inbox holds the reminders the ledger makes due, and a few
 * other messages. Deterministic given the ledger and the date.
 */
export async function seedReminders(
  tx: DbOrTx,
  o: {
    unit: (code: string) => string
    users: { county: string; lhoffice: string; office: string }
    today: string
  },
): Promise<{ reminders: number; messages: number }> {
  await tx
    .update(units)
    .set({ contactUserId: o.users.county, headUserId: o.users.lhoffice })
    .where(eq(units.id, o.unit('JZ-LH')))
  await notifyUsers(tx, [o.users.county], {
    kind: 'system',
    title: '欢迎使用整改工作管理系统',
    body: '临期、逾期的整改措施和督办单回复会在这里提醒您，点击消息可直达对应记录。',
    link: '/problems',
  })
  await notifyUsers(tx, [o.users.office], {
    kind: 'system',
    title: '本月调度提醒',
    body: '请及时查看各单位进展报告报送情况，对未按期报送的单位进行督促。',
    link: '/problems',
  })
  // The default ladder and a week of catch-up: the demo shows reminders on a fresh start.
  const pass = await new RemindersService(tx as Db, {
    offsets: parseOffsets('-30,-7,-1,0,1,7'),
    catchUpDays: 7,
  }).pass(o.today)
  return { reminders: pass.sent, messages: pass.messages + 2 }
}
