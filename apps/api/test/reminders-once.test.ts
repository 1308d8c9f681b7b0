import { count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events, inboxMessages, remindersSent } from '../src/db/schema/index.js'
import { RemindersService } from '../src/modules/reminders/reminders.service.js'
import { createTestApp, type TestApp } from './build-app.js'
import { makeMeasure, makeProblem } from './ledger-factories.js'
import { OFFSETS, makeNotice, reminderWorld, remindersOn, testClock } from './reminder-factories.js'

let t: TestApp
let w: Awaited<ReturnType<typeof reminderWorld>>
const clock = testClock()
const DEADLINE = '2027-04-10'

beforeAll(async () => {
  t = await createTestApp()
  w = await reminderWorld(t.database.db)
  const db = t.database.db
  // 24 measures and 6 notices falling due the same day, across two units.
  for (let i = 0; i < 12; i++) {
    const problem = await makeProblem(db, {
      round: w.round,
      leadUnit: i % 2 ? w.units.countyA : w.units.countyB,
      status: 'in_progress',
      deadline: '2028-12-31',
    })
    for (const unit of [w.units.countyA, w.units.countyB])
      await makeMeasure(db, { problem, unit, startDate: '2027-01-01', deadline: DEADLINE })
  }
  for (let i = 0; i < 6; i++)
    await makeNotice(db, i % 2 ? w.units.countyA.id : w.units.countyB.id, DEADLINE, 100 + i)
})
afterAll(() => t.close())

/** Reminder rows, messages and events that would betray a second send. */
async function duplicates() {
  const db = t.database.db
  const [sent] = await db
    .select({
      n: sql<number>`count(*)::int - count(distinct (subject_type, subject_id, unit_id, deadline, offset_days))::int`,
    })
    .from(remindersSent)
  const [messages] = await db
    .select({ n: sql<number>`count(*)::int - count(distinct (user_id, entity_id, title))::int` })
    .from(inboxMessages)
  const [evs] = await db
    .select({
      n: sql<number>`count(*)::int - count(distinct (entity_id, unit_id, data->>'offsetDays'))::int`,
    })
    .from(events)
    .where(eq(events.type, 'reminder.due'))
  return { sent: sent!.n, messages: messages!.n, events: evs!.n }
}

const totals = async () => {
  const db = t.database.db
  const [s] = await db.select({ n: count() }).from(remindersSent)
  const [m] = await db.select({ n: count() }).from(inboxMessages)
  const [e] = await db.select({ n: count() }).from(events).where(eq(events.type, 'reminder.due'))
  return { sent: s!.n, messages: m!.n, events: e!.n }
}

describe('each reminder goes out exactly once', () => {
  it('with two scheduler instances on one database passing at the same time', async () => {
    clock.at(DEADLINE)
    // Small batches: on PostgreSQL the two passes interleave transaction by transaction.
    const settings = { offsets: OFFSETS, catchUpDays: 0, batchSize: 4 }
    const a = new RemindersService(t.database.db, settings, clock.now)
    const b = new RemindersService(t.database.db, settings, clock.now)
    const [ra, rb] = await Promise.all([a.pass(), b.pass()])
    // 24 measures and 6 notices due today (the problems' own deadlines are far off).
    expect(ra.sent + rb.sent).toBe(30)
    expect(await duplicates()).toEqual({ sent: 0, messages: 0, events: 0 })
    expect(await totals()).toEqual({ sent: 30, messages: 30, events: 30 })
  })

  it('across a restart: a new instance the same day sends nothing more', async () => {
    const before = await totals()
    const restarted = remindersOn(t.database.db, clock.now)
    expect(await restarted.pass()).toMatchObject({ due: 0, sent: 0, messages: 0 })
    expect(await totals()).toEqual(before)
  })

  it('catches up after downtime once, with the latest offset only', async () => {
    // Down for two days: the +1 reminders are due, the 0 ones were sent above.
    clock.at('2027-04-12')
    const r1 = await remindersOn(t.database.db, clock.now).pass()
    expect(r1.sent).toBe(30)
    const again = await remindersOn(t.database.db, clock.now).pass()
    expect(again.sent).toBe(0)
    expect(await duplicates()).toEqual({ sent: 0, messages: 0, events: 0 })
  })

  it('lets only one of two concurrent passes hold the pass lock at a time', async () => {
    const db = t.database.db
    if (t.database.kind === 'pglite') {
      // One connection: transactions run one after the other, so the lock is always free.
      const ok = await db.transaction(async (tx) =>
        tx.execute(sql`select pg_try_advisory_xact_lock(7263000101) as ok`),
      )
      expect((ok as unknown as { rows: { ok: boolean }[] }).rows[0]!.ok).toBe(true)
      return
    }
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7263000101)`)
      await held
    })
    await new Promise((r) => setTimeout(r, 100))
    clock.at('2027-04-17')
    const r = await remindersOn(db, clock.now).pass()
    release()
    await holder
    expect(r.skipped).toBe(true)
    expect(r.sent).toBe(0)
  })
})
