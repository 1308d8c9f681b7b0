/**
 * The dashboard (统计分析): every section for one round and unit, loaded together; the breakdown
 * reloads alone when its dimension changes. Rankings come from the dispatch API (a compact card).
 */
import type {
  DashboardBreakdown,
  DashboardLists,
  DashboardOverview,
  DashboardPetitions,
  DashboardQuery,
  DashboardSupervision,
  DashboardTrend,
  Rankings,
} from '@rectify/schemas'
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { useLatest } from '@/composables/useLatest'
import * as api from '@/api/dashboard'
import { getRankings } from '@/api/dispatch'
import type { DashboardDimension } from '@/lib/dashboard'

/** Weeks the trend chart shows (half a year). */
export const TREND_WEEKS = 26

export const useDashboardStore = defineStore('dashboard', () => {
  const overview = shallowRef<DashboardOverview | null>(null)
  const breakdown = shallowRef<DashboardBreakdown | null>(null)
  const trend = shallowRef<DashboardTrend | null>(null)
  const lists = shallowRef<DashboardLists | null>(null)
  const supervision = shallowRef<DashboardSupervision | null>(null)
  const petitions = shallowRef<DashboardPetitions | null>(null)
  const rankings = shallowRef<Rankings | null>(null)
  /** Drops answers of a superseded load (filters changed while it ran). */
  const { loading, error, run } = useLatest()

  /** Loads every section for `query`, the breakdown by `by`. */
  async function load(query: DashboardQuery, by: DashboardDimension): Promise<void> {
    await run(
      () =>
        Promise.all([
          api.getDashboardOverview(query),
          api.getDashboardBreakdown({ ...query, by }),
          api.getDashboardTrend({ ...query, weeks: TREND_WEEKS }),
          api.getDashboardLists(query),
          api.getDashboardSupervision(query),
          api.getDashboardPetitions(query),
          // The ranking is city-wide and per year: the card shows it whatever the filters.
          rankings.value ? Promise.resolve(rankings.value) : getRankings({ metric: 'completion' }),
        ]),
      ([o, b, tr, l, s, p, r]) => {
        overview.value = o
        breakdown.value = b
        trend.value = tr
        lists.value = l
        supervision.value = s
        petitions.value = p
        rankings.value = r
      },
    )
  }

  /** Reloads the breakdown alone (the dimension switch). */
  async function loadBreakdown(query: DashboardQuery, by: DashboardDimension): Promise<void> {
    try {
      breakdown.value = await api.getDashboardBreakdown({ ...query, by })
    } catch (cause) {
      error.value = cause
    }
  }

  return {
    overview,
    breakdown,
    trend,
    lists,
    supervision,
    petitions,
    rankings,
    loading,
    error,
    load,
    loadBreakdown,
  }
})
