import type { Calendar, CalendarDay, PutCalendarDayBody } from '@rectify/schemas'
import type { Db } from '../../db/client.js'
import { notFound, invalid } from '../../errors.js'
import type { Ctx } from '../../lib/context.js'
import { isWeekend } from '../../lib/workdays.js'
import { recordAudit } from '../audit/index.js'
import { closeoutRepository as repo, type CalendarRow } from './closeout.repository.js'

const toDay = (r: CalendarRow): CalendarDay => ({
  date: r.date,
  kind: r.kind as CalendarDay['kind'],
  name: r.name,
})

/**
 * The working-day calendar (节假日与调休) publicity periods are counted in: weekday holidays
 * and weekend days worked. Kept by the office (or the admin); every change is audited.
 */
export class CalendarService {
  constructor(private readonly db: Db) {}

  async year(_ctx: Ctx, year: number): Promise<Calendar> {
    const rows = await repo.calendarBetween(this.db, `${year}-01-01`, `${year}-12-31`)
    return { items: rows.map(toDay) }
  }

  /** Sets a day; a holiday on a weekend or a make-up workday on a weekday would mean nothing (422). */
  async put(ctx: Ctx, date: string, body: PutCalendarDayBody): Promise<CalendarDay> {
    const weekend = isWeekend(date)
    if (body.kind === 'holiday' && weekend)
      throw invalid([
        { path: '/kind', message: 'a weekend day is off anyway; only weekdays are holidays' },
      ])
    if (body.kind === 'workday' && !weekend)
      throw invalid([
        {
          path: '/kind',
          message: 'a weekday is worked anyway; only weekend days are make-up workdays',
        },
      ])
    return this.db.transaction(async (tx) => {
      const before = await repo.findDay(tx, date)
      const row = { date, kind: body.kind, name: body.name }
      await repo.putDay(tx, row)
      await recordAudit(tx, ctx, {
        action: before ? 'calendar_day.updated' : 'calendar_day.created',
        entityType: 'calendar_day',
        entityId: date,
        unitId: null,
        before: before ? toDay(before) : null,
        after: toDay(row),
      })
      return toDay(row)
    })
  }

  async remove(ctx: Ctx, date: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await repo.findDay(tx, date)
      if (!before) throw notFound('Calendar day')
      await repo.deleteDay(tx, date)
      await recordAudit(tx, ctx, {
        action: 'calendar_day.deleted',
        entityType: 'calendar_day',
        entityId: date,
        unitId: null,
        before: toDay(before),
      })
    })
  }
}
