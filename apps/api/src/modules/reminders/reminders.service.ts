import type { Db, DbOrTx } from '../../db/client.js'
import { daysBetween, shanghaiDate } from '../../lib/dates.js'
import { uuidv7 } from '../../lib/ids.js'
import { emitEvent, type DomainEvent } from '../events/index.js'
import { notifyEach, officeRecipients, type Message } from '../inbox/index.js'
import { levelOf, reminderMessage, type Level } from './reminders.messages.js'
import {
  findDue,
  insertSent,
  tryPassLock,
  unitPeople,
  type DueRow,
  type SentInsert,
  type UnitPeople,
} from './reminders.repository.js'

/** What the scheduler needs to know (from config: REMINDER_OFFSETS, REMINDER_CATCH_UP_DAYS). */
export interface ReminderSettings {
  /** Days relative to the deadline: -30 is 30 days before, 0 the day, 7 a week after. */
  offsets: readonly number[]
  /** Days a missed reminder is still sent late. */
  catchUpDays: number
  /** Reminders written per transaction. */
  batchSize?: number
}

/** What one pass did. */
export interface PassResult {
  date: string
  /** Another instance held the pass lock: this one sent nothing. */
  skipped: boolean
  /** Reminders due and not yet recorded when the pass began. */
  due: number
  /** Reminders this pass recorded and sent (superseded catch-ups not counted). */
  sent: number
  /** Inbox messages written. */
  messages: number
}

/** Parses `-30,-7,-1,0,1,7` (REMINDER_OFFSETS) into sorted, distinct offsets. */
export function parseOffsets(text: string): number[] {
  const list = text
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n))
  return [...new Set(list)].sort((a, b) => a - b)
}

const key = (d: DueRow) => `${d.subject_type}|${d.subject_id}|${d.unit_id}|${d.deadline}`

/**
 * Sends each reminder exactly once per (subject, unit, deadline, offset). A pass finds what is
 * due as of `today` with one set-based query, then records it in batches, each one transaction:
 * the pass lock (another instance passing at the same time: skip), the reminders_sent rows (ON
 * CONFLICT DO NOTHING — the unique key is what guarantees exactly-once, lock or no lock), and
 * only for the rows actually inserted their inbox messages and `reminder.due` events. A crash
 * mid-batch commits nothing of it; the next pass sends it.
 */
export class RemindersService {
  constructor(
    private readonly db: Db,
    private readonly settings: ReminderSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Today in Asia/Shanghai, by the injected clock. */
  today(): string {
    return shanghaiDate(this.now())
  }

  /** One pass as of `date` (default: today by the clock); `signal` stops it between batches. */
  async pass(date: string = this.today(), signal?: AbortSignal): Promise<PassResult> {
    const result: PassResult = { date, skipped: false, due: 0, sent: 0, messages: 0 }
    if (!this.settings.offsets.length) return result
    const due = await findDue(this.db, {
      today: date,
      offsets: this.settings.offsets,
      catchUpDays: this.settings.catchUpDays,
    })
    result.due = due.length
    const size = this.settings.batchSize ?? 1000
    for (let i = 0; i < due.length && !signal?.aborted; i += size) {
      const done = await this.db.transaction(async (tx) => {
        if (!(await tryPassLock(tx))) return null
        return this.sendBatch(tx, date, due.slice(i, i + size))
      })
      if (!done) {
        // Another instance is passing: it sends the rest (its own query saw the same rows).
        result.skipped = true
        break
      }
      result.sent += done.sent
      result.messages += done.messages
    }
    return result
  }

  private async sendBatch(tx: DbOrTx, date: string, batch: DueRow[]) {
    const people = await unitPeople(tx, [...new Set(batch.map((d) => d.unit_id))])
    const office = batch.some((d) => levelOf(d.offset_days) === 'office')
      ? await officeRecipients(tx)
      : []
    // After downtime several offsets of one deadline may be due at once: only the latest is
    // sent; the earlier ones are recorded with 0 recipients so they never go out late.
    const plans = batch.map((d, i) => {
      const next = batch[i + 1]
      const superseded = next !== undefined && key(next) === key(d)
      const level = levelOf(d.offset_days)
      const to = superseded ? [] : recipients(people.get(d.unit_id), level, office)
      return { d, level, to, superseded, id: uuidv7() }
    })
    const rows: SentInsert[] = plans.map((p) => ({
      id: p.id,
      subjectType: p.d.subject_type,
      subjectId: p.d.subject_id,
      unitId: p.d.unit_id,
      deadline: p.d.deadline,
      offsetDays: p.d.offset_days,
      level: p.level,
      recipients: p.to.length,
    }))
    const inserted = new Set((await insertSent(tx, rows)).map((r) => r.id))
    const send = plans.filter((p) => inserted.has(p.id) && !p.superseded)
    const messages: { userIds: string[]; message: Message }[] = send.map((p) => ({
      userIds: p.to,
      message: reminderMessage(p.d, daysBetween(date, p.d.deadline)),
    }))
    const written = await notifyEach(tx, messages)
    const events: DomainEvent[] = send.map((p) => ({
      type: 'reminder.due',
      entityType:
        p.d.subject_type === 'notice_reply'
          ? 'notice'
          : p.d.subject_type === 'measure'
            ? 'measure'
            : 'problem',
      entityId: p.d.subject_id,
      unitId: p.d.unit_id,
      data: {
        subjectType: p.d.subject_type,
        subjectId: p.d.subject_id,
        problemId: p.d.problem_id,
        deadline: p.d.deadline,
        offsetDays: p.d.offset_days,
        level: p.level,
        recipients: p.to.length,
      },
    }))
    for (let i = 0; i < events.length; i += 1000) await emitEvent(tx, ...events.slice(i, i + 1000))
    return { sent: send.length, messages: written.reduce((a, b) => a + b, 0) }
  }
}

/**
 * The escalation ladder over a unit's people: contact, else its staff (as unitRecipients);
 * head, else the contact's list; the office adds every office user to the head's list.
 */
export function recipients(p: UnitPeople | undefined, level: Level, office: string[]): string[] {
  const staff = p?.staff ?? []
  const contact = p?.contact ? [p.contact] : staff
  if (level === 'contact') return contact
  const head = p?.head ? [p.head] : contact
  if (level === 'head') return head
  return [...new Set([...head, ...office])]
}
