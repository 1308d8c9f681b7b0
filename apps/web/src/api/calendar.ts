/** The working-day calendar (节假日与调休) that publicity periods are counted in. */
import type { Calendar, CalendarDay, PutCalendarDayBody } from '@rectify/schemas'
import { request } from './http'

const dayPath = (date: string) => `/calendar/${encodeURIComponent(date)}`

/** `GET /calendar?year=`: the year's holidays and make-up working days. */
export function getCalendar(year: number): Promise<Calendar> {
  return request<Calendar>('/calendar', { query: { year } })
}

/** `PUT /calendar/:date` (office, admin): mark a day a holiday or a make-up working day. */
export function putCalendarDay(date: string, body: PutCalendarDayBody): Promise<CalendarDay> {
  return request<CalendarDay>(dayPath(date), { method: 'PUT', body })
}

/** `DELETE /calendar/:date` (office, admin): the day is an ordinary day again. */
export function deleteCalendarDay(date: string): Promise<void> {
  return request<void>(dayPath(date), { method: 'DELETE' })
}
