/** The working-day calendar of one year (节假日设置): holidays and make-up working days. */
import type { CalendarDay, PutCalendarDayBody } from '@rectify/schemas'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useLatest } from '@/composables/useLatest'
import * as calendarApi from '@/api/calendar'
import { sortCalendar } from '@/lib/acceptance'

export const useCalendarStore = defineStore('calendar', () => {
  const year = ref(new Date().getFullYear())
  const days = shallowRef<CalendarDay[]>([])
  const { loading, error, run } = useLatest()

  async function load(which: number): Promise<void> {
    year.value = which
    await run(
      () => calendarApi.getCalendar(which),
      (calendar) => (days.value = sortCalendar(calendar.items)),
    )
  }

  /** Sets one day (a PUT replaces an entry for the same date) and reads the year again. */
  async function put(date: string, body: PutCalendarDayBody): Promise<void> {
    await calendarApi.putCalendarDay(date, body)
    await load(year.value)
  }

  async function remove(date: string): Promise<void> {
    await calendarApi.deleteCalendarDay(date)
    days.value = days.value.filter((day) => day.date !== date)
  }

  return { year, days, loading, error, load, put, remove }
})
