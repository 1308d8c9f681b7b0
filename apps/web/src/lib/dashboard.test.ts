import type { DashboardFigure } from '@rectify/schemas'
import { describe, expect, it } from 'vitest'
import { figureLink, landingFor, parseDashboardFilters, toDashboardQuery } from './dashboard'
import { parseLedgerFilters, toProblemsQuery } from './ledger-query'

const figure = (o: Partial<DashboardFigure>): DashboardFigure => ({
  key: 'k',
  label: null,
  count: 3,
  ledgerQuery: { bucket: 'behind' },
  target: 'problems',
  ...o,
})

describe('dashboard links', () => {
  it('open the list of the figure’s target with its query', () => {
    expect(figureLink(figure({}))).toEqual({ name: 'problems', query: { bucket: 'behind' } })
    expect(figureLink(figure({ target: 'petitions', ledgerQuery: { finding: 'true' } }))).toEqual({
      name: 'petitions',
      query: { finding: 'true' },
    })
    expect(figureLink(figure({ target: 'notices', ledgerQuery: { level: 'warning' } }))).toEqual({
      name: 'notices',
      query: { level: 'warning' },
    })
  })

  it('have no target for a figure without a list', () => {
    expect(figureLink(figure({ target: 'none', ledgerQuery: null }))).toBeNull()
  })

  it('reach the ledger as filters the API takes (bucket and closed dates)', () => {
    const q = {
      outcome: 'rectified',
      closedFrom: '2026-11-16',
      closedTo: '2026-11-22',
      bucket: 'overdue',
    }
    expect(toProblemsQuery(parseLedgerFilters(q))).toEqual({ ...q, limit: 50 })
    expect(parseLedgerFilters({ bucket: 'late', closedFrom: '22/11/2026' })).toMatchObject({
      bucket: undefined,
      closedFrom: undefined,
    })
  })
})

describe('dashboard filters and landing', () => {
  it('read round, unit and dimension from the URL', () => {
    const round = '01a22053-43df-7000-929c-61466b9f9ed1'
    const f = parseDashboardFilters({ round, unit: 'nope', by: 'region' })
    expect(f).toEqual({ round, unit: undefined, by: 'region' })
    expect(toDashboardQuery(f)).toEqual({ round })
  })

  it('land a city leader on the dashboard, everyone else at home', () => {
    expect(landingFor(['leader'])).toEqual({ name: 'dashboard' })
    expect(landingFor(['leader', 'office'])).toEqual({ name: 'home' })
    expect(landingFor(['unit'])).toEqual({ name: 'home' })
  })
})
