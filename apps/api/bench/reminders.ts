import { sql } from 'drizzle-orm'
import type { Database, Db } from '../src/db/client.js'
import { RemindersService, parseOffsets } from '../src/modules/reminders/reminders.service.js'

/** Thrown to roll the bench's passes back: the bench database keeps no reminders. */
class RollBack extends Error {}

/**
 * The reminder scheduler's pass over the whole ledger (province profile: ~250,000 measures) on
 * the day most measure deadlines fall due: time, reminders sent, messages written; then a second
 * pass the same day, which must send nothing (no duplicates). Both run inside a transaction that
 * is rolled back, so the bench can be run again on the same database. Goal: a pass under 5 s.
 */
export async function benchReminders(database: Database): Promise<string> {
  const [busiest] = await database.query<{ day: string; n: string }>(
    `select m.deadline::text as day, count(*) as n from measures m join problems p on p.id = m.problem_id
     where m.status <> 'done' and p.status = 'in_progress' group by 1 order by 2 desc, 1 limit 1`,
  )
  const [size] = await database.query<{ n: string }>('select count(*) as n from measures')
  if (!busiest) return 'reminders pass: no open measures to remind about'
  const lines: string[] = []
  const settings = { offsets: parseOffsets('-30,-7,-1,0,1,7'), catchUpDays: 3 }
  try {
    await database.db.transaction(async (tx) => {
      const service = new RemindersService(tx as unknown as Db, settings)
      for (const label of ['first pass', 'second pass']) {
        const started = performance.now()
        const r = await service.pass(busiest.day)
        const ms = performance.now() - started
        lines.push(
          `${label}: ${(ms / 1000).toFixed(2)} s, ${r.due} due, ${r.sent} sent, ${r.messages} messages`,
        )
      }
      const res = await tx.execute(
        sql`select (count(*) - count(distinct (subject_type, subject_id, unit_id, deadline, offset_days)))::int as n from reminders_sent`,
      )
      const dups = (res as unknown as { rows: { n: number }[] }).rows[0]
      lines.push(`duplicate reminders: ${dups?.n ?? 0}`)
      throw new RollBack()
    })
  } catch (err) {
    if (!(err instanceof RollBack)) throw err
  }
  return [
    `reminders pass over ${size?.n ?? 0} measures as of ${busiest.day} (${busiest.n} measure deadlines that day; goal < 5 s)`,
    ...lines,
  ].join('\n')
}
