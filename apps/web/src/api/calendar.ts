/** The working-day calendar (节假日与调休) that publicity periods are counted in. */
import type { PutCalendarDayBody } from '@rectify/schemas'
import { api, ok } from './http'

const byDate = (date: string) => ({ path: { date } })

/** `GET /calendar?year=`: the year's holidays and make-up working days. */
export async function getCalendar(year: number) {
  return ok(await api.GET('/api/v1/calendar', { params: { query: { year } } }))
}

/** `PUT /calendar/:date` (office, admin): mark a day a holiday or a make-up working day. */
export async function putCalendarDay(date: string, body: PutCalendarDayBody) {
  return ok(await api.PUT('/api/v1/calendar/{date}', { params: byDate(date), body }))
}

/** `DELETE /calendar/:date` (office, admin): the day is an ordinary day again. */
export async function deleteCalendarDay(date: string): Promise<void> {
  await api.DELETE('/api/v1/calendar/{date}', { params: byDate(date) })
}
