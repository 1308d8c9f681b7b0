import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  dispatchPeriods,
  measures,
  notices,
  problems,
  progressReports,
  remindersSent,
  units,
  users,
} from '../../db/schema/index.js'

/** Advisory-lock key of a reminder pass (the audit chain and the unit tree use 7_263_000_00x). */
export const REMINDER_LOCK_KEY = 7_263_000_101

/** What a reminder is about: the key of reminders_sent_once_key. */
export type SubjectType = 'measure' | 'problem' | 'report_due' | 'notice_reply'

/** A reminder due today (or missed within the catch-up window) and not yet sent. */
export interface DueRow {
  subject_type: SubjectType
  subject_id: string
  unit_id: string
  deadline: string
  offset_days: number
  /** The problem the subject belongs to (null for a notice). */
  problem_id: string | null
  /** Problem code, or the notice's number `督办〔2026〕12号`. */
  code: string
  /** The problem title, the measure's content or the notice title. */
  label: string
  /** The measure's seq or the dispatch period (`2026-10`), else null. */
  extra: string | null
}

export interface DueWindow {
  today: string
  offsets: readonly number[]
  catchUpDays: number
}

/**
 * Everything due in the window, in one set-based statement over the whole ledger: for each
 * offset, the subjects whose deadline + offset falls in [today - catchUpDays, today], less those
 * already in reminders_sent at this or a later offset (a missed earlier step is never sent late). Sorted so a subject's offsets are adjacent.
 */
export async function findDue(db: DbOrTx, w: DueWindow): Promise<DueRow[]> {
  const offsets = sql.raw(`array[${w.offsets.map((o) => Math.trunc(o)).join(',')}]::int[]`)
  const from = sql`(${w.today}::date - ${w.catchUpDays}::int)`
  const to = sql`${w.today}::date`
  const minOff = Math.min(...w.offsets)
  const maxOff = Math.max(...w.offsets)
  // A deadline can only be due when deadline + some offset is in the window: an indexable range.
  const near = (col: unknown) =>
    sql`${col} between ${from} - ${maxOff}::int and ${to} - ${minOff}::int`
  const res = await db.execute(sql`
    with offs(o) as (select unnest(${offsets})),
    due as (
      select 'measure' as subject_type, m.id as subject_id, m.unit_id, m.deadline, o.o as offset_days,
             p.id as problem_id, p.code, m.content as label, m.seq::text as extra
      from ${measures} m join ${problems} p on p.id = m.problem_id cross join offs o
      where m.status <> 'done' and p.status = 'in_progress' and ${near(sql`m.deadline`)}
        and m.deadline + o.o between ${from} and ${to}
      union all
      select 'problem', p.id, p.lead_unit_id, p.deadline, o.o, p.id, p.code, p.title, null
      from ${problems} p cross join offs o
      where p.status in ('draft','plan_review','in_progress') and ${near(sql`p.deadline`)}
        and p.deadline + o.o between ${from} and ${to}
      union all
      select 'report_due', p.id, x.unit_id, dp.due_date, o.o, p.id, p.code, p.title, dp.period
      from ${dispatchPeriods} dp cross join offs o
      join ${problems} p on p.round_id = dp.round_id and p.status = 'in_progress'
      cross join lateral (
        select p.lead_unit_id as unit_id
        union
        select m.unit_id from ${measures} m where m.problem_id = p.id and m.status <> 'done'
      ) x
      where dp.status = 'open' and ${near(sql`dp.due_date`)}
        and dp.due_date + o.o between ${from} and ${to}
        and not exists (
          select 1 from ${progressReports} r
          where r.problem_id = p.id and r.unit_id = x.unit_id and r.period = dp.period
            and r.status <> 'returned')
      union all
      select 'notice_reply', n.id, n.unit_id, n.reply_due, o.o, null,
             '督办〔' || n.year || '〕' || n.seq || '号', n.title, null
      from ${notices} n cross join offs o
      where n.status = 'issued' and ${near(sql`n.reply_due`)}
        and n.reply_due + o.o between ${from} and ${to}
    )
    select d.subject_type, d.subject_id, d.unit_id, d.deadline::text as deadline, d.offset_days,
           d.problem_id, d.code, d.label, d.extra
    from due d
    where not exists (
      select 1 from ${remindersSent} s
      where s.subject_type = d.subject_type and s.subject_id = d.subject_id
        and s.unit_id = d.unit_id and s.deadline = d.deadline and s.offset_days >= d.offset_days)
    order by d.subject_type, d.subject_id, d.unit_id, d.deadline, d.offset_days`)
  return (res as unknown as { rows: DueRow[] }).rows.map((r) => ({
    ...r,
    offset_days: Number(r.offset_days),
  }))
}

/** Who a unit's reminders can go to: its contact and head (if active) and its active staff. */
export interface UnitPeople {
  contact: string | null
  head: string | null
  staff: string[]
}

/** The people of many units in one statement (the set-based form of unitRecipients). */
export async function unitPeople(db: DbOrTx, unitIds: string[]): Promise<Map<string, UnitPeople>> {
  const map = new Map<string, UnitPeople>()
  if (!unitIds.length) return map
  const res = await db.execute(sql`
    select u.id,
      (select c.id from ${users} c where c.id = u.contact_user_id and c.status = 'active') as contact,
      (select h.id from ${users} h where h.id = u.head_user_id and h.status = 'active') as head,
      coalesce((select array_agg(s.id::text order by s.id) from ${users} s
                where s.unit_id = u.id and s.status = 'active'), '{}') as staff
    from ${units} u where u.id in (${sql.join(
      unitIds.map((id) => sql`${id}`),
      sql`, `,
    )})`)
  const rows = (res as unknown as { rows: ({ id: string } & UnitPeople)[] }).rows
  for (const r of rows) map.set(r.id, { contact: r.contact, head: r.head, staff: r.staff ?? [] })
  return map
}

/** Takes the pass lock for the rest of the transaction; false when another instance holds it. */
export async function tryPassLock(tx: DbOrTx): Promise<boolean> {
  const res = await tx.execute(sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK_KEY}) as ok`)
  return Boolean((res as unknown as { rows: { ok: boolean }[] }).rows[0]?.ok)
}

export type SentInsert = typeof remindersSent.$inferInsert

/** Records reminders; returns only those not recorded before (the unique key decides). */
export function insertSent(tx: DbOrTx, rows: SentInsert[]) {
  if (!rows.length) return Promise.resolve([])
  return tx
    .insert(remindersSent)
    .values(rows)
    .onConflictDoNothing({
      target: [
        remindersSent.subjectType,
        remindersSent.subjectId,
        remindersSent.unitId,
        remindersSent.deadline,
        remindersSent.offsetDays,
      ],
    })
    .returning({ id: remindersSent.id })
}
