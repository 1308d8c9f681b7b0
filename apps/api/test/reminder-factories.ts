import { and, eq } from 'drizzle-orm'
import type { Db } from '../src/db/client.js'
import {
  dispatchPeriods,
  inboxMessages,
  notices,
  remindersSent,
  units,
} from '../src/db/schema/index.js'
import { uuidv7 } from '../src/lib/ids.js'
import { RemindersService } from '../src/modules/reminders/reminders.service.js'
import { makeUser, makeWorld } from './factories.js'
import { makeRound } from './ledger-factories.js'

/** The default ladder (REMINDER_OFFSETS). */
export const OFFSETS = [-30, -7, -1, 0, 1, 7]

/** A clock the test moves: `at('2027-03-15')` is noon of that day in Asia/Shanghai. */
export function testClock() {
  let now = new Date('2027-01-01T04:00:00Z')
  return {
    now: () => now,
    at(date: string) {
      now = new Date(`${date}T12:00:00+08:00`)
    },
  }
}

/** A reminders service on `db` with the default offsets and the given clock. */
export function remindersOn(db: Db, now: () => Date, catchUpDays = 3) {
  return new RemindersService(db, { offsets: OFFSETS, catchUpDays }, now)
}

/** The world plus county A's contact and head (two more users of county A) and a round. */
export async function reminderWorld(db: Db) {
  const world = await makeWorld(db)
  const contact = await makeUser(db, { unit: world.units.countyA, roles: ['unit'] })
  const head = await makeUser(db, { unit: world.units.countyA, roles: ['unit'] })
  await db
    .update(units)
    .set({ contactUserId: contact.id, headUserId: head.id })
    .where(eq(units.id, world.units.countyA.id))
  const round = await makeRound(db)
  return { ...world, contact, head, round }
}

/** A notice issued to `unitId`, its reply due on `replyDue`. */
export async function makeNotice(db: Db, unitId: string, replyDue: string, seq: number) {
  const [row] = await db
    .insert(notices)
    .values({
      id: uuidv7(),
      year: 2027,
      seq,
      level: 'supervision',
      unitId,
      title: '关于加快推进污水处理厂提标改造的督办函',
      body: '请于规定时限内报送整改情况。',
      replyDue,
      issuedOn: '2027-01-05',
      issuedByName: '整改办',
    })
    .returning()
  return row!
}

/** An open dispatch period of the round, due on `dueDate`. */
export async function makePeriod(db: Db, roundId: string, period: string, dueDate: string) {
  const [row] = await db
    .insert(dispatchPeriods)
    .values({ id: uuidv7(), roundId, period, title: `${period} 调度`, dueDate })
    .returning()
  return row!
}

/** The reminders recorded for one subject, by offset. */
export async function sentFor(db: Db, subjectId: string) {
  return db
    .select()
    .from(remindersSent)
    .where(eq(remindersSent.subjectId, subjectId))
    .orderBy(remindersSent.offsetDays)
}

/** The inbox messages of a user about an entity. */
export async function messagesOf(db: Db, userId: string, entityId: string) {
  return db
    .select()
    .from(inboxMessages)
    .where(and(eq(inboxMessages.userId, userId), eq(inboxMessages.entityId, entityId)))
}
